import type { GuardrailPhase } from './guardrail-check.js';

/** One check's outcome inside a guardrail set, as the request log keeps it. */
export interface GuardrailCheckVerdict {
  /** The check id as the config named it (`default.regexMatch`, `switchyard.pii`). */
  check: string;
  /** `redacted`: the check found something and replaced it; `error`: the check itself failed (counts as a failure). */
  verdict: 'pass' | 'fail' | 'redacted' | 'error';
  explanation: string;
  data?: Record<string, unknown>;
  durationMs: number;
}

/** One guardrail set's outcome for one phase of a request. */
export interface GuardrailVerdict {
  phase: GuardrailPhase;
  /** The set's id (a named set from the gateway config, or the id an inline guardrail gave itself). */
  set: string;
  /** `fail` when any check failed or errored; `redacted` when checks only redacted. */
  verdict: 'pass' | 'fail' | 'redacted';
  /**
   * What the gateway did: `allowed` (passed, or failed without `deny`), `redacted`, `blocked`
   * (the request ended with a guardrail error), `flagged` (failed in `audit` or `async` mode,
   * after the answer went out).
   */
  action: 'allowed' | 'redacted' | 'blocked' | 'flagged';
  /** Portkey's `on_success` / `on_fail` feedback for this outcome, when the set has one. */
  feedback?: { value?: number; weight?: number; metadata?: Record<string, unknown> };
  checks: GuardrailCheckVerdict[];
}
