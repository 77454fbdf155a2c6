import { defineGuardrailCheck } from '@switchyard/core';
import { z } from 'zod';
import { verdict } from './verdict.js';

/** `rule` is a JavaScript regular expression, either bare (`\d{3}`) or with flags (`/secret/i`). */
export function compileRule(rule: string): RegExp {
  const literal = rule.match(/^\/(.+)\/([a-z]*)$/s);
  return literal ? new RegExp(literal[1]!, literal[2]) : new RegExp(rule);
}

const params = z.object({
  rule: z.string().min(1).refine((rule) => { try { compileRule(rule); return true; } catch { return false; } }, 'rule is not a valid regular expression'),
  not: z.boolean().optional(),
  /** With `not: true`: replace each match with `[REDACTED]` instead of failing. */
  redact: z.boolean().optional(),
});

export const regexMatchCheck = defineGuardrailCheck({
  id: 'switchyard.regexMatch',
  aliases: ['default.regexMatch'],
  description: 'The text matches a regular expression (or, with not, does not).',
  params,
  phases: ['input', 'output'],
  partialFailureIsFinal: (p) => p.not === true,
  run(subject, p) {
    const pattern = compileRule(p.rule);
    const matched = subject.texts.some((text) => new RegExp(pattern.source, pattern.flags.replace('g', '')).test(text));
    const result = verdict(matched, p.not, matched ? `the text matches ${p.rule}` : `the text does not match ${p.rule}`);
    if (result.verdict === 'fail' && p.not && p.redact) {
      const global = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`);
      return { verdict: 'fail', explanation: `matches of ${p.rule} were redacted`, redacted: subject.texts.map((text) => text.replace(global, '[REDACTED]')) };
    }
    return result;
  },
});
