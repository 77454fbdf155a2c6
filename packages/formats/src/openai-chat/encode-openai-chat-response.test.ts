import type { ChatResponse } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import { decodeOpenAIChatResponse } from './decode-openai-chat-response.js';
import { encodeOpenAIChatResponse } from './encode-openai-chat-response.js';

describe('encodeOpenAIChatResponse', () => {
  it("encodes a canonical answer from another format in OpenAI's shape", () => {
    const response: ChatResponse = {
      id: 'msg_01',
      model: 'claude-sonnet-4-5',
      created: 1700000000,
      content: [
        { type: 'reasoning', text: 'Need the weather.', signature: 'sig', provider: 'anthropic' },
        { type: 'text', text: 'Checking ' },
        { type: 'text', text: 'now.' },
        { type: 'tool-call', id: 'toolu_1', name: 'weather', arguments: '{"city":"Paris"}' },
      ],
      finishReason: { unified: 'tool-calls', raw: 'tool_use' },
      usage: { input: 100, output: 20, total: 120, cachedInput: 80, raw: { input_tokens: 20 } },
    };
    expect(encodeOpenAIChatResponse(response)).toEqual({
      id: 'msg_01',
      object: 'chat.completion',
      created: 1700000000,
      model: 'claude-sonnet-4-5',
      choices: [
        {
          index: 0,
          message: {
            role: 'assistant',
            content: 'Checking now.',
            refusal: null,
            reasoning_content: 'Need the weather.',
            tool_calls: [{ id: 'toolu_1', type: 'function', function: { name: 'weather', arguments: '{"city":"Paris"}' } }],
            annotations: [],
          },
          logprobs: null,
          finish_reason: 'tool_calls',
        },
      ],
      usage: { prompt_tokens: 100, completion_tokens: 20, total_tokens: 120, prompt_tokens_details: { cached_tokens: 80 } },
    });
  });

  it('has content null and no tool_calls key when there is neither; fills created when unknown', () => {
    const before = Math.floor(Date.now() / 1000);
    const body = encodeOpenAIChatResponse({
      id: 'r',
      model: 'm',
      content: [{ type: 'refusal', text: "I can't help with that." }],
      finishReason: { unified: 'stop', raw: 'stop' },
      systemFingerprint: 'fp_1',
      serviceTier: 'default',
    });
    const message = (body.choices as Array<{ message: Record<string, unknown> }>)[0]!.message;
    expect(message).toEqual({ role: 'assistant', content: null, refusal: "I can't help with that.", annotations: [] });
    expect(body.created).toBeGreaterThanOrEqual(before);
    expect(body.system_fingerprint).toBe('fp_1');
    expect(body.service_tier).toBe('default');
    expect(body).not.toHaveProperty('usage');
  });

  it('restores logprobs, annotations, extras and further choices from providerMetadata', () => {
    const original = {
      id: 'x',
      object: 'chat.completion',
      created: 1,
      model: 'm',
      choices: [
        {
          index: 0,
          message: { role: 'assistant', content: 'hi', refusal: null, annotations: [{ type: 'url_citation' }] },
          logprobs: { content: [{ token: 'hi', logprob: -0.1 }] },
          finish_reason: 'stop',
          content_filter_results: {},
        },
        { index: 1, message: { role: 'assistant', content: 'yo', refusal: null }, logprobs: null, finish_reason: 'stop' },
      ],
      usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2, queue_time: 0.1 },
      system_fingerprint: 'fp',
      prompt_filter_results: [],
    };
    expect(encodeOpenAIChatResponse(decodeOpenAIChatResponse(original))).toEqual(original);
  });
});
