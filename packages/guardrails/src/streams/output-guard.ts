import type { GuardrailVerdict, StreamEvent } from '@switchyard/core';
import { guardrailBlockedError } from '../guardrail-blocked-error.js';
import type { GuardrailSet } from '../guardrail-set.js';
import type { GuardrailRunResult } from '../run-guardrail-sets.js';

/** What a stream policy needs to check an answer's text: the output sets, how to run them, where verdicts go. */
export interface OutputGuard {
  sets: readonly GuardrailSet[];
  run(sets: readonly GuardrailSet[], text: string, mode: 'enforce' | 'observe'): Promise<GuardrailRunResult>;
  report(verdicts: readonly GuardrailVerdict[]): void;
}

/** The stream `error` event a block mid-stream ends with; the client's codec encodes it as its format's error. */
export function blockedEvent(blocked: NonNullable<GuardrailRunResult['blocked']>): StreamEvent {
  return { type: 'error', error: guardrailBlockedError('output', blocked).toBody() };
}

/** The checks of the sets that may judge part of the text (a failure on a part fails the whole), enforcing sets only. */
export function partialSets(sets: readonly GuardrailSet[]): GuardrailSet[] {
  return sets
    .filter((set) => !set.async)
    .map((set) => ({ ...set, checks: set.checks.filter((configured) => configured.check.partialFailureIsFinal?.(configured.params) === true) }))
    .filter((set) => set.checks.length > 0);
}
