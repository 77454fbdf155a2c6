import type { GuardrailCheck } from '@switchyard/core';
import { type GuardrailInterceptor, createGuardrailInterceptor } from '@switchyard/guardrails';

/**
 * The guardrail interceptor from the config's named sets and the checks plugins export. It is
 * always installed — a routing config may carry inline guardrails even when no set is named —
 * and applies only to attempts whose config asks for guardrails. A bad named set stops the start.
 */
export function openGuardrailInterceptor(sets: Record<string, unknown>, checks: readonly GuardrailCheck<any>[]): GuardrailInterceptor {
  try {
    return createGuardrailInterceptor({ sets, checks });
  } catch (error) {
    throw new Error(`Invalid gateway config: ${error instanceof Error ? error.message : String(error)}`);
  }
}
