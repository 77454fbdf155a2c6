import type { z } from 'zod';

/** When a check runs: on the request before the upstream call, or on the answer before the client gets it. */
export type GuardrailPhase = 'input' | 'output';

/** What a check looks at. */
export interface GuardrailSubject {
  phase: GuardrailPhase;
  /** Each text part under check, in order (input: the checked messages' text parts; output: the answer's text). */
  texts: readonly string[];
  /** The texts joined with a newline: what most checks read. */
  text: string;
  /** The model the request asked for (input) or the upstream said answered (output). */
  model: string;
  /** The request's metadata (`x-switchyard-metadata`, the body's `metadata`). */
  metadata: Readonly<Record<string, string>>;
}

/** What a check learns besides the subject. */
export interface GuardrailCheckContext {
  /** Aborted when the client goes away; long checks (DNS, a remote classifier) should stop. */
  signal?: AbortSignal;
}

/** A check's answer for one subject. */
export interface GuardrailCheckResult {
  verdict: 'pass' | 'fail';
  /**
   * The subject's texts with what the check found replaced (same length and order as
   * `subject.texts`). A check that returns it has fixed the problem: the gateway sends the
   * redacted texts on and reports the check as `redacted`, never as a block.
   */
  redacted?: readonly string[];
  /** One sentence a person reads in the log: what was found or why it passed. */
  explanation: string;
  /** Details for the request log (matched words, counts); never the secret itself. */
  data?: Record<string, unknown>;
}

/** A guardrail check as the gateway runs it. Build one with `defineGuardrailCheck`. */
export interface GuardrailCheck<Params = unknown> {
  /** Unique, namespaced id (`switchyard.pii`, `acme.profanity`). */
  readonly id: string;
  /** Other ids that name this check (Portkey's `default.regexMatch`). */
  readonly aliases?: readonly string[];
  readonly description?: string;
  /** Validates and defaults the `parameters` a config gives the check. */
  readonly params: z.ZodType<Params>;
  /** The phases it may run in. */
  readonly phases: readonly GuardrailPhase[];
  /**
   * True when a failure on part of the text means the whole text fails (a banned word found,
   * PII found): such checks may block a stream while it passes. Others wait for the full text.
   */
  partialFailureIsFinal?(params: Params): boolean;
  run(subject: GuardrailSubject, params: Params, context: GuardrailCheckContext): GuardrailCheckResult | Promise<GuardrailCheckResult>;
}

const marker = Symbol.for('switchyard.guardrail-check');

/**
 * Defines a guardrail check — what a guardrail package (bundled or third-party) exports. Checks
 * the definition's shape once, when the package loads, so a broken check stops the gateway's
 * start rather than a request.
 */
export function defineGuardrailCheck<Params>(definition: GuardrailCheck<Params>): GuardrailCheck<Params> {
  if (!/^[a-z0-9][a-zA-Z0-9_-]*(\.[a-zA-Z0-9][a-zA-Z0-9_-]*)+$/.test(definition.id)) {
    throw new TypeError(`Guardrail check id "${definition.id}" must be namespaced: "<namespace>.<name>" (e.g. "acme.profanity").`);
  }
  if (definition.phases.length === 0 || definition.phases.some((phase) => phase !== 'input' && phase !== 'output')) {
    throw new TypeError(`Guardrail check "${definition.id}": phases must list "input" and/or "output".`);
  }
  if (typeof definition.run !== 'function') throw new TypeError(`Guardrail check "${definition.id}": run must be a function.`);
  if (typeof definition.params?.safeParse !== 'function') throw new TypeError(`Guardrail check "${definition.id}": params must be a zod schema.`);
  return Object.freeze({ ...definition, [marker]: true });
}

/** Whether a value is a check made with `defineGuardrailCheck` (safe across duplicate copies of core). */
export function isGuardrailCheck(value: unknown): value is GuardrailCheck {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[marker] === true;
}
