import type { GuardrailCheckResult } from '@switchyard/core';

/** Portkey's `not` turns a check around: the condition must NOT hold for the check to pass. */
export function verdict(conditionHolds: boolean, not: boolean | undefined, explanation: string, data?: Record<string, unknown>): GuardrailCheckResult {
  const pass = not ? !conditionHolds : conditionHolds;
  return { verdict: pass ? 'pass' : 'fail', explanation: `${not ? '(not) ' : ''}${explanation}`, ...(data ? { data } : {}) };
}
