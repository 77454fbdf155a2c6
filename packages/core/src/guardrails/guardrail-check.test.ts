import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { defineGuardrailCheck, isGuardrailCheck } from './guardrail-check.js';

const base = {
  id: 'acme.shout',
  params: z.object({ not: z.boolean().default(false) }),
  phases: ['output'] as const,
  run: (subject: { text: string }) => ({ verdict: subject.text === subject.text.toUpperCase() ? ('pass' as const) : ('fail' as const), explanation: 'checked' }),
};

describe('defineGuardrailCheck', () => {
  it('returns a check the gateway recognises and can run', async () => {
    const check = defineGuardrailCheck({ ...base, phases: ['output'] });
    expect(isGuardrailCheck(check)).toBe(true);
    expect(isGuardrailCheck({ ...base })).toBe(false);
    const result = await check.run({ phase: 'output', texts: ['HI'], text: 'HI', model: 'm', metadata: {} }, { not: false }, {});
    expect(result.verdict).toBe('pass');
  });

  it('rejects an id without a namespace, naming it', () => {
    expect(() => defineGuardrailCheck({ ...base, id: 'shout', phases: ['output'] })).toThrow(/"shout" must be namespaced/);
  });

  it('rejects empty or unknown phases and a missing run', () => {
    expect(() => defineGuardrailCheck({ ...base, phases: [] })).toThrow(/phases/);
    expect(() => defineGuardrailCheck({ ...base, phases: ['during' as 'input'] })).toThrow(/phases/);
    expect(() => defineGuardrailCheck({ ...base, phases: ['input'], run: undefined as never })).toThrow(/run must be a function/);
  });
});
