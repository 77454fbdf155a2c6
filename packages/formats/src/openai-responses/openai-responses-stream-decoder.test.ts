import type { SseEvent, StreamEvent } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import { createOpenAIResponsesStreamDecoder } from './openai-responses-stream-decoder.js';
import { encodeReasoningEnvelope } from './openai-responses-reasoning-envelope.js';

const response = { id: 'resp_1', object: 'response', created_at: 1758034836, status: 'in_progress', model: 'gpt-5', output: [], usage: null, service_tier: 'auto', store: true };
const usage = { input_tokens: 53, input_tokens_details: { cached_tokens: 0 }, output_tokens: 469, output_tokens_details: { reasoning_tokens: 448 }, total_tokens: 522 };

function sse(events: Array<Record<string, unknown>>): SseEvent[] {
  return events.map((event, index) => ({ event: String(event.type), data: JSON.stringify({ ...event, sequence_number: index }) }));
}

function decode(frames: SseEvent[]): StreamEvent[] {
  const decoder = createOpenAIResponsesStreamDecoder();
  return [...frames.flatMap((frame) => decoder.decode(frame)), ...decoder.end()];
}

const created = { type: 'response.created', response };
const completed = (output: unknown[] = []) => ({ type: 'response.completed', response: { ...response, status: 'completed', output, usage, completed_at: 1758034900 } });

describe('the Responses stream decoder', () => {
  it('decodes text deltas and the finish with usage', () => {
    const events = decode(
      sse([
        created,
        { type: 'response.in_progress', response },
        { type: 'response.output_item.added', output_index: 0, item: { id: 'msg_1', type: 'message', status: 'in_progress', role: 'assistant', content: [] } },
        { type: 'response.content_part.added', item_id: 'msg_1', output_index: 0, content_index: 0, part: { type: 'output_text', text: '', annotations: [] } },
        { type: 'response.output_text.delta', item_id: 'msg_1', output_index: 0, content_index: 0, delta: 'Hel' },
        { type: 'response.output_text.delta', item_id: 'msg_1', output_index: 0, content_index: 0, delta: 'lo' },
        { type: 'response.output_item.done', output_index: 0, item: { id: 'msg_1', type: 'message', status: 'completed', role: 'assistant', content: [{ type: 'output_text', text: 'Hello' }] } },
        completed(),
      ]),
    );
    expect(events).toEqual([
      { type: 'start', id: 'resp_1', model: 'gpt-5', created: 1758034836, serviceTier: 'auto', providerMetadata: { 'openai-responses': { response: { store: true } } } },
      { type: 'text-delta', delta: 'Hel' },
      { type: 'text-delta', delta: 'lo' },
      {
        type: 'finish',
        finishReason: { unified: 'stop', raw: 'completed' },
        usage: { input: 53, output: 469, total: 522, cachedInput: 0, reasoning: 448, raw: usage },
        // Only what the final response added to what the start said.
        providerMetadata: { 'openai-responses': { response: { completed_at: 1758034900 } } },
      },
    ]);
  });

  it('decodes reasoning summaries (a blank line between parts), its encrypted content, and calls counted on their own', () => {
    const events = decode(
      sse([
        created,
        { type: 'response.output_item.added', output_index: 0, item: { id: 'rs_1', type: 'reasoning', summary: [] } },
        { type: 'response.reasoning_summary_part.added', item_id: 'rs_1', output_index: 0, summary_index: 0, part: { type: 'summary_text', text: '' } },
        { type: 'response.reasoning_summary_text.delta', item_id: 'rs_1', output_index: 0, summary_index: 0, delta: 'One' },
        { type: 'response.reasoning_summary_part.added', item_id: 'rs_1', output_index: 0, summary_index: 1, part: { type: 'summary_text', text: '' } },
        { type: 'response.reasoning_summary_text.delta', item_id: 'rs_1', output_index: 0, summary_index: 1, delta: 'Two' },
        { type: 'response.output_item.done', output_index: 0, item: { id: 'rs_1', type: 'reasoning', summary: [{ type: 'summary_text', text: 'One' }, { type: 'summary_text', text: 'Two' }], encrypted_content: 'gAAAA' } },
        { type: 'response.output_item.added', output_index: 1, item: { id: 'fc_1', type: 'function_call', status: 'in_progress', call_id: 'call_a', name: 'f', arguments: '' } },
        { type: 'response.function_call_arguments.delta', item_id: 'fc_1', output_index: 1, delta: '{"a":' },
        { type: 'response.function_call_arguments.delta', item_id: 'fc_1', output_index: 1, delta: '1}' },
        { type: 'response.output_item.done', output_index: 1, item: { id: 'fc_1', type: 'function_call', status: 'completed', call_id: 'call_a', name: 'f', arguments: '{"a":1}' } },
        // A call whose arguments came only with its done item.
        { type: 'response.output_item.added', output_index: 2, item: { id: 'fc_2', type: 'function_call', status: 'in_progress', call_id: 'call_b', name: 'g', arguments: '' } },
        { type: 'response.output_item.done', output_index: 2, item: { id: 'fc_2', type: 'function_call', status: 'completed', call_id: 'call_b', name: 'g', arguments: '{}' } },
        completed([{ type: 'function_call' }]),
      ]),
    );
    expect(events.slice(1, -1)).toEqual([
      { type: 'reasoning-delta', delta: 'One', provider: 'openai' },
      { type: 'reasoning-delta', delta: '\n\n', provider: 'openai' },
      { type: 'reasoning-delta', delta: 'Two', provider: 'openai' },
      { type: 'reasoning-delta', delta: '', redactedData: 'gAAAA', provider: 'openai' },
      { type: 'tool-call-start', index: 0, id: 'call_a', name: 'f' },
      { type: 'tool-call-delta', index: 0, argumentsDelta: '{"a":' },
      { type: 'tool-call-delta', index: 0, argumentsDelta: '1}' },
      { type: 'tool-call-end', index: 0 },
      { type: 'tool-call-start', index: 1, id: 'call_b', name: 'g' },
      { type: 'tool-call-delta', index: 1, argumentsDelta: '{}' },
      { type: 'tool-call-end', index: 1 },
    ]);
    expect(events.at(-1)).toMatchObject({ type: 'finish', finishReason: { unified: 'tool-calls', raw: 'completed' } });
  });

  it('sends whole what never streamed, and restores another provider’s signature from an envelope', () => {
    const envelope = encodeReasoningEnvelope({ provider: 'anthropic', text: 'Hmm', signature: 'sig' });
    const events = decode(
      sse([
        created,
        { type: 'response.output_item.done', output_index: 0, item: { id: 'rs_1', type: 'reasoning', summary: [{ type: 'summary_text', text: 'Hmm' }], encrypted_content: envelope } },
        { type: 'response.output_item.done', output_index: 1, item: { id: 'msg_1', type: 'message', role: 'assistant', content: [{ type: 'output_text', text: 'Hi' }, { type: 'refusal', refusal: 'No' }] } },
        completed(),
      ]),
    );
    expect(events.slice(1, -1)).toEqual([
      { type: 'reasoning-delta', delta: 'Hmm', provider: 'anthropic' },
      { type: 'reasoning-delta', delta: '', signature: 'sig', provider: 'anthropic' },
      { type: 'text-delta', delta: 'Hi' },
      { type: 'refusal-delta', delta: 'No' },
    ]);
  });

  it('finishes an incomplete response as cut by length', () => {
    const events = decode(sse([created, { type: 'response.incomplete', response: { ...response, status: 'incomplete', incomplete_details: { reason: 'max_output_tokens' }, usage } }]));
    expect(events.at(-1)).toMatchObject({ type: 'finish', finishReason: { unified: 'length', raw: 'max_output_tokens' }, usage: { output: 469 } });
  });

  it('ends with an error on response.failed, on an error event (nested or flat) and on a cut body', () => {
    const failed = decode(sse([created, { type: 'response.failed', response: { ...response, status: 'failed', error: { code: 'rate_limit_exceeded', message: 'Slow down' } } }]));
    expect(failed.at(-1)).toEqual({ type: 'error', error: { kind: 'rate_limit', status: 429, message: 'Slow down', code: 'rate_limit_exceeded' } });

    // Azure: a bare response.failed, then the error event with the reason.
    const azure = decode(
      sse([
        created,
        { type: 'response.failed', response: { ...response, status: 'failed', error: null } },
        { type: 'error', error: { type: 'invalid_request_error', code: 'content_filter', message: 'Filtered.', param: null } },
      ]),
    );
    expect(azure.slice(1)).toEqual([{ type: 'error', error: { kind: 'invalid_request', status: 400, message: 'Filtered.', code: 'content_filter' } }]);

    const bare = decode(sse([created, { type: 'response.failed', response: { ...response, status: 'failed', error: null } }]));
    expect(bare.at(-1)).toMatchObject({ type: 'error', error: { kind: 'upstream' } });

    const flat = decode(sse([created, { type: 'error', code: 'server_error', message: 'Boom', param: null }]));
    expect(flat.at(-1)).toEqual({ type: 'error', error: { kind: 'upstream', status: 502, message: 'Boom', code: 'server_error' } });

    const cut = decode(sse([created, { type: 'response.output_text.delta', item_id: 'msg_1', output_index: 0, content_index: 0, delta: 'Hel' }]));
    expect(cut.at(-1)).toEqual({
      type: 'error',
      error: { kind: 'upstream', status: 502, message: 'The upstream stream ended before the response was complete (no response.completed).' },
    });
  });

  it('reads the sparse lifecycle events some compatible servers send', () => {
    const events = decode(
      sse([
        { type: 'response.created', response: { status: 'in_progress' } },
        { type: 'response.output_text.delta', output_index: 0, content_index: 0, delta: 'Hi' },
        { type: 'response.completed', response: { status: 'completed', usage: { input_tokens: 1, output_tokens: 1, total_tokens: 2 } } },
      ]),
    );
    expect(events).toEqual([
      { type: 'start', id: '', model: '' },
      { type: 'text-delta', delta: 'Hi' },
      { type: 'finish', finishReason: { unified: 'stop', raw: 'completed' }, usage: { input: 1, output: 1, total: 2, raw: { input_tokens: 1, output_tokens: 1, total_tokens: 2 } } },
    ]);
  });

  it('skips events it does not map and fails on ones it cannot read', () => {
    const events = decode([
      ...sse([created, { type: 'response.web_search_call.searching', output_index: 0, item_id: 'ws_1' }, { type: 'keepalive' }]),
      { data: '', comment: 'ping' },
      { event: 'response.output_text.delta', data: '{not json' },
    ]);
    expect(events.map((event) => event.type)).toEqual(['start', 'error']);
  });
});
