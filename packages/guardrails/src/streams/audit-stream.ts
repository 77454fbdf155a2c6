import type { StreamEvent } from '@switchyard/core';
import type { OutputGuard } from './output-guard.js';

/** `audit`: the stream passes untouched; when it has ended the checks run on the whole text and failures are flagged in the log. */
export async function* auditStream(events: AsyncIterable<StreamEvent>, guard: OutputGuard): AsyncGenerator<StreamEvent> {
  let text = '';
  let failed = false;
  for await (const event of events) {
    if (event.type === 'text-delta') text += event.delta;
    if (event.type === 'error') failed = true;
    yield event;
  }
  if (failed) return;
  const result = await guard.run(guard.sets, text, 'observe');
  guard.report(result.verdicts);
}
