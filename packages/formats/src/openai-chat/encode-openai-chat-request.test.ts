import type { ChatRequest } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import { decodeOpenAIChatRequest } from './decode-openai-chat-request.js';
import { encodeOpenAIChatRequest } from './encode-openai-chat-request.js';

describe('encodeOpenAIChatRequest', () => {
  it('encodes a canonical request from another format', () => {
    const request: ChatRequest = {
      model: 'gpt-4o',
      messages: [
        { role: 'system', content: [{ type: 'text', text: 'Be brief.' }] },
        {
          role: 'user',
          content: [
            { type: 'text', text: 'What is this?' },
            { type: 'image', source: { type: 'base64', mediaType: 'image/jpeg', data: '/9j/4A' } },
            { type: 'file', source: { type: 'base64', mediaType: 'application/pdf', data: 'JVBER' }, filename: 'a.pdf' },
            { type: 'audio', data: 'UklGR', format: 'mp3' },
          ],
        },
        {
          role: 'assistant',
          content: [
            { type: 'text', text: 'Checking.' },
            { type: 'tool-call', id: 'toolu_1', name: 'lookup', arguments: '{"q":"x"}' },
            { type: 'tool-call', id: 'toolu_2', name: 'lookup', arguments: '{"q":"y"}' },
          ],
        },
        {
          role: 'tool',
          content: [
            { type: 'tool-result', toolCallId: 'toolu_1', content: [{ type: 'text', text: 'one' }] },
            { type: 'tool-result', toolCallId: 'toolu_2', toolName: 'lookup', content: [{ type: 'text', text: 'two' }] },
          ],
        },
      ],
      tools: [{ name: 'lookup', description: 'Look up', parameters: { type: 'object', properties: {} } }],
      toolChoice: { type: 'tool', name: 'lookup' },
      maxOutputTokens: 256,
      stop: ['END'],
      temperature: 0.2,
      responseFormat: { type: 'json_object' },
      reasoning: { effort: 'high' },
      stream: true,
      streamUsage: true,
    };
    const { body, warnings } = encodeOpenAIChatRequest(request);
    expect(warnings).toEqual([]);
    expect(body).toEqual({
      model: 'gpt-4o',
      messages: [
        { role: 'system', content: 'Be brief.' },
        {
          role: 'user',
          content: [
            { type: 'text', text: 'What is this?' },
            { type: 'image_url', image_url: { url: 'data:image/jpeg;base64,/9j/4A' } },
            { type: 'file', file: { file_data: 'data:application/pdf;base64,JVBER', filename: 'a.pdf' } },
            { type: 'input_audio', input_audio: { data: 'UklGR', format: 'mp3' } },
          ],
        },
        {
          role: 'assistant',
          content: 'Checking.',
          tool_calls: [
            { id: 'toolu_1', type: 'function', function: { name: 'lookup', arguments: '{"q":"x"}' } },
            { id: 'toolu_2', type: 'function', function: { name: 'lookup', arguments: '{"q":"y"}' } },
          ],
        },
        { role: 'tool', tool_call_id: 'toolu_1', content: 'one' },
        { role: 'tool', tool_call_id: 'toolu_2', content: 'two' },
      ],
      tools: [{ type: 'function', function: { name: 'lookup', description: 'Look up', parameters: { type: 'object', properties: {} } } }],
      tool_choice: { type: 'function', function: { name: 'lookup' } },
      temperature: 0.2,
      max_completion_tokens: 256,
      stop: ['END'],
      response_format: { type: 'json_object' },
      reasoning_effort: 'high',
      stream: true,
      stream_options: { include_usage: true },
    });
  });

  it('drops reasoning in assistant history with a warning', () => {
    const { body, warnings } = encodeOpenAIChatRequest({
      model: 'm',
      stream: false,
      messages: [
        { role: 'user', content: [{ type: 'text', text: 'hi' }] },
        {
          role: 'assistant',
          content: [
            { type: 'reasoning', text: 'hmm', signature: 'sig', provider: 'anthropic' },
            { type: 'text', text: 'hello' },
          ],
        },
      ],
    });
    expect((body.messages as unknown[])[1]).toEqual({ role: 'assistant', content: 'hello' });
    expect(warnings).toEqual([expect.objectContaining({ type: 'unsupported-field', field: 'messages[1].content[0]' })]);
  });

  it('warns for every other field it cannot express', () => {
    const { body, warnings } = encodeOpenAIChatRequest({
      model: 'm',
      stream: false,
      topK: 40,
      reasoning: { budgetTokens: 1024, summary: 'auto' },
      messages: [
        {
          role: 'user',
          content: [
            { type: 'image', source: { type: 'file-id', fileId: 'file_1' } },
            { type: 'file', source: { type: 'url', url: 'https://example.com/a.pdf' } },
            { type: 'text', text: 'x', cache: { type: 'ephemeral', ttl: '1h' } },
          ],
        },
        {
          role: 'tool',
          content: [
            {
              type: 'tool-result',
              toolCallId: 'c',
              isError: true,
              content: [{ type: 'image', source: { type: 'url', url: 'https://example.com/i.png' } }],
            },
          ],
        },
      ],
    });
    expect(warnings.map((warning) => warning.field)).toEqual([
      'messages[0].content[0]',
      'messages[0].content[1]',
      'messages[0].content[2].cache.ttl',
      'messages[1].content[0].content[0]',
      'messages[1].content[0].isError',
      'topK',
      'reasoning.budgetTokens',
      'reasoning.summary',
    ]);
    expect(body.messages).toEqual([
      { role: 'user', content: [{ type: 'text', text: 'x', prompt_cache_breakpoint: { mode: 'explicit' } }] },
      { role: 'tool', tool_call_id: 'c', content: '' },
    ]);
    expect(body).not.toHaveProperty('reasoning_effort');
  });

  it('puts providerOptions extras back without letting them override mapped fields', () => {
    const { body } = encodeOpenAIChatRequest({
      model: 'm',
      stream: true,
      streamUsage: true,
      messages: [{ role: 'user', content: [{ type: 'text', text: 'hi' }] }],
      providerOptions: {
        'openai-chat': {
          logit_bias: { '1': 5 },
          model: 'not-this-one',
          stream_options: { include_obfuscation: false },
        },
        anthropic: { ignored: true },
      },
    });
    expect(body.model).toBe('m');
    expect(body.logit_bias).toEqual({ '1': 5 });
    expect(body.stream_options).toEqual({ include_obfuscation: false, include_usage: true });
    expect(body).not.toHaveProperty('ignored');
  });

  it("names every other format's verbatim extra in a warning instead of dropping it silently", () => {
    const { body, warnings } = encodeOpenAIChatRequest({
      model: 'm',
      stream: false,
      messages: [{ role: 'user', content: [{ type: 'text', text: 'hi' }] }],
      providerOptions: {
        'anthropic-messages': { service_tier: 'standard_only', cache_control: { type: 'ephemeral' } },
        'openai-responses': { store: false },
      },
    });
    expect(body).not.toHaveProperty('service_tier');
    expect(body).not.toHaveProperty('store');
    expect(warnings.map((warning) => [warning.type, warning.field])).toEqual([
      ['unsupported-field', 'service_tier'],
      ['unsupported-field', 'cache_control'],
      ['unsupported-field', 'store'],
    ]);
  });

  it('sends no stream_options on a non-streamed request (OpenAI refuses them)', () => {
    const { body } = encodeOpenAIChatRequest({
      model: 'm',
      stream: false,
      streamUsage: true,
      messages: [{ role: 'user', content: [{ type: 'text', text: 'hi' }] }],
    });
    expect(body).not.toHaveProperty('stream_options');
    expect(body.stream).toBe(false);
  });

  it('round-trips an OpenAI request through the canonical model', () => {
    const original = {
      model: 'gpt-4o',
      messages: [
        { role: 'developer', content: 'Rules.' },
        {
          role: 'user',
          content: [
            { type: 'text', text: 'Cached prefix', prompt_cache_breakpoint: { mode: 'explicit' } },
            { type: 'image_url', image_url: { url: 'https://example.com/a.png', detail: 'low' } },
          ],
          name: 'ada',
        },
        {
          role: 'assistant',
          content: null,
          refusal: 'no',
          tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'f', arguments: '{"a": 1}' } }],
        },
        { role: 'tool', tool_call_id: 'call_1', content: [{ type: 'text', text: 'a' }, { type: 'text', text: 'b' }] },
      ],
      tools: [{ type: 'function', function: { name: 'f', parameters: { type: 'object' }, strict: true } }],
      tool_choice: 'auto',
      parallel_tool_calls: true,
      max_completion_tokens: 50,
      stop: ['a', 'b'],
      seed: 1,
      n: 2,
      logprobs: true,
      top_logprobs: 2,
      response_format: { type: 'json_schema', json_schema: { name: 'x', description: 'd', schema: { type: 'object' }, strict: false } },
      reasoning_effort: 'minimal',
      user: 'u',
      metadata: { a: 'b' },
      stream: true,
      stream_options: { include_usage: true, include_obfuscation: false },
      logit_bias: { '9': 1 },
      service_tier: 'priority',
      store: false,
    };
    const decoded = decodeOpenAIChatRequest(original);
    expect(decoded.warnings).toEqual([]);
    const { body, warnings } = encodeOpenAIChatRequest(decoded.request);
    expect(warnings).toEqual([]);
    expect(body).toEqual(original);
  });
});
