import type { ChatResponse } from '@switchyard/core';
import { fixturesFor } from '@switchyard/testkit';
import { describe, expect, it } from 'vitest';
import { decodeAnthropicMessagesResponse } from './decode-anthropic-messages-response.js';
import { encodeAnthropicMessagesResponse } from './encode-anthropic-messages-response.js';

describe('encodeAnthropicMessagesResponse', () => {
  it("encodes another provider's answer as a Messages answer", () => {
    const response: ChatResponse = {
      id: 'chatcmpl-1',
      model: 'gpt-4o',
      created: 1,
      content: [
        { type: 'reasoning', text: 'deepseek style thoughts' },
        { type: 'reasoning', text: 'openai summary', redactedData: 'gAAAA', provider: 'openai' },
        { type: 'text', text: 'Hello' },
        { type: 'tool-call', id: 'call_1', name: 'f', arguments: '{"a":1}' },
        { type: 'tool-call', id: 'call_2', name: 'g', arguments: '{"cut' },
        { type: 'refusal', text: 'no' },
      ],
      finishReason: { unified: 'tool-calls', raw: 'tool_calls' },
      usage: { input: 20, output: 5, cachedInput: 8, total: 25, raw: { prompt_tokens: 20, completion_tokens: 5 } },
    };
    expect(encodeAnthropicMessagesResponse(response)).toEqual({
      id: 'chatcmpl-1',
      type: 'message',
      role: 'assistant',
      model: 'gpt-4o',
      content: [
        { type: 'thinking', thinking: 'deepseek style thoughts', signature: '' },
        { type: 'thinking', thinking: 'openai summary', signature: '' },
        { type: 'text', text: 'Hello' },
        { type: 'tool_use', id: 'call_1', name: 'f', input: { a: 1 } },
        { type: 'tool_use', id: 'call_2', name: 'g', input: {} },
        { type: 'text', text: 'no' },
      ],
      stop_reason: 'tool_use',
      stop_sequence: null,
      usage: { input_tokens: 12, cache_creation_input_tokens: null, cache_read_input_tokens: 8, output_tokens: 5 },
    });
  });

  it("keeps Claude-on-Bedrock's signature and redacted thinking, which verify at Bedrock and Anthropic alike", () => {
    const encoded = encodeAnthropicMessagesResponse({
      id: 'req-1',
      model: 'us.anthropic.claude-sonnet-4-5',
      content: [
        { type: 'reasoning', text: 'plan', signature: 'bedrock-sig', provider: 'bedrock' },
        { type: 'reasoning', text: '', redactedData: 'EvgF', provider: 'bedrock' },
        { type: 'reasoning', text: 'gemini thought', signature: 'gemini-sig', provider: 'google' },
      ],
      finishReason: { unified: 'stop', raw: 'end_turn' },
    });
    expect(encoded.content).toEqual([
      { type: 'thinking', thinking: 'plan', signature: 'bedrock-sig' },
      { type: 'redacted_thinking', data: 'EvgF' },
      { type: 'thinking', thinking: 'gemini thought', signature: '' },
    ]);
  });

  it('fills the usage the SDKs require when the provider gave none', () => {
    const encoded = encodeAnthropicMessagesResponse({ id: 'x', model: 'm', content: [], finishReason: { unified: 'stop', raw: null } });
    expect(encoded.usage).toEqual({ input_tokens: 0, cache_creation_input_tokens: null, cache_read_input_tokens: null, output_tokens: 0 });
    expect(encoded.stop_reason).toBe('end_turn');
  });

  it('puts back server tool blocks, citations, the stop sequence and unknown keys', () => {
    const original = {
      id: 'msg_1',
      type: 'message',
      role: 'assistant',
      model: 'm',
      content: [
        { type: 'server_tool_use', id: 'srvtoolu_1', name: 'web_search', input: { query: 'q' } },
        { type: 'web_search_tool_result', tool_use_id: 'srvtoolu_1', content: [] },
        { type: 'text', text: 'Found.', citations: [{ type: 'web_search_result_location', url: 'https://x' }] },
      ],
      stop_reason: 'stop_sequence',
      stop_sequence: 'STOP',
      usage: { input_tokens: 1, cache_creation_input_tokens: 0, cache_read_input_tokens: 0, output_tokens: 2, server_tool_use: { web_search_requests: 1 } },
      container: null,
    };
    expect(encodeAnthropicMessagesResponse(decodeAnthropicMessagesResponse(original))).toEqual(original);
  });
});

const lookup = fixturesFor('anthropic');
describe.skipIf(!lookup.found)('recorded Messages answers survive decode → encode', () => {
  const fixtures = lookup.found ? lookup.fixtures : undefined;
  const cases = fixtures
    ? fixtures.cases().filter((name) => fixtures.has(`${name}.json`) && !name.startsWith('error-') && !fixtures.has(`${name}.sse`))
    : [];

  it.each(cases)('%s', (name) => {
    const recorded = fixtures!.json(`${name}.json`);
    expect(encodeAnthropicMessagesResponse(decodeAnthropicMessagesResponse(recorded))).toEqual(recorded);
  });
});
