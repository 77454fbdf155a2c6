import { defineGuardrailCheck } from '@switchyard/core';
import { z } from 'zod';
import { extractJson } from './extract-json.js';
import { verdict } from './verdict.js';

const params = z.object({
  /** A JSON Schema the text's JSON must satisfy. */
  schema: z.record(z.string(), z.unknown()).refine((schema) => { try { z.fromJSONSchema(schema as never); return true; } catch { return false; } }, 'schema is not a JSON Schema this gateway can check'),
  not: z.boolean().optional(),
});

export const jsonSchemaCheck = defineGuardrailCheck({
  id: 'switchyard.jsonSchema',
  aliases: ['default.jsonSchema'],
  description: 'The text holds JSON that satisfies a JSON Schema.',
  params,
  phases: ['input', 'output'],
  run(subject, p) {
    const json = extractJson(subject.text);
    if (!json.found) return verdict(false, p.not, 'the text holds no JSON');
    const parsed = z.fromJSONSchema(p.schema as never).safeParse(json.value);
    if (parsed.success) return verdict(true, p.not, 'the JSON satisfies the schema');
    const issues = parsed.error.issues.slice(0, 5).map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
    return verdict(false, p.not, `the JSON does not satisfy the schema: ${issues.join('; ')}`, { issues });
  },
});
