import { defineGuardrailCheck } from '@switchyard/core';
import { z } from 'zod';
import { verdict } from './verdict.js';

/** Builds a check that counts something in the text and wants the count within [min, max]. */
function countCheck(name: 'word' | 'sentence' | 'character', count: (text: string) => number) {
  const unit = `${name}s`;
  const Unit = `${name[0]!.toUpperCase()}${name.slice(1)}s`;
  const params = z.object({
    [`min${Unit}`]: z.number().int().nonnegative().optional(),
    [`max${Unit}`]: z.number().int().nonnegative().optional(),
    not: z.boolean().optional(),
  }) as unknown as z.ZodType<Record<string, number | boolean | undefined>>;
  return defineGuardrailCheck({
    id: `switchyard.${name}Count`,
    aliases: [`default.${name}Count`],
    description: `The number of ${unit} lies between min${Unit} and max${Unit}.`,
    params,
    phases: ['input', 'output'],
    // A part already over the maximum means the whole is too.
    partialFailureIsFinal: (p) => p.not !== true && p[`max${Unit}`] !== undefined,
    run(subject, p) {
      const min = (p[`min${Unit}`] as number | undefined) ?? 0;
      const max = (p[`max${Unit}`] as number | undefined) ?? Number.POSITIVE_INFINITY;
      const n = count(subject.text);
      return verdict(n >= min && n <= max, p.not as boolean | undefined, `${n} ${unit}, wanted ${min} to ${max === Number.POSITIVE_INFINITY ? 'any number' : max}`, { count: n });
    },
  });
}

export const wordCountCheck = countCheck('word', (text) => text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length);
// A sentence ends with . ! or ? followed by space or the end; a trailing fragment counts too.
export const sentenceCountCheck = countCheck('sentence', (text) => text.split(/(?<=[.!?])\s+/).filter((sentence) => /[\p{L}\p{N}]/u.test(sentence)).length);
export const characterCountCheck = countCheck('character', (text) => [...text].length);
