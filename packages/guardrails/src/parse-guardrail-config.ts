import { InvalidRequestError } from '@switchyard/core';
import { z } from 'zod';
import type { GuardrailCheckRegistry } from './guardrail-check-registry.js';
import type { GuardrailFeedback, GuardrailPlan, GuardrailSet, StreamPolicy } from './guardrail-set.js';

const feedbackSchema = z
  .object({ feedback: z.object({ value: z.number().optional(), weight: z.number().optional(), metadata: z.record(z.string(), z.unknown()).optional() }).loose().optional() })
  .loose();

// Portkey's guardrail object. Checks come as a `checks` list or, in the shorthand, as keys named like check ids.
const guardrailObjectSchema = z
  .object({
    id: z.string().min(1).optional(),
    type: z.string().optional(),
    name: z.string().optional(),
    deny: z.boolean().optional(),
    async: z.boolean().optional(),
    scope: z.enum(['last-message', 'all-messages']).optional(),
    on_fail: feedbackSchema.optional(),
    on_success: feedbackSchema.optional(),
    checks: z.array(z.object({ id: z.string().min(1), parameters: z.record(z.string(), z.unknown()).optional(), is_enabled: z.boolean().optional() }).loose()).optional(),
  })
  .loose();

const streamSchema = z.union([
  z.enum(['buffer', 'window', 'audit']).transform((policy) => ({ policy })),
  z.object({ policy: z.enum(['buffer', 'window', 'audit']).optional(), holdback: z.number().int().min(1).max(100_000).optional() }).strict(),
]);

const setKeys = new Set(['id', 'type', 'name', 'deny', 'async', 'scope', 'on_fail', 'on_success', 'checks']);

function problem(where: string, message: string): InvalidRequestError {
  return new InvalidRequestError(`Invalid guardrail at ${where}: ${message}`, { param: where, code: 'invalid_guardrail' });
}

function feedbackOf(value: z.infer<typeof feedbackSchema> | undefined): GuardrailFeedback | undefined {
  return value?.feedback ? { ...value.feedback } : undefined;
}

/**
 * Parses one guardrail object in Portkey's format — `{ id, deny, async, on_fail, on_success,
 * checks: [{ id, parameters }] }`, or the shorthand `{ deny, "default.contains": {...} }` —
 * validating each check's parameters. Problems are InvalidRequestErrors naming the place.
 */
export function parseGuardrailSet(raw: unknown, where: string, registry: GuardrailCheckRegistry, fallbackId: string): GuardrailSet {
  const parsed = guardrailObjectSchema.safeParse(raw);
  if (!parsed.success) throw problem(where, parsed.error.issues.map((issue) => `${issue.path.join('.') || 'value'}: ${issue.message}`).join('; '));
  const value = parsed.data;
  if (value.type !== undefined && value.type !== 'guardrail') throw problem(where, `hook type "${value.type}" is not supported (only "guardrail")`);
  const listed = (value.checks ?? []).filter((check) => check.is_enabled !== false).map((check, index) => ({ id: check.id, parameters: check.parameters ?? {}, where: `${where}.checks[${index}]` }));
  const shorthand = Object.entries(value)
    .filter(([key]) => !setKeys.has(key))
    .map(([key, parameters]) => ({ id: key, parameters, where: `${where}.${key}` }));
  const checks = [...listed, ...shorthand].map(({ id, parameters, where: at }) => {
    const check = registry.get(id);
    if (!check) throw problem(at, `unknown check "${id}" (known: ${registry.ids().filter((known) => !known.startsWith('default.')).join(', ')}, and Portkey's default.* ids)`);
    const params = check.params.safeParse(parameters ?? {});
    if (!params.success) throw problem(at, `parameters of "${id}": ${params.error.issues.map((issue) => `${issue.path.join('.') || 'value'}: ${issue.message}`).join('; ')}`);
    return { id, check, params: params.data };
  });
  if (checks.length === 0) throw problem(where, 'it has no checks');
  return {
    id: value.id ?? value.name ?? fallbackId,
    deny: value.deny ?? false,
    async: value.async ?? false,
    scope: value.scope ?? 'last-message',
    checks,
    onFail: feedbackOf(value.on_fail),
    onSuccess: feedbackOf(value.on_success),
  };
}

/** Finds a named set (the gateway config's `guardrails`); undefined when there is none by that id. */
export type GuardrailSetLookup = (id: string) => GuardrailSet | undefined;

/**
 * The guardrails a routing config asks for, from the keys the router passes on in `spec.extra`:
 * `input_guardrails` / `output_guardrails` (ids of named sets, or guardrail objects),
 * `before_request_hooks` / `after_request_hooks` (guardrail objects with `type: "guardrail"`,
 * or ids), and `guardrails_stream` (the stream policy). Undefined when it asks for none.
 */
export function resolveGuardrailPlan(extra: Record<string, unknown>, registry: GuardrailCheckRegistry, lookup: GuardrailSetLookup): GuardrailPlan | undefined {
  const sets = (key: string, phase: 'input' | 'output'): GuardrailSet[] => {
    const value = extra[key];
    if (value === undefined || value === null) return [];
    if (!Array.isArray(value)) throw problem(`config.${key}`, 'expected a list of guardrail ids or guardrail objects');
    return value.map((entry, index) => {
      const where = `config.${key}[${index}]`;
      const named = typeof entry === 'string' ? lookup(entry) : undefined;
      if (typeof entry === 'string' && !named) throw problem(where, `no guardrail set "${entry}" is configured on this gateway`);
      const set = named ?? parseGuardrailSet(entry, where, registry, `${phase}-${index}`);
      const wrongPhase = set.checks.find((configured) => !configured.check.phases.includes(phase));
      if (wrongPhase) throw problem(where, `check "${wrongPhase.id}" cannot run on the ${phase}`);
      return set;
    });
  };
  const input = [...sets('input_guardrails', 'input'), ...sets('before_request_hooks', 'input')];
  const output = [...sets('output_guardrails', 'output'), ...sets('after_request_hooks', 'output')];
  let stream: Partial<StreamPolicy> | undefined;
  if (extra.guardrails_stream !== undefined) {
    const parsed = streamSchema.safeParse(extra.guardrails_stream);
    if (!parsed.success) throw problem('config.guardrails_stream', 'expected "buffer", "window", "audit" or { policy, holdback }');
    stream = parsed.data;
  }
  if (input.length === 0 && output.length === 0) return undefined;
  return { input, output, stream };
}

/** Parses the gateway config's named sets; the first problem is thrown naming the set. */
export function parseNamedGuardrailSets(raw: Record<string, unknown>, registry: GuardrailCheckRegistry): Map<string, GuardrailSet> {
  const sets = new Map<string, GuardrailSet>();
  for (const [id, value] of Object.entries(raw)) sets.set(id, { ...parseGuardrailSet(value, `guardrails.${id}`, registry, id), id });
  return sets;
}
