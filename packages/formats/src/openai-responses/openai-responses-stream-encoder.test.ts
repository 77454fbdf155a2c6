import type { StreamEvent } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import { decodeOpenAIResponsesReasoning } from './map-openai-responses-reasoning.js';
import { checkResponsesStream } from './openai-responses-stream-checks.test-support.js';
import { createOpenAIResponsesStreamEncoder, type OpenAIResponsesStreamEncoderOptions } from './openai-responses-stream-encoder.js';

function encodeAll(events: StreamEvent[], options?: OpenAIResponsesStreamEncoderOptions): string {
  const encoder = createOpenAIResponsesStreamEncoder(options);
  return events.map((event) => encoder.encode(event)).join('') + encoder.end();
}

const start: StreamEvent = { type: 'start', id: 'resp_1', model: 'gpt-5', created: 1758034836 };
const stop: StreamEvent = { type: 'finish', finishReason: { unified: 'stop', raw: 'stop' }, usage: { input: 10, output: 2, total: 12 } };

describe('the Responses stream encoder', () => {
  it('writes the exact frames OpenAI sends for a text answer', () => {
    const text = encodeAll([start, { type: 'text-delta', delta: 'Hi' }, { type: 'text-delta', delta: '!' }, stop]);
    const frames = text.split('\n\n').filter(Boolean);
    expect(frames.map((frame) => frame.split('\n')[0])).toEqual([
      'event: response.created',
      'event: response.in_progress',
      'event: response.output_item.added',
      'event: response.content_part.added',
      'event: response.output_text.delta',
      'event: response.output_text.delta',
      'event: response.output_text.done',
      'event: response.content_part.done',
      'event: response.output_item.done',
      'event: response.completed',
    ]);
    expect(frames[4]).toBe(
      'event: response.output_text.delta\ndata: {"type":"response.output_text.delta","sequence_number":4,"item_id":"msg_1_0","output_index":0,"content_index":0,"delta":"Hi","logprobs":[]}',
    );
    const { final } = checkResponsesStream(text);
    expect(final).toMatchObject({
      id: 'resp_1',
      object: 'response',
      created_at: 1758034836,
      status: 'completed',
      model: 'gpt-5',
      output: [{ id: 'msg_1_0', type: 'message', status: 'completed', role: 'assistant', content: [{ type: 'output_text', annotations: [], logprobs: [], text: 'Hi!' }] }],
      usage: { input_tokens: 10, input_tokens_details: { cached_tokens: 0 }, output_tokens: 2, output_tokens_details: { reasoning_tokens: 0 }, total_tokens: 12 },
      parallel_tool_calls: true,
      tool_choice: 'auto',
      tools: [],
    });
  });

  it('writes an Anthropic-like stream (signed thinking, text, two interleaved calls) as well-formed items, one at a time', () => {
    const text = encodeAll([
      { type: 'start', id: 'msg_01A', model: 'claude-sonnet-4-5' },
      { type: 'reasoning-delta', delta: 'Two cities', provider: 'anthropic' },
      { type: 'reasoning-delta', delta: ', two calls.', provider: 'anthropic' },
      { type: 'reasoning-delta', delta: '', signature: 'ErUBCkYI', provider: 'anthropic' },
      { type: 'reasoning-delta', delta: '', redactedData: 'EmwKAhgB', provider: 'anthropic' },
      { type: 'text-delta', delta: 'Checking.' },
      { type: 'tool-call-start', index: 0, id: 'toolu_1', name: 'weather' },
      { type: 'tool-call-delta', index: 0, argumentsDelta: '{"city":' },
      { type: 'tool-call-start', index: 1, id: 'toolu_2', name: 'weather' },
      { type: 'tool-call-delta', index: 1, argumentsDelta: '{"city":"Rome"}' },
      { type: 'tool-call-delta', index: 0, argumentsDelta: '"Paris"}' },
      { type: 'tool-call-end', index: 1 },
      { type: 'tool-call-end', index: 0 },
      { type: 'finish', finishReason: { unified: 'tool-calls', raw: 'tool_use' }, usage: { input: 100, output: 50, total: 150, cachedInput: 80 } },
    ]);
    const { events, final, items } = checkResponsesStream(text);
    expect(final.id).toBe('resp_msg_01A');
    expect(final.output).toEqual(items);
    expect(items.map((item) => [item.type, item.id])).toEqual([
      ['reasoning', 'rs_msg_01A_0'],
      ['reasoning', 'rs_msg_01A_1'],
      ['message', 'msg_msg_01A_2'],
      ['function_call', 'fc_msg_01A_3'],
      ['function_call', 'fc_msg_01A_4'],
    ]);
    expect(items[0]!.summary).toEqual([{ type: 'summary_text', text: 'Two cities, two calls.' }]);
    expect(decodeOpenAIResponsesReasoning(items[0]!).part).toEqual({ type: 'reasoning', text: 'Two cities, two calls.', signature: 'ErUBCkYI', provider: 'anthropic' });
    expect(decodeOpenAIResponsesReasoning(items[1]!).part).toEqual({ type: 'reasoning', text: '', redactedData: 'EmwKAhgB', provider: 'anthropic' });
    expect(items.slice(3).map((item) => [item.call_id, item.arguments])).toEqual([
      ['toolu_1', '{"city":"Paris"}'],
      ['toolu_2', '{"city":"Rome"}'],
    ]);
    // The second call, buffered while the first was open, goes out whole once the first is done.
    const second = events.filter((event) => event.output_index === 4).map((event) => event.type);
    expect(second).toEqual([
      'response.output_item.added',
      'response.function_call_arguments.delta',
      'response.function_call_arguments.done',
      'response.output_item.done',
    ]);
  });

  it('keeps calls apart when a Chat Completions upstream closes them only at the finish', () => {
    const { items } = checkResponsesStream(
      encodeAll([
        start,
        { type: 'tool-call-start', index: 0, id: 'call_a', name: 'a' },
        { type: 'tool-call-delta', index: 0, argumentsDelta: '{"x"' },
        { type: 'tool-call-start', index: 1, id: 'call_b', name: 'b' },
        { type: 'tool-call-delta', index: 1, argumentsDelta: '{}' },
        { type: 'tool-call-delta', index: 0, argumentsDelta: ':1}' },
        { type: 'finish', finishReason: { unified: 'tool-calls', raw: 'tool_calls' } },
        { type: 'usage', usage: { input: 1, output: 1, total: 2 } },
      ]),
    );
    expect(items.map((item) => [item.name, item.arguments, item.status])).toEqual([
      ['a', '{"x":1}', 'completed'],
      ['b', '{}', 'completed'],
    ]);
  });

  it('puts text and a refusal in one message as two parts', () => {
    const { items } = checkResponsesStream(encodeAll([start, { type: 'text-delta', delta: 'Well' }, { type: 'refusal-delta', delta: 'I can’t.' }, stop]));
    expect(items[0]!.content).toEqual([
      { type: 'output_text', annotations: [], logprobs: [], text: 'Well' },
      { type: 'refusal', refusal: 'I can’t.' },
    ]);
  });

  it('ends a truncated answer with response.incomplete and an incomplete item', () => {
    const { final, items } = checkResponsesStream(encodeAll([start, { type: 'text-delta', delta: 'Once' }, { type: 'finish', finishReason: { unified: 'length', raw: 'length' } }]));
    expect(final).toMatchObject({ status: 'incomplete', incomplete_details: { reason: 'max_output_tokens' } });
    expect(items[0]!.status).toBe('incomplete');
  });

  it('writes OpenAI reasoning back with its own encrypted content', () => {
    const { items } = checkResponsesStream(
      encodeAll([start, { type: 'reasoning-delta', delta: 'Plan.', provider: 'openai' }, { type: 'reasoning-delta', delta: '', redactedData: 'gAAAA', provider: 'openai' }, stop]),
    );
    expect(items[0]).toEqual({ id: 'rs_1_0', type: 'reasoning', summary: [{ type: 'summary_text', text: 'Plan.' }], encrypted_content: 'gAAAA' });
  });

  it('turns an error into response.failed and an error event the SDKs raise on, and nothing after', () => {
    const encoder = createOpenAIResponsesStreamEncoder();
    const text =
      [start, { type: 'text-delta', delta: 'Hi' } as StreamEvent, { type: 'error', error: { kind: 'overloaded', status: 503, message: 'Overloaded' } } as StreamEvent]
        .map((event) => encoder.encode(event))
        .join('') +
      encoder.encode({ type: 'text-delta', delta: 'late' }) +
      encoder.end();
    const { final, error, events } = checkResponsesStream(text);
    expect(final).toMatchObject({ status: 'failed', error: { code: 'server_error', message: 'Overloaded' } });
    expect(error).toEqual({
      type: 'error',
      sequence_number: events.length - 1,
      code: null,
      message: 'Overloaded',
      param: null,
      error: { message: 'Overloaded', type: 'server_error', param: null, code: null },
    });
    expect(text).not.toContain('late');
  });

  it('fails a stream that ends without a finish, and opens one that skipped its start', () => {
    const { final, error } = checkResponsesStream(encodeAll([{ type: 'text-delta', delta: 'Hi' }]));
    expect(final).toMatchObject({ id: 'resp_', status: 'failed' });
    expect(error?.message).toBe('The stream ended before the provider finished.');
  });

  it('repeats the request’s parameters and a Responses upstream’s echo', () => {
    const { events, final } = checkResponsesStream(
      encodeAll(
        [
          { ...start, providerMetadata: { 'openai-responses': { response: { store: true, top_logprobs: 0 } } } } as StreamEvent,
          { type: 'text-delta', delta: 'x' },
          { ...stop, providerMetadata: { 'openai-responses': { response: { completed_at: 1758034900 } } } } as StreamEvent,
        ],
        { request: { model: 'gpt-5', messages: [], temperature: 0.3, toolChoice: { type: 'none' }, stream: true } },
      ),
    );
    expect(events[0]!.response).toMatchObject({ temperature: 0.3, tool_choice: 'none', store: true, top_logprobs: 0 });
    expect(final).toMatchObject({ temperature: 0.3, store: true, completed_at: 1758034900 });
  });
});
