import { defineGuardrailCheck } from '@switchyard/core';
import { z } from 'zod';
import { verdict } from './verdict.js';

const params = z.object({ not: z.boolean().optional() });

// Only letters count: digits, punctuation and letters without case do not break "all upper case".
const hasLetters = (text: string) => /\p{L}/u.test(text);

export const isAllUppercaseCheck = defineGuardrailCheck({
  id: 'switchyard.isAllUppercase',
  aliases: ['default.isAllUppercase', 'default.alluppercase'],
  description: 'Every letter in the text is upper case.',
  params,
  phases: ['input', 'output'],
  run(subject, p) {
    const holds = hasLetters(subject.text) && !/\p{Ll}/u.test(subject.text);
    return verdict(holds, p.not, holds ? 'all letters are upper case' : 'some letters are not upper case');
  },
});

export const isAllLowercaseCheck = defineGuardrailCheck({
  id: 'switchyard.isAllLowercase',
  aliases: ['default.isAllLowerCase', 'default.isAllLowercase', 'default.alllowercase'],
  description: 'Every letter in the text is lower case.',
  params,
  phases: ['input', 'output'],
  run(subject, p) {
    const holds = hasLetters(subject.text) && !/\p{Lu}/u.test(subject.text);
    return verdict(holds, p.not, holds ? 'all letters are lower case' : 'some letters are not lower case');
  },
});
