import type { StreamEvent } from '@switchyard/core';
import type { GuardrailRunResult } from '../run-guardrail-sets.js';
import { type OutputGuard, blockedEvent, partialSets } from './output-guard.js';

/**
 * `window`: text flows on as it comes, less the last `holdback` characters. Checks whose
 * failure on a part is final (banned words, PII, a maximum length) run on the unreleased text
 * at each chunk, so a match spanning chunks is caught — blocked with the format's error event,
 * or redacted before release. The other checks run on the whole text at the finish, before the
 * held-back tail and the finish go out.
 */
export async function* windowStream(events: AsyncIterable<StreamEvent>, guard: OutputGuard, holdback: number): AsyncGenerator<StreamEvent> {
  const partial = partialSets(guard.sets);
  const scan = async (text: string): Promise<GuardrailRunResult & { text: string }> => {
    if (partial.length === 0 || text === '') return { verdicts: [], texts: [text], text };
    const result = await guard.run(partial, text, 'enforce');
    return { ...result, text: result.texts[0] ?? text };
  };
  let pending = '';
  let full = '';

  // Releases what can go: all of `pending` when `everything`, else all but the holdback, never cutting through a redaction.
  async function* release(everything: boolean): AsyncGenerator<StreamEvent, boolean> {
    const whole = await scan(pending);
    if (whole.blocked) {
      guard.report(whole.verdicts);
      yield blockedEvent(whole.blocked);
      return false;
    }
    if (everything) {
      if (whole.text) yield { type: 'text-delta', delta: whole.text };
      pending = '';
      return true;
    }
    let cut = pending.length - holdback;
    while (cut > 0) {
      const head = pending.slice(0, cut);
      const safe = whole.text === pending || (await scan(head)).text + (await scan(pending.slice(cut))).text === whole.text;
      if (safe) {
        const released = whole.text === pending ? head : (await scan(head)).text;
        if (released) yield { type: 'text-delta', delta: released };
        pending = pending.slice(cut);
        return true;
      }
      // A redaction spans the cut: hold more back, cutting at the previous white space.
      const space = pending.lastIndexOf(' ', cut - 1);
      cut = space > 0 ? space : cut - 1;
    }
    return true;
  }

  for await (const event of events) {
    if (event.type === 'text-delta') {
      pending += event.delta;
      full += event.delta;
      if (pending.length > holdback && !(yield* release(false))) return;
      continue;
    }
    if (event.type === 'finish') {
      const final = await guard.run(guard.sets, full, 'enforce');
      guard.report(final.verdicts);
      if (final.blocked) {
        yield blockedEvent(final.blocked);
        return;
      }
    }
    if (event.type !== 'error' && pending && !(yield* release(true))) return;
    yield event;
    if (event.type === 'error') return;
  }
  if (pending) yield* release(true);
}
