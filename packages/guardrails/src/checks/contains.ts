import { defineGuardrailCheck } from '@switchyard/core';
import { z } from 'zod';

const params = z.object({
  words: z.array(z.string().min(1)).min(1),
  /** any: at least one word appears; all: every word appears; none: no word appears. */
  operator: z.enum(['any', 'all', 'none']).default('any'),
  ignoreCase: z.boolean().optional(),
});

export const containsCheck = defineGuardrailCheck({
  id: 'switchyard.contains',
  aliases: ['default.contains'],
  description: 'The text contains any, all or none of a list of words.',
  params,
  phases: ['input', 'output'],
  partialFailureIsFinal: (p) => p.operator === 'none',
  run(subject, p) {
    const text = p.ignoreCase ? subject.text.toLowerCase() : subject.text;
    const found = p.words.filter((word) => text.includes(p.ignoreCase ? word.toLowerCase() : word));
    const pass = p.operator === 'any' ? found.length > 0 : p.operator === 'all' ? found.length === p.words.length : found.length === 0;
    const missing = p.words.filter((word) => !found.includes(word));
    const explanation = p.operator === 'none'
      ? (pass ? 'none of the words appear' : `found ${found.map((w) => `"${w}"`).join(', ')}`)
      : pass ? `found ${found.length} of ${p.words.length} words` : `missing ${missing.map((w) => `"${w}"`).join(', ')}`;
    return { verdict: pass ? 'pass' : 'fail', explanation, data: { operator: p.operator, found } };
  },
});
