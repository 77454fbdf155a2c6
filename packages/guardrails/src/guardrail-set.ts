import type { GuardrailCheck, GuardrailVerdict } from '@switchyard/core';

/** A check with its parameters validated and defaulted. */
export interface ConfiguredCheck {
  /** The id as the config wrote it (`default.regexMatch`), kept for the log and the header. */
  id: string;
  check: GuardrailCheck<any>;
  params: unknown;
}

export type GuardrailFeedback = NonNullable<GuardrailVerdict['feedback']>;

/** A guardrail in Portkey's sense: checks that run together, and what a failure does. */
export interface GuardrailSet {
  id: string;
  /** A failing check blocks the request (Portkey's `deny`); otherwise the failure is only reported. */
  deny: boolean;
  /** Never waits, blocks or changes anything: input checks run beside the upstream call, results are logged. */
  async: boolean;
  /** Which messages input checks read: the last one (Portkey's behaviour) or all. */
  scope: 'last-message' | 'all-messages';
  checks: ConfiguredCheck[];
  onFail?: GuardrailFeedback;
  onSuccess?: GuardrailFeedback;
}

export type StreamPolicyName = 'buffer' | 'window' | 'audit';

/** How output checks meet a streamed answer. */
export interface StreamPolicy {
  policy: StreamPolicyName;
  /** `window`: characters held back so a match spanning chunks is still caught and redacted. */
  holdback: number;
}

/** The guardrails one attempt runs, from its routing config. */
export interface GuardrailPlan {
  input: GuardrailSet[];
  output: GuardrailSet[];
  /** The config's `guardrails_stream`; absent: `buffer` when an output set may block or redact, else `audit`. */
  stream?: Partial<StreamPolicy>;
}

export const defaultHoldback = 64;

export function streamPolicyFor(plan: GuardrailPlan): StreamPolicy {
  const holdback = plan.stream?.holdback ?? defaultHoldback;
  if (plan.stream?.policy) return { policy: plan.stream.policy, holdback };
  return { policy: plan.output.some((set) => !set.async) ? 'buffer' : 'audit', holdback };
}
