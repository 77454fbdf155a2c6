import { lookup } from 'node:dns/promises';
import { defineGuardrailCheck } from '@switchyard/core';
import { z } from 'zod';
import { verdict } from './verdict.js';

const params = z.object({
  /** Also require each URL's host name to resolve in DNS. */
  onlyDNS: z.boolean().optional(),
  not: z.boolean().optional(),
});

const urlPattern = /\b(?:https?|ftp):\/\/[^\s<>"'`)\]]+/gi;

export const validUrlsCheck = defineGuardrailCheck({
  id: 'switchyard.validUrls',
  aliases: ['default.validUrls'],
  description: 'Every URL in the text is well-formed (and, with onlyDNS, its host resolves).',
  params,
  phases: ['input', 'output'],
  async run(subject, p, context) {
    const urls = [...subject.text.matchAll(urlPattern)].map((match) => match[0].replace(/[.,;:!?]+$/, ''));
    const invalid: string[] = [];
    for (const url of urls) {
      let host: string;
      try {
        host = new URL(url).hostname;
        if (!host || !/^(\[[0-9a-f:]+\]|[a-z0-9-]+(\.[a-z0-9-]+)*)$/i.test(host)) throw new Error('bad host');
      } catch {
        invalid.push(url);
        continue;
      }
      if (p.onlyDNS && !context.signal?.aborted) {
        const resolved = await lookup(host.replace(/^\[|\]$/g, '')).then(() => true, () => false);
        if (!resolved) invalid.push(url);
      }
    }
    const explanation = urls.length === 0 ? 'the text holds no URL' : invalid.length === 0 ? `all ${urls.length} URLs are valid` : `invalid URLs: ${invalid.join(', ')}`;
    return verdict(invalid.length === 0, p.not, explanation, { urls: urls.length, invalid });
  },
});
