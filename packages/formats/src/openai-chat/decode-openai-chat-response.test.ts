import { GatewayError } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import { decodeOpenAIChatResponse } from './decode-openai-chat-response.js';

const toolCallAnswer = {
  id: 'chatcmpl-1',
  object: 'chat.completion',
  created: 1755133856,
  model: 'gpt-5-nano-2025-08-07',
  choices: [
    {
      index: 0,
      message: {
        role: 'assistant',
        content: null,
        refusal: null,
        annotations: [],
        tool_calls: [
          { id: 'call_8fxy', type: 'function', function: { name: 'get_weather', arguments: '{"location":"Boston, MA"}' } },
        ],
      },
      finish_reason: 'tool_calls',
    },
  ],
  usage: {
    prompt_tokens: 162,
    completion_tokens: 287,
    total_tokens: 449,
    prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
    completion_tokens_details: { reasoning_tokens: 256 },
  },
  service_tier: 'default',
  system_fingerprint: null,
};

describe('decodeOpenAIChatResponse', () => {
  it('decodes ids, tool calls, finish reason and usage', () => {
    expect(decodeOpenAIChatResponse(toolCallAnswer)).toEqual({
      id: 'chatcmpl-1',
      model: 'gpt-5-nano-2025-08-07',
      created: 1755133856,
      content: [{ type: 'tool-call', id: 'call_8fxy', name: 'get_weather', arguments: '{"location":"Boston, MA"}' }],
      finishReason: { unified: 'tool-calls', raw: 'tool_calls' },
      usage: { input: 162, output: 287, total: 449, cachedInput: 0, reasoning: 256, raw: toolCallAnswer.usage },
      serviceTier: 'default',
      systemFingerprint: null,
    });
  });

  it('decodes reasoning_content, empty content and refusals', () => {
    const decoded = decodeOpenAIChatResponse({
      id: 'x',
      model: 'deepseek-reasoner',
      choices: [{ index: 0, message: { role: 'assistant', content: '', reasoning_content: 'why', refusal: 'no' }, finish_reason: 'stop' }],
    });
    expect(decoded.content).toEqual([
      { type: 'reasoning', text: 'why' },
      { type: 'text', text: '' },
      { type: 'refusal', text: 'no' },
    ]);
  });

  it("decodes Mistral's array content with a thinking part", () => {
    const decoded = decodeOpenAIChatResponse({
      id: 'x',
      model: 'magistral',
      choices: [
        {
          index: 0,
          message: {
            role: 'assistant',
            content: [
              { type: 'thinking', thinking: [{ type: 'text', text: 'Let me think.' }] },
              { type: 'text', text: 'Answer.' },
            ],
          },
          finish_reason: 'stop',
        },
      ],
    });
    expect(decoded.content).toEqual([
      { type: 'reasoning', text: 'Let me think.' },
      { type: 'text', text: 'Answer.' },
    ]);
  });

  it('keeps what has no canonical home in providerMetadata', () => {
    const decoded = decodeOpenAIChatResponse({
      id: 'x',
      model: 'm',
      choices: [
        {
          index: 0,
          message: { role: 'assistant', content: 'hi', annotations: [{ type: 'url_citation' }] },
          finish_reason: 'stop',
          logprobs: { content: [] },
          content_filter_results: { hate: { filtered: false } },
        },
        { index: 1, message: { role: 'assistant', content: 'second' }, finish_reason: 'stop' },
      ],
      x_groq: { id: 'req_1' },
    });
    expect(decoded.providerMetadata).toEqual({
      'openai-chat': {
        response: { x_groq: { id: 'req_1' } },
        choice: { content_filter_results: { hate: { filtered: false } }, logprobs: { content: [] } },
        message: { annotations: [{ type: 'url_citation' }] },
        additionalChoices: [{ index: 1, message: { role: 'assistant', content: 'second' }, finish_reason: 'stop' }],
      },
    });
  });

  it('throws for an error body or a body that is not a completion', () => {
    expect(() =>
      decodeOpenAIChatResponse({ error: { message: 'nope', type: 'invalid_request_error', code: 'model_not_found' } }),
    ).toThrow(expect.objectContaining({ kind: 'not_found', message: 'nope' }));
    let thrown: unknown;
    try {
      decodeOpenAIChatResponse({ hello: 'world' });
    } catch (error) {
      thrown = error;
    }
    expect(GatewayError.isInstance(thrown)).toBe(true);
    expect((thrown as GatewayError).kind).toBe('upstream');
  });
});
