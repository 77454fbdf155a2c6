import { defineGuardrailCheck } from '@switchyard/core';
import { z } from 'zod';
import { detectPii, piiCategories, redactPii } from './detect-pii.js';

const params = z.object({
  /** What to look for; default every category. */
  categories: z.array(z.enum(piiCategories)).min(1).default([...piiCategories]),
  /** Replace what was found (`[EMAIL]`) and let the request go on, instead of failing. */
  redact: z.boolean().default(false),
});

export const piiCheck = defineGuardrailCheck({
  id: 'switchyard.pii',
  aliases: ['default.pii', 'default.detectPII'],
  description: 'Finds e-mail addresses, phone numbers, card numbers (Luhn), IBANs (mod 97), IP addresses and secrets (API keys, private keys); blocks or redacts them.',
  params,
  phases: ['input', 'output'],
  partialFailureIsFinal: () => true,
  run(subject, p) {
    const perText = subject.texts.map((text) => detectPii(text, p.categories));
    const counts: Record<string, number> = {};
    for (const finding of perText.flat()) counts[finding.category] = (counts[finding.category] ?? 0) + 1;
    const total = perText.flat().length;
    if (total === 0) return { verdict: 'pass', explanation: 'no PII found' };
    const summary = Object.entries(counts).map(([category, count]) => `${count} ${category}`).join(', ');
    // The log gets categories and counts, never the values.
    if (!p.redact) return { verdict: 'fail', explanation: `found ${summary}`, data: { found: counts } };
    return { verdict: 'fail', explanation: `redacted ${summary}`, data: { found: counts }, redacted: subject.texts.map((text, index) => redactPii(text, perText[index]!)) };
  },
});
