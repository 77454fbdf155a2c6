import type { GuardrailVerdict } from '@switchyard/core';

/** `x-switchyard-guardrails`: each check's verdict, `input:pii=redacted;output:wordCount=pass` (check ids without their namespace). */
export function verdictHeader(verdicts: readonly GuardrailVerdict[]): string {
  return verdicts
    .flatMap((set) => set.checks.map((check) => `${set.phase}:${check.check.replace(/^[^.]+\./, '')}=${set.action === 'flagged' && check.verdict === 'fail' ? 'flagged' : check.verdict}`))
    .join(';');
}
