import { readdirSync } from 'node:fs';
import type { StreamEvent } from '@switchyard/core';
import { fixturesFor } from '@switchyard/testkit';
import { APIError } from 'openai';
import { describe, expect, it } from 'vitest';
import { anthropicMessagesCodec, openAIChatCodec, openAIResponsesCodec, type ChatFormatCodec } from '../src/index.js';
import {
  readResponsesWithSdkHelper,
  readResponsesWithSdkIterator,
  summarizeCanonicalEvents,
  withoutTypes,
} from '../src/openai-responses/openai-responses-sdk.test-support.js';
import { checkResponsesStream } from '../src/openai-responses/openai-responses-stream-checks.test-support.js';
import { parseSse } from './openai-sdk-harness.js';

/*
 * A Responses client in front of another provider: canonical streams decoded from Anthropic
 * and Chat Completions upstreams (recorded, and a synthetic one with everything at once) are
 * encoded as Responses streams and read by the official `openai` SDK over real HTTP. The
 * reasoning signature must survive the trip to the client and back into the next request.
 */

function encodeResponses(events: StreamEvent[]): string {
  const encoder = openAIResponsesCodec.createStreamEncoder();
  return events.map((event) => encoder.encode(event)).join('') + encoder.end();
}

/** What Claude streams for "weather in Paris and Rome", thinking first, as the Anthropic decoder gives it — calls interleaved by index. */
const anthropicLike: StreamEvent[] = [
  { type: 'start', id: 'msg_01XFDUDYJgAACzvnptvVoYEL', model: 'claude-sonnet-4-5' },
  { type: 'reasoning-delta', delta: 'The user wants the weather ', provider: 'anthropic' },
  { type: 'reasoning-delta', delta: 'in two cities.', provider: 'anthropic' },
  { type: 'reasoning-delta', delta: '', signature: 'ErUBCkYIBhgCIkDyH2iW', provider: 'anthropic' },
  { type: 'reasoning-delta', delta: '', redactedData: 'EmwKAhgBEgy3va3pzix/Lafp', provider: 'anthropic' },
  { type: 'text-delta', delta: 'Let me check ' },
  { type: 'text-delta', delta: 'both.' },
  { type: 'tool-call-start', index: 0, id: 'toolu_01A', name: 'get_weather' },
  { type: 'tool-call-delta', index: 0, argumentsDelta: '{"city":' },
  { type: 'tool-call-start', index: 1, id: 'toolu_01B', name: 'get_weather' },
  { type: 'tool-call-delta', index: 1, argumentsDelta: '{"city":' },
  { type: 'tool-call-delta', index: 0, argumentsDelta: '"Paris"}' },
  { type: 'tool-call-delta', index: 1, argumentsDelta: '"Rome"}' },
  { type: 'tool-call-end', index: 0 },
  { type: 'tool-call-end', index: 1 },
  {
    type: 'finish',
    finishReason: { unified: 'tool-calls', raw: 'tool_use' },
    usage: { input: 1529, output: 212, total: 1741, cachedInput: 1111, cacheWrite: 418, raw: { input_tokens: 3 } },
  },
];

describe('Responses streams encoded from other providers, read by the openai SDK', () => {
  it('an Anthropic-like stream (thinking + signature, redacted thinking, text, two interleaved calls) is well-formed and reads whole', async () => {
    const encoded = encodeResponses(anthropicLike);
    const checked = checkResponsesStream(encoded);
    expect(checked.items.map((item) => item.type)).toEqual(['reasoning', 'reasoning', 'message', 'function_call', 'function_call']);

    const summary = await readResponsesWithSdkIterator(encoded);
    expect(withoutTypes(summary)).toEqual({
      id: 'resp_msg_01XFDUDYJgAACzvnptvVoYEL',
      text: 'Let me check both.',
      refusal: '',
      reasoning: 'The user wants the weather in two cities.',
      toolCalls: [
        { callId: 'toolu_01A', name: 'get_weather', arguments: '{"city":"Paris"}' },
        { callId: 'toolu_01B', name: 'get_weather', arguments: '{"city":"Rome"}' },
      ],
      status: 'completed',
      usage: {
        input_tokens: 1529,
        input_tokens_details: { cached_tokens: 1111, cache_write_tokens: 418 },
        output_tokens: 212,
        output_tokens_details: { reasoning_tokens: 0 },
        total_tokens: 1741,
      },
    });

    const final = await readResponsesWithSdkHelper(encoded);
    expect(final.status).toBe('completed');
    expect(final.output_text).toBe('Let me check both.');
    expect(final.output.filter((item) => item.type === 'function_call').map((item) => [item.call_id, item.arguments])).toEqual([
      ['toolu_01A', '{"city":"Paris"}'],
      ['toolu_01B', '{"city":"Rome"}'],
    ]);
    expect(final.usage?.input_tokens_details.cached_tokens).toBe(1111);
  });

  it('the Anthropic signature rides in encrypted_content to the client and back to Anthropic on the next turn', async () => {
    const final = await readResponsesWithSdkHelper(encodeResponses(anthropicLike));
    // The next turn, as an Agents-SDK-style client builds it: the previous output verbatim, then the results.
    const nextTurn = {
      model: 'claude-sonnet-4-5',
      input: [
        { role: 'user', content: 'Weather in Paris and Rome?' },
        ...final.output,
        { type: 'function_call_output', call_id: 'toolu_01A', output: '18C' },
        { type: 'function_call_output', call_id: 'toolu_01B', output: '24C' },
      ],
      reasoning: { effort: 'low' },
      max_output_tokens: 4096,
    };
    // `parsed` / `parsed_arguments` are the stream helper's own additions, never on OpenAI's wire.
    const wire = JSON.parse(JSON.stringify(nextTurn, (key, value) => (key === 'parsed' || key === 'parsed_arguments' ? undefined : value)));
    const { request, warnings } = openAIResponsesCodec.decodeRequest(wire);
    expect(warnings).toEqual([]);
    expect(request.messages[1]!.content.slice(0, 2)).toEqual([
      { type: 'reasoning', text: 'The user wants the weather in two cities.', signature: 'ErUBCkYIBhgCIkDyH2iW', provider: 'anthropic' },
      { type: 'reasoning', text: '', redactedData: 'EmwKAhgBEgy3va3pzix/Lafp', provider: 'anthropic' },
    ]);
    const upstream = anthropicMessagesCodec.encodeRequest(request).body as { messages: Array<{ role: string; content: unknown[] }> };
    expect(upstream.messages[1]).toEqual({
      role: 'assistant',
      content: [
        { type: 'thinking', thinking: 'The user wants the weather in two cities.', signature: 'ErUBCkYIBhgCIkDyH2iW' },
        { type: 'redacted_thinking', data: 'EmwKAhgBEgy3va3pzix/Lafp' },
        { type: 'text', text: 'Let me check both.' },
        { type: 'tool_use', id: 'toolu_01A', name: 'get_weather', input: { city: 'Paris' } },
        { type: 'tool_use', id: 'toolu_01B', name: 'get_weather', input: { city: 'Rome' } },
      ],
    });
  });

  it('a truncated answer from another provider reads as incomplete', async () => {
    const encoded = encodeResponses([
      { type: 'start', id: 'chatcmpl-1', model: 'mistral-large' },
      { type: 'text-delta', delta: 'Once upon a' },
      { type: 'finish', finishReason: { unified: 'length', raw: 'length' } },
      { type: 'usage', usage: { input: 5, output: 3, total: 8 } },
    ]);
    const final = await readResponsesWithSdkHelper(encoded);
    expect(final).toMatchObject({ status: 'incomplete', incomplete_details: { reason: 'max_output_tokens' }, output_text: 'Once upon a', usage: { total_tokens: 8 } });
  });

  it('an error from another provider makes the SDK throw, both ways of reading', async () => {
    const encoded = encodeResponses([
      { type: 'start', id: 'msg_1', model: 'claude-sonnet-4-5' },
      { type: 'text-delta', delta: 'Hel' },
      { type: 'error', error: { kind: 'overloaded', status: 503, message: 'Overloaded', code: 'overloaded_error', provider: 'anthropic' } },
    ]);
    for (const read of [readResponsesWithSdkHelper, readResponsesWithSdkIterator]) {
      const thrown = await read(encoded).catch((error: unknown) => error);
      expect(thrown).toBeInstanceOf(APIError);
      expect((thrown as APIError).message).toContain('Overloaded');
    }
  });
});

// Recorded streams of other formats, decoded by their own codec: what a Responses client gets in front of them.
const upstreams: Array<{ provider: string; codec: ChatFormatCodec }> = [
  { provider: 'anthropic', codec: anthropicMessagesCodec },
  { provider: 'openai-chat', codec: openAIChatCodec },
];

for (const { provider, codec } of upstreams) {
  const lookup = fixturesFor(provider);
  if (!lookup.found) console.warn(`[openai-responses sdk streams] skipping ${provider}: ${lookup.reason}`);
  const streams = lookup.found ? readdirSync(lookup.fixtures.dir).filter((file) => file.endsWith('.sse')).sort() : [];

  describe.skipIf(!lookup.found)(`Responses streams encoded from recorded ${provider} streams`, () => {
    for (const file of streams) {
      it(file, async () => {
        const decoder = codec.createStreamDecoder();
        const events = [...parseSse(lookup.found ? lookup.fixtures.text(file) : '').flatMap((frame) => decoder.decode(frame)), ...decoder.end()];
        const encoded = encodeResponses(events);
        checkResponsesStream(encoded);
        const failure = events.find((event) => event.type === 'error');
        if (failure) {
          const thrown = await readResponsesWithSdkHelper(encoded).catch((error: unknown) => error);
          expect(thrown).toBeInstanceOf(APIError);
          expect((thrown as APIError).message).toContain(failure.error.message);
          return;
        }
        const expected = summarizeCanonicalEvents(events);
        expect(expected.status).not.toBeNull();
        expect(withoutTypes(await readResponsesWithSdkIterator(encoded))).toEqual(expected);
        const final = await readResponsesWithSdkHelper(encoded);
        expect(final.output_text).toBe(expected.text);
        expect(final.usage ?? null).toEqual(expected.usage);
        expect(final.output.filter((item) => item.type === 'function_call').map((item) => ({ callId: item.call_id, name: item.name, arguments: item.arguments }))).toEqual(
          expected.toolCalls,
        );
      });
    }
  });
}
