import { defineGuardrailCheck } from '@switchyard/core';
import { z } from 'zod';

const params = z.object({
  metadataKeys: z.array(z.string().min(1)).min(1),
  /** all (default): every key is present; any: at least one; none: no key. */
  operator: z.enum(['any', 'all', 'none']).default('all'),
});

export const requiredMetadataKeysCheck = defineGuardrailCheck({
  id: 'switchyard.requiredMetadataKeys',
  aliases: ['default.requiredMetadataKeys'],
  description: 'The request carries the given metadata keys (x-switchyard-metadata).',
  params,
  phases: ['input'],
  run(subject, p) {
    const present = p.metadataKeys.filter((key) => Object.hasOwn(subject.metadata, key));
    const missing = p.metadataKeys.filter((key) => !present.includes(key));
    const pass = p.operator === 'any' ? present.length > 0 : p.operator === 'all' ? missing.length === 0 : present.length === 0;
    const explanation = pass ? `metadata keys present: ${present.join(', ') || 'none'}` : p.operator === 'none' ? `forbidden metadata keys present: ${present.join(', ')}` : `missing metadata keys: ${missing.join(', ')}`;
    return { verdict: pass ? 'pass' : 'fail', explanation, data: { present, missing } };
  },
});
