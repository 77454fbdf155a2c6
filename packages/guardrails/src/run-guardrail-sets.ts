import type { GuardrailCheckVerdict, GuardrailPhase, GuardrailVerdict } from '@switchyard/core';
import type { GuardrailSet } from './guardrail-set.js';

export interface GuardrailRunInput {
  phase: GuardrailPhase;
  /** Every text slot of the subject; redaction rewrites them in place of a copy. */
  texts: readonly string[];
  /** The slots a set reads (input sets read the last message or all, by their scope). Default all. */
  select?(set: GuardrailSet): number[];
  model: string;
  metadata: Readonly<Record<string, string>>;
  signal?: AbortSignal;
  /** `enforce` blocks and redacts; `observe` (audit streams, async sets) only reports, failures as `flagged`. */
  mode: 'enforce' | 'observe';
}

export interface GuardrailRunResult {
  verdicts: GuardrailVerdict[];
  /** The texts after redaction (the input texts when nothing was redacted). */
  texts: string[];
  /** The set and check that blocked, when one did; later sets did not run. */
  blocked?: { set: string; check: string; explanation: string };
}

/**
 * Runs guardrail sets in order, their checks one after another so each sees the text the
 * previous one redacted. A check that throws counts as failed (`error`): a guardrail that
 * cannot decide does not let the request through when it may deny.
 */
export async function runGuardrailSets(sets: readonly GuardrailSet[], input: GuardrailRunInput): Promise<GuardrailRunResult> {
  const texts = [...input.texts];
  const verdicts: GuardrailVerdict[] = [];
  for (const set of sets) {
    const indices = input.select?.(set) ?? texts.map((_, index) => index);
    const enforce = input.mode === 'enforce' && !set.async;
    const checks: GuardrailCheckVerdict[] = [];
    for (const configured of set.checks) {
      const subjectTexts = indices.map((index) => texts[index]!);
      const started = performance.now();
      let verdict: GuardrailCheckVerdict;
      try {
        const result = await configured.check.run({ phase: input.phase, texts: subjectTexts, text: subjectTexts.join('\n'), model: input.model, metadata: input.metadata }, configured.params, { signal: input.signal });
        const redacts = result.redacted !== undefined && result.redacted.length === subjectTexts.length;
        if (redacts && enforce) result.redacted!.forEach((text, position) => (texts[indices[position]!] = text));
        verdict = { check: configured.id, verdict: redacts && enforce ? 'redacted' : result.verdict, explanation: result.explanation, durationMs: 0 };
        if (result.data) verdict.data = result.data;
      } catch (error) {
        verdict = { check: configured.id, verdict: 'error', explanation: `the check failed: ${error instanceof Error ? error.message : String(error)}`, durationMs: 0 };
      }
      verdict.durationMs = Math.round((performance.now() - started) * 100) / 100;
      checks.push(verdict);
    }
    const failed = checks.find((check) => check.verdict === 'fail' || check.verdict === 'error');
    const setVerdict: GuardrailVerdict['verdict'] = failed ? 'fail' : checks.some((check) => check.verdict === 'redacted') ? 'redacted' : 'pass';
    const action: GuardrailVerdict['action'] = !failed ? (setVerdict === 'redacted' ? 'redacted' : 'allowed') : !enforce ? 'flagged' : set.deny ? 'blocked' : 'allowed';
    const feedback = failed ? set.onFail : set.onSuccess;
    verdicts.push({ phase: input.phase, set: set.id, verdict: setVerdict, action, ...(feedback ? { feedback } : {}), checks });
    if (action === 'blocked') return { verdicts, texts, blocked: { set: set.id, check: failed!.check, explanation: failed!.explanation } };
  }
  return { verdicts, texts };
}
