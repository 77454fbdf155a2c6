import type { ChatRequest, Warning } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import type { GoogleProviderOptions } from './google-provider-options.js';
import { prepareGoogleGenerationConfig } from './prepare-google-generation-config.js';

const jsonMode: GoogleProviderOptions = { schemaMode: 'json-schema', body: {} };

function prepare(extra: Partial<ChatRequest>, options: GoogleProviderOptions = jsonMode) {
  const warnings: Warning[] = [];
  const config = prepareGoogleGenerationConfig({ model: 'gemini-2.5-flash', messages: [], stream: false, ...extra }, options, warnings);
  return { config, warnings };
}

describe('prepareGoogleGenerationConfig', () => {
  it('sends nothing when nothing is set', () => {
    expect(prepare({})).toEqual({ config: undefined, warnings: [] });
  });

  it('maps sampling, limits, stop sequences, seed and penalties', () => {
    const { config, warnings } = prepare({
      temperature: 0.3,
      topP: 0.9,
      topK: 40,
      maxOutputTokens: 200,
      stop: ['END', '###'],
      seed: 7,
      presencePenalty: 0.5,
      frequencyPenalty: -0.5,
      n: 1,
    });
    expect(config).toEqual({
      temperature: 0.3,
      topP: 0.9,
      topK: 40,
      maxOutputTokens: 200,
      stopSequences: ['END', '###'],
      seed: 7,
      presencePenalty: 0.5,
      frequencyPenalty: -0.5,
      candidateCount: 1,
    });
    expect(warnings).toEqual([]);
  });

  it('asks for one candidate and warns when more choices were asked for; warns about logprobs', () => {
    const { config, warnings } = prepare({ n: 3, logprobs: true });
    expect(config).toEqual({ candidateCount: 1 });
    expect(warnings.map((warning) => warning.field)).toEqual(['n', 'logprobs']);
  });

  it('maps json_object and json_schema (with the description folded into the schema)', () => {
    expect(prepare({ responseFormat: { type: 'json_object' } }).config).toEqual({ responseMimeType: 'application/json' });
    const schema = { type: 'object', properties: { a: { type: 'string' } }, additionalProperties: false };
    expect(prepare({ responseFormat: { type: 'json_schema', name: 'out', description: 'The result', schema, strict: true } }).config).toEqual({
      responseMimeType: 'application/json',
      responseJsonSchema: { ...schema, description: 'The result' },
    });
    const openapi = prepare({ responseFormat: { type: 'json_schema', name: 'out', schema } }, { schemaMode: 'openapi', body: {} });
    expect(openapi.config).toEqual({
      responseMimeType: 'application/json',
      responseSchema: { type: 'OBJECT', properties: { a: { type: 'STRING' } } },
    });
    expect(openapi.warnings[0]).toMatchObject({ field: 'responseFormat.schema' });
  });

  it('adds thinking settings and lets providerOptions override', () => {
    const { config } = prepare(
      { reasoning: { budgetTokens: 2048 }, temperature: 1 },
      { ...jsonMode, thinkingConfig: { includeThoughts: false }, generationConfig: { responseModalities: ['TEXT'], temperature: 0 } },
    );
    expect(config).toEqual({
      temperature: 0,
      thinkingConfig: { thinkingBudget: 2048, includeThoughts: false },
      responseModalities: ['TEXT'],
    });
  });
});
