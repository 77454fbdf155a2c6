import type { ChatRequest, Warning } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import { encodeBedrockRequest } from './encode-bedrock-request.js';

const base: ChatRequest = {
  model: 'us.anthropic.claude-sonnet-4-20250514-v1:0',
  messages: [{ role: 'user', content: [{ type: 'text', text: 'Hello' }] }],
  stream: false,
};

function encode(overrides: Partial<ChatRequest>) {
  const warnings: Warning[] = [];
  const encoded = encodeBedrockRequest({ ...base, ...overrides }, (warning) => warnings.push(warning));
  return { ...encoded, warnings };
}

describe('encodeBedrockRequest', () => {
  it('builds the recorded text request', () => {
    expect(encode({}).body).toEqual({ messages: [{ role: 'user', content: [{ text: 'Hello' }] }] });
  });

  it('puts sampling in inferenceConfig', () => {
    const { body, warnings } = encode({ maxOutputTokens: 100, temperature: 0.1, topP: 0.9, stop: ['END', 'STOP'] });
    expect(body.inferenceConfig).toEqual({ maxTokens: 100, temperature: 0.1, topP: 0.9, stopSequences: ['END', 'STOP'] });
    expect(warnings).toEqual([]);
  });

  it('sends top_k in the model family spelling, or warns', () => {
    expect(encode({ topK: 40 }).body.additionalModelRequestFields).toEqual({ top_k: 40 });
    expect(encode({ model: 'us.amazon.nova-micro-v1:0', topK: 40 }).body.additionalModelRequestFields).toEqual({ inferenceConfig: { topK: 40 } });
    const llama = encode({ model: 'meta.llama3-70b-instruct-v1:0', topK: 40 });
    expect(llama.body.additionalModelRequestFields).toBeUndefined();
    expect(llama.warnings).toEqual([expect.objectContaining({ type: 'unsupported-field', field: 'top_k' })]);
  });

  it('turns a reasoning budget into Claude thinking, as the recorded reasoning request does', () => {
    const { body, warnings } = encode({ reasoning: { budgetTokens: 1024 } });
    expect(body.additionalModelRequestFields).toEqual({ thinking: { type: 'enabled', budget_tokens: 1024 } });
    expect(warnings).toEqual([]);
  });

  it('turns an effort into a Claude budget with a default-applied warning, and none into nothing', () => {
    const { body, warnings } = encode({ reasoning: { effort: 'medium' } });
    expect(body.additionalModelRequestFields).toEqual({ thinking: { type: 'enabled', budget_tokens: 8192 } });
    expect(warnings).toEqual([expect.objectContaining({ type: 'default-applied', field: 'reasoning_effort' })]);
    expect(encode({ reasoning: { effort: 'none', budgetTokens: 2000 } }).body.additionalModelRequestFields).toBeUndefined();
  });

  it('sends an effort to Nova as reasoningConfig and to gpt-oss as reasoning_effort', () => {
    expect(encode({ model: 'us.amazon.nova-2-lite-v1:0', reasoning: { effort: 'high' } }).body.additionalModelRequestFields).toEqual({
      reasoningConfig: { type: 'enabled', maxReasoningEffort: 'high' },
    });
    expect(encode({ model: 'openai.gpt-oss-120b-1:0', reasoning: { effort: 'low' } }).body.additionalModelRequestFields).toEqual({
      reasoning_effort: 'low',
    });
  });

  it('sends json_schema as native outputConfig with the schema as a string', () => {
    const schema = { type: 'object', properties: { city: { type: 'string' } }, required: ['city'], additionalProperties: false };
    const { body, answerToolName } = encode({ responseFormat: { type: 'json_schema', name: 'city_answer', schema, description: 'The city' } });
    expect(body.outputConfig).toEqual({
      textFormat: { type: 'json_schema', structure: { jsonSchema: { schema: JSON.stringify(schema), name: 'city_answer', description: 'The city' } } },
    });
    expect(answerToolName).toBeUndefined();
  });

  it('sends json_schema as a forced tool in tool mode', () => {
    const schema = { type: 'object', properties: { temperature: { type: 'string' } } };
    const { body, answerToolName } = encode({
      responseFormat: { type: 'json_schema', name: 'final_result', schema },
      providerOptions: { bedrock: { structuredOutputMode: 'tool' } },
    });
    expect(answerToolName).toBe('final_result');
    expect(body.toolConfig).toEqual({
      tools: [{ toolSpec: { name: 'final_result', inputSchema: { json: schema } } }],
      toolChoice: { tool: { name: 'final_result' } },
    });
    expect(body).not.toHaveProperty('structuredOutputMode');
    expect(body.outputConfig).toBeUndefined();
  });

  it('warns that json_object has no Bedrock equivalent', () => {
    const { body, warnings } = encode({ responseFormat: { type: 'json_object' } });
    expect(body.outputConfig).toBeUndefined();
    expect(warnings).toEqual([expect.objectContaining({ type: 'unsupported-value', field: 'response_format' })]);
  });

  it('warns about every field Converse cannot carry', () => {
    const { warnings } = encode({ seed: 1, presencePenalty: 0.5, frequencyPenalty: 0.5, user: 'u1', n: 2, logprobs: true, parallelToolCalls: false });
    expect(warnings.map((warning) => warning.field)).toEqual([
      'seed',
      'presence_penalty',
      'frequency_penalty',
      'logprobs',
      'user',
      'n',
      'parallel_tool_calls',
    ]);
  });

  it("names a client format's verbatim extras in warnings, sending none of them", () => {
    const { body, warnings } = encode({ providerOptions: { 'openai-chat': { service_tier: 'auto' }, 'anthropic-messages': { container: 'c1' }, 'openai-responses': { store: false } } });
    expect(body).toEqual({ messages: [{ role: 'user', content: [{ text: 'Hello' }] }] });
    expect(warnings.map((warning) => warning.field)).toEqual(['service_tier', 'store', 'container']);
  });

  it('sends metadata as requestMetadata and merges providerOptions.bedrock', () => {
    const { body } = encode({
      metadata: { team: 'search' },
      reasoning: { budgetTokens: 2048 },
      providerOptions: {
        bedrock: {
          additionalModelRequestFields: { anthropic_beta: ['interleaved-thinking-2025-05-14'] },
          guardrailConfig: { guardrailIdentifier: 'gr-1', guardrailVersion: '1' },
          inferenceConfig: { maxTokens: 50 },
        },
      },
      temperature: 1,
    });
    expect(body.requestMetadata).toEqual({ team: 'search' });
    expect(body.additionalModelRequestFields).toEqual({
      thinking: { type: 'enabled', budget_tokens: 2048 },
      anthropic_beta: ['interleaved-thinking-2025-05-14'],
    });
    expect(body.guardrailConfig).toEqual({ guardrailIdentifier: 'gr-1', guardrailVersion: '1' });
    expect(body.inferenceConfig).toEqual({ temperature: 1, maxTokens: 50 });
  });

  it('refuses unknown structuredOutputMode values', () => {
    expect(() => encode({ providerOptions: { bedrock: { structuredOutputMode: 'magic' } } })).toThrow(/native" or "tool/);
  });
});
