import type { StreamEvent } from '@switchyard/core';
import { guardrailBlockedError } from '../guardrail-blocked-error.js';
import type { OutputGuard } from './output-guard.js';

const chunkLength = 32;

/**
 * `buffer`: holds the whole answer, checks it, then replays it — the (possibly redacted) text
 * re-chunked where the first text delta was. A block throws before any byte went out, so the
 * client gets a plain error response (and a fallback target may still answer).
 */
export async function bufferStream(events: AsyncIterable<StreamEvent>, guard: OutputGuard): Promise<AsyncIterable<StreamEvent>> {
  const held: StreamEvent[] = [];
  let text = '';
  for await (const event of events) {
    held.push(event);
    if (event.type === 'text-delta') text += event.delta;
  }
  // An upstream error is the answer: nothing complete to check.
  if (held.some((event) => event.type === 'error')) return replay(held);
  const result = await guard.run(guard.sets, text, 'enforce');
  guard.report(result.verdicts);
  if (result.blocked) throw guardrailBlockedError('output', result.blocked);
  const checked = result.texts[0] ?? text;
  if (checked === text) return replay(held);
  const firstText = held.findIndex((event) => event.type === 'text-delta');
  const chunks = Array.from({ length: Math.ceil([...checked].length / chunkLength) }, (_, index) => [...checked].slice(index * chunkLength, (index + 1) * chunkLength).join(''));
  const rewritten = held.flatMap((event, index): StreamEvent[] => {
    if (event.type !== 'text-delta') return [event];
    return index === firstText ? chunks.map((delta) => ({ type: 'text-delta', delta })) : [];
  });
  return replay(rewritten);
}

async function* replay(events: StreamEvent[]): AsyncGenerator<StreamEvent> {
  yield* events;
}
