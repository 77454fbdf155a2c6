import { describe, expect, it } from 'vitest';
import { GuardrailCheckRegistry } from './guardrail-check-registry.js';
import { guardrailBlockedError } from './guardrail-blocked-error.js';
import { parseGuardrailSet } from './parse-guardrail-config.js';
import { runGuardrailSets } from './run-guardrail-sets.js';
import { verdictHeader } from './verdict-header.js';

const registry = new GuardrailCheckRegistry();
const set = (raw: Record<string, unknown>, id = 'g') => parseGuardrailSet({ id, ...raw }, id, registry, id);
const run = (sets: ReturnType<typeof set>[], texts: string[], mode: 'enforce' | 'observe' = 'enforce') => runGuardrailSets(sets, { phase: 'input', texts, model: 'm', metadata: {}, mode });

describe('runGuardrailSets', () => {
  it('block mode: a failing check of a deny set blocks and later sets do not run', async () => {
    const result = await run([set({ deny: true, 'default.contains': { words: ['drop table'], operator: 'none' } }, 'sql'), set({ 'default.wordCount': { maxWords: 1 } }, 'later')], ['please drop table users']);
    expect(result.blocked).toMatchObject({ set: 'sql', check: 'default.contains' });
    expect(result.verdicts.map((verdict) => [verdict.set, verdict.verdict, verdict.action])).toEqual([['sql', 'fail', 'blocked']]);
    const error = guardrailBlockedError('input', result.blocked!);
    expect([error.status, error.code]).toEqual([400, 'guardrail_blocked']);
    expect(error.message).toContain('guardrail "sql"');
    expect(guardrailBlockedError('output', result.blocked!).status).toBe(422);
  });

  it('without deny a failure is reported and the request goes on', async () => {
    const result = await run([set({ 'default.wordCount': { maxWords: 1 } })], ['two words']);
    expect(result.blocked).toBeUndefined();
    expect(result.verdicts[0]).toMatchObject({ verdict: 'fail', action: 'allowed' });
  });

  it('redact mode: later checks see the redacted text, and redaction does not block a deny set', async () => {
    const result = await run([set({ deny: true, checks: [{ id: 'switchyard.pii', parameters: { redact: true } }, { id: 'default.contains', parameters: { words: ['@'], operator: 'none' } }] })], ['mail ada@example.com', 'untouched']);
    expect(result.blocked).toBeUndefined();
    expect(result.texts).toEqual(['mail [EMAIL]', 'untouched']);
    expect(result.verdicts[0]!.checks.map((check) => check.verdict)).toEqual(['redacted', 'pass']);
    expect(result.verdicts[0]).toMatchObject({ verdict: 'redacted', action: 'redacted' });
    expect(verdictHeader(result.verdicts)).toBe('input:pii=redacted;input:contains=pass');
  });

  it('feedback mode: on_fail / on_success feedback lands on the verdict', async () => {
    const feedbackSet = set({ on_fail: { feedback: { value: -10, weight: 1 } }, on_success: { feedback: { value: 10 } }, 'default.endsWith': { suffix: '!' } });
    expect((await run([feedbackSet], ['done!'])).verdicts[0]!.feedback).toEqual({ value: 10 });
    expect((await run([feedbackSet], ['done.'])).verdicts[0]!.feedback).toEqual({ value: -10, weight: 1 });
  });

  it('observe mode flags failures and changes nothing', async () => {
    const result = await run([set({ deny: true, 'switchyard.pii': { redact: true } })], ['ada@example.com'], 'observe');
    expect(result.texts).toEqual(['ada@example.com']);
    expect(result.blocked).toBeUndefined();
    expect(result.verdicts[0]).toMatchObject({ verdict: 'fail', action: 'flagged' });
  });

  it('a check that throws counts as failed', async () => {
    const throwing = set({ deny: true, 'default.jsonSchema': { schema: { type: 'object' } } });
    throwing.checks[0] = { ...throwing.checks[0]!, check: { ...throwing.checks[0]!.check, run: () => { throw new Error('classifier down'); } } };
    const result = await run([throwing], ['{}']);
    expect(result.verdicts[0]!.checks[0]).toMatchObject({ verdict: 'error', explanation: 'the check failed: classifier down' });
    expect(result.blocked).toBeDefined();
  });
});
