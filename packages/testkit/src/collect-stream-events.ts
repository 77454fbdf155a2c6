import type { StreamEvent } from '@switchyard/core';

/** Drains a canonical stream into an array, so a test can assert on the whole of it. */
export async function collectStreamEvents(events: AsyncIterable<StreamEvent>): Promise<StreamEvent[]> {
  const collected: StreamEvent[] = [];
  for await (const event of events) collected.push(event);
  return collected;
}

/** The text deltas of a stream, joined. */
export function streamedText(events: readonly StreamEvent[]): string {
  return events.flatMap((event) => (event.type === 'text-delta' ? [event.delta] : [])).join('');
}

/** The reasoning deltas of a stream, joined (signature-only deltas add nothing). */
export function streamedReasoning(events: readonly StreamEvent[]): string {
  return events.flatMap((event) => (event.type === 'reasoning-delta' ? [event.delta] : [])).join('');
}

export interface StreamedToolCall {
  id: string;
  name: string;
  arguments: string;
}

/** The tool calls of a stream, each put together from its start and argument deltas by index, in order of start. */
export function streamedToolCalls(events: readonly StreamEvent[]): StreamedToolCall[] {
  const calls = new Map<number, StreamedToolCall>();
  for (const event of events) {
    if (event.type === 'tool-call-start') calls.set(event.index, { id: event.id, name: event.name, arguments: '' });
    else if (event.type === 'tool-call-delta') calls.get(event.index)!.arguments += event.argumentsDelta;
  }
  return [...calls.values()];
}

export type FinishEvent = Extract<StreamEvent, { type: 'finish' }>;

/** The stream's first finish event, if it has one. */
export function finishEvent(events: readonly StreamEvent[]): FinishEvent | undefined {
  return events.find((event): event is FinishEvent => event.type === 'finish');
}
