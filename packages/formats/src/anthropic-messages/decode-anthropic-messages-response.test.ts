import { GatewayError } from '@switchyard/core';
import { fixturesFor } from '@switchyard/testkit';
import { describe, expect, it } from 'vitest';
import { decodeAnthropicMessagesResponse } from './decode-anthropic-messages-response.js';

describe('decodeAnthropicMessagesResponse', () => {
  it('decodes text, tool use, thinking and redacted thinking with usage and stop reason', () => {
    const response = decodeAnthropicMessagesResponse({
      id: 'msg_1',
      type: 'message',
      role: 'assistant',
      model: 'claude-sonnet-4-5-20250929',
      content: [
        { type: 'thinking', thinking: 'plan', signature: 'sig' },
        { type: 'redacted_thinking', data: 'EvgF' },
        { type: 'text', text: 'Calling.', citations: [{ type: 'char_location', cited_text: 'x' }] },
        { type: 'tool_use', id: 'toolu_1', name: 'weather', input: { city: 'Paris' } },
        { type: 'server_tool_use', id: 'srvtoolu_1', name: 'web_search', input: { query: 'q' } },
      ],
      stop_reason: 'tool_use',
      stop_sequence: null,
      usage: { input_tokens: 5, cache_read_input_tokens: 10, cache_creation_input_tokens: 0, output_tokens: 7, service_tier: 'standard' },
      container: { id: 'c1' },
    });
    expect(response).toEqual({
      id: 'msg_1',
      model: 'claude-sonnet-4-5-20250929',
      content: [
        { type: 'reasoning', text: 'plan', signature: 'sig', provider: 'anthropic' },
        { type: 'reasoning', text: '', redactedData: 'EvgF', provider: 'anthropic' },
        { type: 'text', text: 'Calling.' },
        { type: 'tool-call', id: 'toolu_1', name: 'weather', arguments: '{"city":"Paris"}' },
      ],
      finishReason: { unified: 'tool-calls', raw: 'tool_use' },
      usage: {
        input: 15,
        output: 7,
        cachedInput: 10,
        cacheWrite: 0,
        total: 22,
        raw: { input_tokens: 5, cache_read_input_tokens: 10, cache_creation_input_tokens: 0, output_tokens: 7, service_tier: 'standard' },
      },
      serviceTier: 'standard',
      providerMetadata: {
        'anthropic-messages': {
          citations: [{ index: 2, citations: [{ type: 'char_location', cited_text: 'x' }] }],
          otherContent: [{ index: 4, block: { type: 'server_tool_use', id: 'srvtoolu_1', name: 'web_search', input: { query: 'q' } } }],
          response: { container: { id: 'c1' } },
        },
      },
    });
  });

  it('keeps the stop sequence that ended the answer', () => {
    const response = decodeAnthropicMessagesResponse({
      id: 'msg_2',
      model: 'm',
      content: [{ type: 'text', text: 'one two' }],
      stop_reason: 'stop_sequence',
      stop_sequence: 'three',
      usage: { input_tokens: 1, output_tokens: 2 },
    });
    expect(response.finishReason).toEqual({ unified: 'stop', raw: 'stop_sequence' });
    expect(response.providerMetadata).toEqual({ 'anthropic-messages': { stopSequence: 'three' } });
  });

  it('refuses a body that is not a message', () => {
    let error: unknown;
    try {
      decodeAnthropicMessagesResponse({ type: 'error', error: { type: 'api_error', message: 'x' } });
    } catch (caught) {
      error = caught;
    }
    expect(GatewayError.isInstance(error) && error.kind).toBe('upstream');
  });
});

const lookup = fixturesFor('anthropic');
describe.skipIf(!lookup.found)('recorded Messages answers', () => {
  const fixtures = lookup.found ? lookup.fixtures : undefined!;

  it('tool-use-parallel: four calls with their ids and arguments after the text', () => {
    const response = decodeAnthropicMessagesResponse(fixtures.json('tool-use-parallel.json'));
    expect(response.content.map((part) => part.type)).toEqual(['text', 'tool-call', 'tool-call', 'tool-call', 'tool-call']);
    expect(response.content.slice(1)).toEqual(
      ['Alice', 'Bob', 'Charlie', 'Daisy'].map((name, index) => ({
        type: 'tool-call',
        id: ['toolu_0167cfEnoQaPviGdVXA95zcu', 'toolu_01EEe2V5HD1Ac4rKiUR4HD2T', 'toolu_01XFyAjstT3966qvRynZyVPo', 'toolu_013mnQZbgtK2oe3Mo3XKJsx3'][index],
        name: 'retrieve_entity_info',
        arguments: JSON.stringify({ name }),
      })),
    );
    expect(response.finishReason).toEqual({ unified: 'tool-calls', raw: 'tool_use' });
  });

  it('usage-cache-read-write: input counts cache reads and writes', () => {
    const usage = decodeAnthropicMessagesResponse(fixtures.json('usage-cache-read-write.json')).usage!;
    expect(usage).toMatchObject({ input: 1532, output: 33, cachedInput: 1111, cacheWrite: 418, total: 1565 });
    expect((usage.raw as any).cache_creation).toEqual({ ephemeral_1h_input_tokens: 0, ephemeral_5m_input_tokens: 418 });
  });
});
