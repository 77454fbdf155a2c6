import { defineGuardrailCheck } from '@switchyard/core';
import { z } from 'zod';
import { verdict } from './verdict.js';

const params = z.object({
  /** Allowed models; a trailing `*` allows a prefix (`gpt-4o*`). The provider slug may be included (`@openai/gpt-4o`). */
  models: z.array(z.string().min(1)).min(1),
  not: z.boolean().optional(),
});

function allows(pattern: string, model: string): boolean {
  const candidates = [model, model.replace(/^@[^/]+\//, '')];
  return candidates.some((candidate) => (pattern.endsWith('*') ? candidate.startsWith(pattern.slice(0, -1)) : candidate === pattern));
}

export const modelWhitelistCheck = defineGuardrailCheck({
  id: 'switchyard.modelWhitelist',
  aliases: ['default.modelWhitelist', 'default.allowedModels'],
  description: 'The requested model is one of an allowed list.',
  params,
  phases: ['input'],
  run(subject, p) {
    const allowed = p.models.some((pattern) => allows(pattern, subject.model));
    return verdict(allowed, p.not, allowed ? `model "${subject.model}" is allowed` : `model "${subject.model}" is not in the allowed list`);
  },
});
