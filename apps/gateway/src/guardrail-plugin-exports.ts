import { type GuardrailCheck, isGuardrailCheck } from '@switchyard/core';

/**
 * The guardrail checks a plugin module exports — a named `guardrailChecks` list, or one on its
 * default export — or undefined when it exports none. A list holding anything not made with
 * core's `defineGuardrailCheck` is refused with a message naming the entry.
 */
export function guardrailChecksOf(module: Record<string, unknown>): { checks?: GuardrailCheck<any>[]; problem?: string; only: boolean } {
  const fromDefault = (module.default as { guardrailChecks?: unknown } | undefined)?.guardrailChecks;
  const list = module.guardrailChecks ?? fromDefault;
  if (list === undefined) return { only: false };
  if (!Array.isArray(list)) return { only: false, problem: 'guardrailChecks must be a list of checks made with defineGuardrailCheck' };
  const bad = list.findIndex((check) => !isGuardrailCheck(check));
  if (bad >= 0) return { only: false, problem: `guardrailChecks[${bad}] was not made with defineGuardrailCheck from @switchyard/core` };
  // Only checks: no adapter export beside them (a default that is just `{ guardrailChecks }` counts as none).
  const defaultIsChecksOnly = fromDefault !== undefined && Object.keys(module.default as object).every((key) => key === 'guardrailChecks');
  const only = (module.default === undefined || defaultIsChecksOnly) && module.provider === undefined && module.createProvider === undefined;
  return { checks: list as GuardrailCheck<any>[], only };
}
