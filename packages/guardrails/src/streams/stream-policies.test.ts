import type { GatewayErrorBody, StreamEvent } from '@switchyard/core';
import { GatewayError } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import { GuardrailCheckRegistry } from '../guardrail-check-registry.js';
import type { GuardrailSet } from '../guardrail-set.js';
import { parseGuardrailSet } from '../parse-guardrail-config.js';
import { runGuardrailSets } from '../run-guardrail-sets.js';
import { auditStream } from './audit-stream.js';
import { bufferStream } from './buffer-stream.js';
import type { OutputGuard } from './output-guard.js';
import { windowStream } from './window-stream.js';

const registry = new GuardrailCheckRegistry();
const set = (raw: Record<string, unknown>) => parseGuardrailSet({ id: 'out', ...raw }, 'out', registry, 'out');

function guardOf(sets: GuardrailSet[]): OutputGuard & { reported: string[] } {
  const reported: string[] = [];
  return {
    sets,
    reported,
    run: (chosen, text, mode) => runGuardrailSets(chosen, { phase: 'output', texts: [text], model: 'm', metadata: {}, mode }),
    report: (verdicts) => reported.push(...verdicts.map((verdict) => `${verdict.set}:${verdict.action}`)),
  };
}

async function* upstream(deltas: string[]): AsyncGenerator<StreamEvent> {
  yield { type: 'start', id: 'r', model: 'm' };
  for (const delta of deltas) yield { type: 'text-delta', delta };
  yield { type: 'finish', finishReason: { unified: 'stop', raw: 'stop' } };
}

async function collect(events: AsyncIterable<StreamEvent>) {
  const all: StreamEvent[] = [];
  for await (const event of events) all.push(event);
  const text = all.flatMap((event) => (event.type === 'text-delta' ? [event.delta] : [])).join('');
  const error = all.find((event): event is { type: 'error'; error: GatewayErrorBody } => event.type === 'error')?.error;
  return { all, text, error, types: all.map((event) => event.type) };
}

const emailSplit = ['Reach me at ada.lov', 'elace@exam', 'ple.com any time, or call', ' the office.'];

describe('buffer', () => {
  it('replays the answer with the redacted text, start and finish in place', async () => {
    const guard = guardOf([set({ 'switchyard.pii': { redact: true } })]);
    const result = await collect(await bufferStream(upstream(emailSplit), guard));
    expect(result.text).toBe('Reach me at [EMAIL] any time, or call the office.');
    expect(result.types[0]).toBe('start');
    expect(result.types.at(-1)).toBe('finish');
    expect(guard.reported).toEqual(['out:redacted']);
  });
  it('a block throws before anything was yielded', async () => {
    const guard = guardOf([set({ deny: true, 'switchyard.pii': {} })]);
    const error = await bufferStream(upstream(emailSplit), guard).catch((caught: unknown) => caught);
    expect(GatewayError.isInstance(error) && [error.status, error.code]).toEqual([422, 'guardrail_blocked']);
  });
});

describe('window', () => {
  it('redacts an e-mail split over three chunks and keeps every other character', async () => {
    const guard = guardOf([set({ 'switchyard.pii': { redact: true } })]);
    const result = await collect(windowStream(upstream(emailSplit), guard, 24));
    expect(result.text).toBe('Reach me at [EMAIL] any time, or call the office.');
    expect(result.types.at(-1)).toBe('finish');
    // Text went out before the finish: the stream was not simply buffered.
    expect(result.types.filter((type) => type === 'text-delta').length).toBeGreaterThan(1);
  });
  it('blocks mid-stream with an error event after earlier text went out, and no finish', async () => {
    const guard = guardOf([set({ deny: true, 'default.contains': { words: ['forbidden'], operator: 'none' } })]);
    const result = await collect(windowStream(upstream(['All good so far, nothing to see here. ', 'Then the forb', 'idden word.']), guard, 12));
    expect(result.text.startsWith('All good')).toBe(true);
    expect(result.text).not.toContain('forb');
    expect(result.error).toMatchObject({ status: 422, code: 'guardrail_blocked' });
    expect(result.types).not.toContain('finish');
  });
  it('checks the whole text at the finish (a minimum only the whole can meet)', async () => {
    const guard = guardOf([set({ deny: true, 'default.wordCount': { minWords: 50 } })]);
    const result = await collect(windowStream(upstream(['too short']), guard, 4));
    expect(result.error?.message).toContain('default.wordCount');
  });
});

describe('audit', () => {
  it('streams untouched and flags a failure afterwards', async () => {
    const guard = guardOf([set({ deny: true, 'switchyard.pii': { redact: true } })]);
    const result = await collect(auditStream(upstream(emailSplit), guard));
    expect(result.text).toBe(emailSplit.join(''));
    expect(result.types.at(-1)).toBe('finish');
    expect(guard.reported).toEqual(['out:flagged']);
  });
});
