import type { ChatRequest } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import { encodeOllamaRequest } from './encode-ollama-request.js';

const base: ChatRequest = { model: 'llama3.2', stream: true, messages: [{ role: 'user', content: [{ type: 'text', text: 'hi' }] }] };
const tools = [
  { name: 'a', description: 'A', parameters: { type: 'object', properties: {} }, strict: true },
  { name: 'b', parameters: { type: 'object', properties: {} } },
];

describe('encodeOllamaRequest', () => {
  it('puts sampling settings in options under Modelfile names, stream always spelled out', () => {
    const { body, warnings } = encodeOllamaRequest({
      ...base,
      temperature: 0.1,
      topP: 0.8,
      topK: 20,
      maxOutputTokens: 64,
      stop: ['END'],
      seed: 3,
      presencePenalty: 0.5,
      frequencyPenalty: 0.25,
    });
    expect(body).toEqual({
      model: 'llama3.2',
      messages: [{ role: 'user', content: 'hi' }],
      stream: true,
      options: { temperature: 0.1, top_p: 0.8, top_k: 20, num_predict: 64, stop: ['END'], seed: 3, presence_penalty: 0.5, frequency_penalty: 0.25 },
    });
    expect(warnings).toEqual([]);
  });

  it('sends structured output as format: json, or the schema itself', () => {
    expect(encodeOllamaRequest({ ...base, responseFormat: { type: 'json_object' } }).body.format).toBe('json');
    const schema = { type: 'object', properties: { a: { type: 'string' } } };
    const encoded = encodeOllamaRequest({ ...base, responseFormat: { type: 'json_schema', name: 'x', schema, strict: true, description: 'd' } });
    expect(encoded.body.format).toEqual(schema);
    expect(encoded.warnings.map((warning) => warning.field)).toEqual(['responseFormat.description']);
  });

  it('maps tool choice: none sends no tools, a named tool is sent alone, required is a warning', () => {
    expect(encodeOllamaRequest({ ...base, tools, toolChoice: { type: 'none' } }).body.tools).toBeUndefined();
    const named = encodeOllamaRequest({ ...base, tools, toolChoice: { type: 'tool', name: 'b' } });
    expect(named.body.tools).toEqual([{ type: 'function', function: { name: 'b', parameters: { type: 'object', properties: {} } } }]);
    expect(named.warnings).toEqual([expect.objectContaining({ field: 'toolChoice', type: 'unsupported-value' })]);
    const required = encodeOllamaRequest({ ...base, tools, toolChoice: { type: 'required' }, parallelToolCalls: false });
    expect(required.body.tools).toHaveLength(2);
    expect(required.warnings.map((warning) => warning.field)).toEqual(['toolChoice', 'tools[0].strict', 'parallelToolCalls']);
  });

  it('sends think from reasoning settings, or from providerOptions.ollama over them, with Ollama extras', () => {
    expect(encodeOllamaRequest({ ...base, reasoning: { effort: 'medium' } }).body.think).toBe('medium');
    const extras = encodeOllamaRequest({
      ...base,
      reasoning: { effort: 'low' },
      temperature: 0.3,
      providerOptions: { ollama: { think: true, keep_alive: '10m', options: { num_ctx: 8192, temperature: 0.9 } } },
    });
    expect(extras.body).toMatchObject({ think: true, keep_alive: '10m', options: { temperature: 0.9, num_ctx: 8192 } });
  });

  it('warns about what Ollama cannot take, a client format’s own fields included', () => {
    const { warnings } = encodeOllamaRequest({ ...base, n: 2, user: 'u', metadata: { a: 'b' }, providerOptions: { 'openai-chat': { logit_bias: {} } } });
    expect(warnings.map((warning) => warning.field)).toEqual(['logit_bias', 'n', 'user', 'metadata']);
  });

  it('asks for logprobs the way Ollama spells them', () => {
    expect(encodeOllamaRequest({ ...base, logprobs: true, topLogprobs: 3 }).body).toMatchObject({ logprobs: true, top_logprobs: 3 });
  });
});
