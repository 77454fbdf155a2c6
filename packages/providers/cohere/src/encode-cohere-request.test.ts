import type { ChatRequest } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import { encodeCohereRequest } from './encode-cohere-request.js';

function request(extra: Partial<ChatRequest> = {}): ChatRequest {
  return { model: 'command-a-03-2025', stream: false, messages: [{ role: 'user', content: [{ type: 'text', text: 'hello' }] }], ...extra };
}

describe('encodeCohereRequest', () => {
  it('writes the minimal body exactly as Cohere records show it', () => {
    expect(encodeCohereRequest(request())).toEqual({
      body: { model: 'command-a-03-2025', messages: [{ role: 'user', content: 'hello' }], stream: false },
      warnings: [],
    });
  });

  it('maps sampling, limits and stop sequences to their Cohere names', () => {
    const { body, warnings } = encodeCohereRequest(
      request({ temperature: 0.2, topP: 0.9, topK: 40, maxOutputTokens: 100, stop: ['END'], seed: 7, frequencyPenalty: 0.1, presencePenalty: 0.3 }),
    );
    expect(body).toMatchObject({ temperature: 0.2, p: 0.9, k: 40, max_tokens: 100, stop_sequences: ['END'], seed: 7, frequency_penalty: 0.1, presence_penalty: 0.3 });
    expect(warnings).toEqual([]);
  });

  it('asks for JSON, with the schema (its description folded in) for json_schema', () => {
    expect(encodeCohereRequest(request({ responseFormat: { type: 'json_object' } })).body.response_format).toEqual({ type: 'json_object' });
    const { body } = encodeCohereRequest(
      request({ responseFormat: { type: 'json_schema', name: 'person', description: 'A person', schema: { type: 'object', properties: { name: { type: 'string' } }, required: ['name'] } } }),
    );
    expect(body.response_format).toEqual({
      type: 'json_object',
      json_schema: { type: 'object', properties: { name: { type: 'string' } }, required: ['name'], description: 'A person' },
    });
    expect(encodeCohereRequest(request({ responseFormat: { type: 'text' } })).body).not.toHaveProperty('response_format');
  });

  it('sends thinking from reasoning settings', () => {
    expect(encodeCohereRequest(request({ reasoning: { budgetTokens: 1024 } })).body.thinking).toEqual({ type: 'enabled', token_budget: 1024 });
  });

  it('copies providerOptions.cohere verbatim without replacing canonical fields', () => {
    const { body } = encodeCohereRequest(
      request({
        temperature: 0.5,
        providerOptions: { cohere: { documents: [{ id: 'doc-1', data: { text: 'Paris is in France.' } }], safety_mode: 'STRICT', temperature: 1 } },
      }),
    );
    expect(body).toMatchObject({ documents: [{ id: 'doc-1', data: { text: 'Paris is in France.' } }], safety_mode: 'STRICT', temperature: 0.5 });
  });

  it('warns about what Cohere cannot take', () => {
    const { body, warnings } = encodeCohereRequest(
      request({ n: 2, logprobs: true, user: 'u1', metadata: { a: 'b' }, providerOptions: { 'openai-chat': { logit_bias: { 1: 2 } } } }),
    );
    expect(warnings.map((warning) => warning.field)).toEqual(['n', 'logprobs', 'user', 'metadata', 'logit_bias']);
    expect(body).not.toHaveProperty('logprobs');
  });
});
