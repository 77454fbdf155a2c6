import { createSseParser } from '@switchyard/core';
import { expect } from 'vitest';

type Json = Record<string, any>;

export interface CheckedResponsesStream {
  /** The decoded `data` of every frame, in order. */
  events: Json[];
  /** The terminal lifecycle event's response. */
  final: Json;
  /** The items of the output_item.done events, in output order. */
  items: Json[];
  /** The `error` event that followed response.failed, if any. */
  error?: Json;
}

/**
 * Checks an encoded Responses stream against the rules OpenAI's own streams follow, without
 * the SDK (which tolerates some slips): every frame named after its `type`, sequence numbers
 * 0, 1, 2 …, created then in_progress first, one item open at a time with output indexes in
 * order, every delta on the open item and part, every `.done` repeating what its deltas
 * added, and a terminal event whose output is the items that were done.
 */
export function checkResponsesStream(text: string): CheckedResponsesStream {
  expect(text.endsWith('\n\n')).toBe(true);
  const parser = createSseParser();
  const frames = [...parser.push(text), ...parser.end()];
  const events = frames.map((frame, index) => {
    const data = JSON.parse(frame.data) as Json;
    expect(frame.event, `frame ${index}`).toBe(data.type);
    expect(data.sequence_number, `frame ${index} (${data.type})`).toBe(index);
    return data;
  });
  expect(events[0]?.type).toBe('response.created');
  expect(events[1]?.type).toBe('response.in_progress');
  expect(events[0]!.response).toMatchObject({ object: 'response', status: 'in_progress', output: [] });

  const items: Json[] = [];
  let open: { index: number; id: string; type: string; parts: Json[]; summary: Json[]; args: string } | undefined;
  let terminal: Json | undefined;
  let error: Json | undefined;
  const at = (event: Json) => {
    expect(open, `${event.type} with no item open`).toBeDefined();
    expect(event.output_index).toBe(open!.index);
    if ('item_id' in event) expect(event.item_id).toBe(open!.id);
    return open!;
  };
  const part = (event: Json, key: 'parts' | 'summary', indexKey: 'content_index' | 'summary_index') => {
    const item = at(event);
    const list = item[key];
    expect(event[indexKey]).toBe(list.length - 1);
    const current = list[list.length - 1];
    expect(current.closed).toBe(false);
    return current;
  };

  for (const event of events.slice(2)) {
    expect(terminal, `${event.type} after the terminal event`).toBeUndefined();
    switch (event.type) {
      case 'response.output_item.added':
        expect(open, 'an item opened while another is open').toBeUndefined();
        expect(event.output_index).toBe(items.length);
        if (event.item.type !== 'reasoning') expect(event.item.status).toBe('in_progress');
        open = { index: event.output_index, id: event.item.id, type: event.item.type, parts: [], summary: [], args: '' };
        break;
      case 'response.content_part.added':
        expect(at(event).type).toBe('message');
        expect(event.content_index).toBe(open!.parts.length);
        open!.parts.push({ type: event.part.type, text: '', closed: false, textDone: false });
        break;
      case 'response.output_text.delta':
      case 'response.refusal.delta': {
        const current = part(event, 'parts', 'content_index');
        expect(current.type).toBe(event.type === 'response.output_text.delta' ? 'output_text' : 'refusal');
        if (event.type === 'response.output_text.delta') expect(event.logprobs).toEqual([]);
        current.text += event.delta;
        break;
      }
      case 'response.output_text.done':
      case 'response.refusal.done': {
        const current = part(event, 'parts', 'content_index');
        expect(event.type === 'response.output_text.done' ? event.text : event.refusal).toBe(current.text);
        current.textDone = true;
        break;
      }
      case 'response.content_part.done': {
        const current = part(event, 'parts', 'content_index');
        expect(current.textDone).toBe(true);
        expect(event.part.type).toBe(current.type);
        expect(current.type === 'output_text' ? event.part.text : event.part.refusal).toBe(current.text);
        current.closed = true;
        break;
      }
      case 'response.reasoning_summary_part.added':
        expect(at(event).type).toBe('reasoning');
        expect(event.summary_index).toBe(open!.summary.length);
        open!.summary.push({ text: '', closed: false, textDone: false });
        break;
      case 'response.reasoning_summary_text.delta':
        part(event, 'summary', 'summary_index').text += event.delta;
        break;
      case 'response.reasoning_summary_text.done': {
        const current = part(event, 'summary', 'summary_index');
        expect(event.text).toBe(current.text);
        current.textDone = true;
        break;
      }
      case 'response.reasoning_summary_part.done': {
        const current = part(event, 'summary', 'summary_index');
        expect(current.textDone).toBe(true);
        expect(event.part).toEqual({ type: 'summary_text', text: current.text });
        current.closed = true;
        break;
      }
      case 'response.function_call_arguments.delta':
        expect(at(event).type).toBe('function_call');
        open!.args += event.delta;
        break;
      case 'response.function_call_arguments.done':
        expect(at(event).type).toBe('function_call');
        expect(event.arguments).toBe(open!.args);
        break;
      case 'response.output_item.done': {
        const item = at(event);
        expect(event.item.id).toBe(item.id);
        expect(event.item.type).toBe(item.type);
        if (item.type === 'message') {
          expect(item.parts.every((entry) => entry.closed)).toBe(true);
          expect(event.item.content.map((entry: Json) => entry.text ?? entry.refusal)).toEqual(item.parts.map((entry) => entry.text));
        } else if (item.type === 'reasoning') {
          expect(item.summary.every((entry) => entry.closed)).toBe(true);
          expect(event.item.summary.map((entry: Json) => entry.text)).toEqual(item.summary.map((entry) => entry.text));
        } else if (item.type === 'function_call') {
          expect(event.item.arguments).toBe(item.args);
        }
        if (event.item.type !== 'reasoning') expect(['completed', 'incomplete']).toContain(event.item.status);
        items.push(event.item);
        open = undefined;
        break;
      }
      case 'response.completed':
      case 'response.incomplete':
      case 'response.failed':
        terminal = event.response;
        expect(event.response.status).toBe(event.type.slice('response.'.length));
        break;
      default:
        throw new Error(`unexpected event ${event.type}`);
    }
    if (event.type === 'response.failed') break;
  }
  const last = events[events.length - 1]!;
  if (last.type === 'error') {
    error = last;
    expect(events[events.length - 2]?.type).toBe('response.failed');
  }
  expect(terminal, 'no terminal event').toBeDefined();
  if (terminal!.status !== 'failed') {
    expect(open, 'an item left open at the end').toBeUndefined();
    // OpenAI re-encrypts reasoning for every event that carries it, so only that may differ.
    expect(terminal!.output.map(withoutEncryptedContent)).toEqual(items.map(withoutEncryptedContent));
  }
  return { events, final: terminal!, items, ...(error && { error }) };
}

function withoutEncryptedContent(item: Json): Json {
  const { encrypted_content: _encrypted, ...rest } = item;
  return rest;
}
