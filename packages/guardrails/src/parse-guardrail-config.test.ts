import { InvalidRequestError } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import { GuardrailCheckRegistry } from './guardrail-check-registry.js';
import { parseNamedGuardrailSets, resolveGuardrailPlan } from './parse-guardrail-config.js';

const registry = new GuardrailCheckRegistry();
const named = parseNamedGuardrailSets({ 'pii-strict': { deny: true, checks: [{ id: 'switchyard.pii', parameters: { redact: false } }] } }, registry);
const resolve = (extra: Record<string, unknown>) => resolveGuardrailPlan(extra, registry, (id) => named.get(id));

describe('resolveGuardrailPlan', () => {
  it('is undefined when the config asks for no guardrails', () => {
    expect(resolve({ cache: { mode: 'simple' } })).toBeUndefined();
  });

  it('reads Portkey hooks with checks lists, deny, async, on_fail / on_success and is_enabled', () => {
    const plan = resolve({
      before_request_hooks: [{ type: 'guardrail', id: 'no-apples', deny: true, async: false, on_fail: { feedback: { value: -5, weight: 1 } }, checks: [{ id: 'default.contains', parameters: { words: ['apple'], operator: 'none' } }, { id: 'default.wordCount', parameters: {}, is_enabled: false }] }],
      after_request_hooks: [{ type: 'guardrail', id: 'short', on_success: { feedback: { value: 1 } }, checks: [{ id: 'default.wordCount', parameters: { maxWords: 50 } }] }],
    })!;
    expect(plan.input).toHaveLength(1);
    expect(plan.input[0]).toMatchObject({ id: 'no-apples', deny: true, async: false, onFail: { value: -5, weight: 1 } });
    expect(plan.input[0]!.checks.map((check) => [check.id, check.check.id])).toEqual([['default.contains', 'switchyard.contains']]);
    expect(plan.output[0]).toMatchObject({ id: 'short', deny: false, onSuccess: { value: 1 } });
  });

  it('reads the shorthand with check ids as keys, and named sets by id', () => {
    const plan = resolve({ input_guardrails: ['pii-strict', { deny: true, 'default.regexMatch': { rule: 'x', not: true } }], output_guardrails: [{ 'default.endsWith': { suffix: '.' } }] })!;
    expect(plan.input.map((set) => set.id)).toEqual(['pii-strict', 'input-1']);
    expect(plan.input[1]!.checks[0]!.params).toEqual({ rule: 'x', not: true });
    expect(plan.output[0]!.checks[0]!.check.id).toBe('switchyard.endsWith');
  });

  it('reads the stream policy, as a name or with a holdback', () => {
    const output_guardrails = [{ 'default.endsWith': { suffix: '.' } }];
    expect(resolve({ output_guardrails, guardrails_stream: 'window' })!.stream).toEqual({ policy: 'window' });
    expect(resolve({ output_guardrails, guardrails_stream: { policy: 'window', holdback: 16 } })!.stream).toEqual({ policy: 'window', holdback: 16 });
  });

  it.each([
    [{ input_guardrails: ['pg-unknown'] }, 'config.input_guardrails[0]', 'no guardrail set "pg-unknown"'],
    [{ input_guardrails: [{ 'default.nope': {} }] }, 'config.input_guardrails[0].default.nope', 'unknown check "default.nope"'],
    [{ output_guardrails: [{ checks: [{ id: 'default.wordCount', parameters: { maxWords: 'ten' } }] }] }, 'config.output_guardrails[0].checks[0]', 'maxWords'],
    [{ output_guardrails: [{ 'default.modelWhitelist': { models: ['a'] } }] }, 'config.output_guardrails[0]', 'cannot run on the output'],
    [{ before_request_hooks: [{ type: 'mutator', checks: [{ id: 'default.contains', parameters: { words: ['a'] } }] }] }, 'config.before_request_hooks[0]', 'hook type "mutator"'],
    [{ input_guardrails: [{ deny: true }] }, 'config.input_guardrails[0]', 'no checks'],
    [{ input_guardrails: 'pii-strict' }, 'config.input_guardrails', 'expected a list'],
    [{ input_guardrails: ['pii-strict'], guardrails_stream: 'sometimes' }, 'config.guardrails_stream', 'buffer'],
  ])('rejects %j with a 400 naming the place', (extra, param, message) => {
    let error: unknown;
    try {
      resolve(extra);
    } catch (caught) {
      error = caught;
    }
    expect(InvalidRequestError.isInstance(error)).toBe(true);
    expect((error as InvalidRequestError).status).toBe(400);
    expect((error as InvalidRequestError).param).toBe(param);
    expect((error as Error).message).toContain(message);
  });
});
