import { defineGuardrailCheck } from '@switchyard/core';
import { z } from 'zod';
import { extractJson } from './extract-json.js';

const params = z.object({
  keys: z.array(z.string().min(1)).min(1),
  /** any: at least one key is present; all: every key; none: no key. */
  operator: z.enum(['any', 'all', 'none']).default('any'),
});

export const jsonKeysCheck = defineGuardrailCheck({
  id: 'switchyard.jsonKeys',
  aliases: ['default.jsonKeys'],
  description: "The text's JSON object has any, all or none of the given top-level keys.",
  params,
  phases: ['input', 'output'],
  run(subject, p) {
    const json = extractJson(subject.text);
    if (!json.found || typeof json.value !== 'object' || json.value === null || Array.isArray(json.value)) {
      return { verdict: p.operator === 'none' ? 'pass' : 'fail', explanation: 'the text holds no JSON object' };
    }
    const present = p.keys.filter((key) => Object.hasOwn(json.value as object, key));
    const pass = p.operator === 'any' ? present.length > 0 : p.operator === 'all' ? present.length === p.keys.length : present.length === 0;
    return { verdict: pass ? 'pass' : 'fail', explanation: `keys present: ${present.length ? present.join(', ') : 'none'} (operator ${p.operator})`, data: { present } };
  },
});
