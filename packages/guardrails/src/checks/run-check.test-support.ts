import type { GuardrailCheck, GuardrailCheckResult, GuardrailPhase } from '@switchyard/core';

/** Runs a check the way the gateway does: parameters through its schema, then `run` on a subject. */
export async function runCheck(check: GuardrailCheck<any>, parameters: unknown, text: string | string[], extra: { phase?: GuardrailPhase; model?: string; metadata?: Record<string, string> } = {}): Promise<GuardrailCheckResult> {
  const texts = Array.isArray(text) ? text : [text];
  const params = check.params.parse(parameters);
  return check.run({ phase: extra.phase ?? 'output', texts, text: texts.join('\n'), model: extra.model ?? 'gpt-4o', metadata: extra.metadata ?? {} }, params, {});
}
