import type { ChatRequest, Warning } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import type { GoogleProviderOptions } from './google-provider-options.js';
import { prepareGoogleTools } from './prepare-google-tools.js';

const jsonMode: GoogleProviderOptions = { schemaMode: 'json-schema', body: {} };
const openApiMode: GoogleProviderOptions = { schemaMode: 'openapi', body: {} };

function request(extra: Partial<ChatRequest>): ChatRequest {
  return { model: 'gemini-2.5-flash', messages: [], stream: false, ...extra };
}

const weather = {
  name: 'get_weather',
  description: 'Weather for a city',
  parameters: {
    $schema: 'http://json-schema.org/draft-07/schema#',
    type: 'object',
    properties: { city: { type: 'string' }, unit: { $ref: '#/$defs/Unit', description: 'C or F' } },
    $defs: { Unit: { type: 'string', enum: ['C', 'F'] } },
    required: ['city'],
    additionalProperties: false,
  },
};

describe('prepareGoogleTools', () => {
  it('sends JSON Schema as parametersJsonSchema by default', () => {
    const warnings: Warning[] = [];
    const prepared = prepareGoogleTools(request({ tools: [weather, { name: 'noop', parameters: { type: 'object', properties: {} } }] }), jsonMode, warnings);
    expect(prepared.tools).toEqual([
      {
        functionDeclarations: [
          {
            name: 'get_weather',
            description: 'Weather for a city',
            parametersJsonSchema: {
              ...weather.parameters,
              properties: { city: { type: 'string' }, unit: { anyOf: [{ $ref: '#/$defs/Unit' }], description: 'C or F' } },
            },
          },
          { name: 'noop', parametersJsonSchema: { type: 'object', properties: {} } },
        ],
      },
    ]);
    expect(prepared.toolConfig).toBeUndefined();
    expect(warnings).toEqual([]);
  });

  it('converts to the OpenAPI-subset Schema in openapi mode, warning about what it removed', () => {
    const warnings: Warning[] = [];
    const prepared = prepareGoogleTools(request({ tools: [weather] }), openApiMode, warnings);
    expect(prepared.tools![0]!.functionDeclarations![0]!.parameters).toEqual({
      type: 'OBJECT',
      properties: { city: { type: 'STRING' }, unit: { type: 'STRING', enum: ['C', 'F'], description: 'C or F' } },
      required: ['city'],
    });
    expect(warnings).toEqual([expect.objectContaining({ field: 'tools[0].parameters', message: expect.stringContaining('additionalProperties') })]);
  });

  it.each([
    [{ type: 'auto' }, { mode: 'AUTO' }],
    [{ type: 'none' }, { mode: 'NONE' }],
    [{ type: 'required' }, { mode: 'ANY' }],
    [{ type: 'tool', name: 'get_weather' }, { mode: 'ANY', allowedFunctionNames: ['get_weather'] }],
  ] as const)('maps tool choice %j to %j', (toolChoice, functionCallingConfig) => {
    const prepared = prepareGoogleTools(request({ tools: [weather], toolChoice }), jsonMode, []);
    expect(prepared.toolConfig).toEqual({ functionCallingConfig });
  });

  it('appends native tools and merges a toolConfig from providerOptions', () => {
    const prepared = prepareGoogleTools(
      request({ tools: [weather], toolChoice: { type: 'auto' } }),
      { ...jsonMode, tools: [{ googleSearch: {} }], toolConfig: { retrievalConfig: { languageCode: 'en' } } },
      [],
    );
    expect(prepared.tools).toHaveLength(2);
    expect(prepared.tools![1]).toEqual({ googleSearch: {} });
    expect(prepared.toolConfig).toEqual({ functionCallingConfig: { mode: 'AUTO' }, retrievalConfig: { languageCode: 'en' } });
  });

  it('warns about strict, tool cache hints and parallelToolCalls false', () => {
    const warnings: Warning[] = [];
    prepareGoogleTools(request({ tools: [{ ...weather, strict: true, cache: { type: 'ephemeral' } }], parallelToolCalls: false }), jsonMode, warnings);
    expect(warnings.map((warning) => warning.field)).toEqual(['tools[0].strict', 'tools[0].cache', 'parallelToolCalls']);
  });

  it('sends nothing without tools', () => {
    expect(prepareGoogleTools(request({ toolChoice: { type: 'none' } }), jsonMode, [])).toEqual({});
  });
});
