import { UpstreamError } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import { decodeCohereResponse } from './decode-cohere-response.js';

describe('decodeCohereResponse', () => {
  it('maps text, usage and the finish reason', () => {
    const response = decodeCohereResponse(
      {
        id: 'f17a',
        finish_reason: 'COMPLETE',
        message: { role: 'assistant', content: [{ type: 'text', text: 'Hello!' }] },
        usage: { billed_units: { input_tokens: 1, output_tokens: 2 }, tokens: { input_tokens: 496, output_tokens: 11 } },
      },
      'command-r7b-12-2024',
    );
    expect(response).toEqual({
      id: 'f17a',
      model: 'command-r7b-12-2024',
      content: [{ type: 'text', text: 'Hello!' }],
      finishReason: { unified: 'stop', raw: 'COMPLETE' },
      usage: { input: 496, output: 11, total: 507, raw: { billed_units: { input_tokens: 1, output_tokens: 2 }, tokens: { input_tokens: 496, output_tokens: 11 } } },
    });
  });

  it('keeps the tool plan as reasoning before the calls and in providerMetadata', () => {
    const response = decodeCohereResponse(
      {
        id: 'a1',
        finish_reason: 'TOOL_CALL',
        message: {
          role: 'assistant',
          tool_plan: 'I will check.',
          tool_calls: [
            { id: 'weather_1', type: 'function', function: { name: 'weather', arguments: '{"city":"Paris"}' } },
            { id: 'time_2', type: 'function', function: { name: 'time', arguments: '' } },
          ],
        },
      },
      'command-a-03-2025',
    );
    expect(response.content).toEqual([
      { type: 'reasoning', text: 'I will check.', provider: 'cohere' },
      { type: 'tool-call', id: 'weather_1', name: 'weather', arguments: '{"city":"Paris"}' },
      { type: 'tool-call', id: 'time_2', name: 'time', arguments: '{}' },
    ]);
    expect(response.finishReason).toEqual({ unified: 'tool-calls', raw: 'TOOL_CALL' });
    expect(response.providerMetadata).toEqual({ cohere: { tool_plan: 'I will check.' } });
  });

  it('maps thinking blocks to reasoning and keeps citations, logprobs and unknown fields', () => {
    const citation = { start: 0, end: 5, text: 'Paris', sources: [{ type: 'document', id: 'doc-1', document: { text: 'Paris' } }], type: 'TEXT_CONTENT' };
    const response = decodeCohereResponse(
      {
        id: 'r1',
        finish_reason: 'COMPLETE',
        message: { role: 'assistant', content: [{ type: 'thinking', thinking: 'hmm' }, { type: 'text', text: 'Paris' }, { type: 'image', url: 'x' }], citations: [citation] },
        logprobs: [{ token_ids: [1] }],
        something_new: true,
      },
      'command-a-reasoning-08-2025',
    );
    expect(response.content).toEqual([
      { type: 'reasoning', text: 'hmm', provider: 'cohere' },
      { type: 'text', text: 'Paris' },
    ]);
    expect(response.providerMetadata).toEqual({
      cohere: { logprobs: [{ token_ids: [1] }], something_new: true, citations: [citation], unmappedContent: [{ type: 'image', url: 'x' }] },
    });
  });

  it('refuses a body that is not a chat response', () => {
    expect(() => decodeCohereResponse({ nope: true }, 'm')).toThrow(UpstreamError);
  });
});
