import { defineGuardrailCheck } from '@switchyard/core';
import { z } from 'zod';
import { verdict } from './verdict.js';

const params = z.object({ suffix: z.string().min(1), not: z.boolean().optional() });

export const endsWithCheck = defineGuardrailCheck({
  id: 'switchyard.endsWith',
  aliases: ['default.endsWith'],
  description: 'The text ends with a suffix (trailing white space ignored).',
  params,
  phases: ['input', 'output'],
  run(subject, p) {
    const holds = subject.text.trimEnd().endsWith(p.suffix);
    return verdict(holds, p.not, holds ? `the text ends with "${p.suffix}"` : `the text does not end with "${p.suffix}"`);
  },
});
