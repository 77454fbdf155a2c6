import { describe, expect, it } from 'vitest';
import { containsCheck } from './contains.js';
import { containsCodeCheck } from './contains-code.js';
import { characterCountCheck, sentenceCountCheck, wordCountCheck } from './count-range.js';
import { endsWithCheck } from './ends-with.js';
import { isAllLowercaseCheck, isAllUppercaseCheck } from './letter-case.js';
import { regexMatchCheck } from './regex-match.js';
import { runCheck } from './run-check.test-support.js';

const verdictOf = async (...args: Parameters<typeof runCheck>) => (await runCheck(...args)).verdict;

describe('regexMatch', () => {
  it('passes when the rule matches, fails when not; not turns it around', async () => {
    expect(await verdictOf(regexMatchCheck, { rule: '\\d{3}-\\d{4}' }, 'call 555-1234')).toBe('pass');
    expect(await verdictOf(regexMatchCheck, { rule: '\\d{3}-\\d{4}' }, 'no number')).toBe('fail');
    expect(await verdictOf(regexMatchCheck, { rule: '/SECRET/i', not: true }, 'the secret is out')).toBe('fail');
    expect(await verdictOf(regexMatchCheck, { rule: '/SECRET/i', not: true }, 'nothing to hide')).toBe('pass');
  });
  it('redacts matches with not + redact', async () => {
    const result = await runCheck(regexMatchCheck, { rule: 'project-[a-z]+', not: true, redact: true }, ['about project-zeus and project-hera']);
    expect(result.redacted).toEqual(['about [REDACTED] and [REDACTED]']);
  });
  it('rejects an invalid rule at config time', () => {
    expect(regexMatchCheck.params.safeParse({ rule: '(' }).success).toBe(false);
  });
});

describe('contains', () => {
  it('any / all / none', async () => {
    expect(await verdictOf(containsCheck, { words: ['apple', 'pear'], operator: 'any' }, 'an apple a day')).toBe('pass');
    expect(await verdictOf(containsCheck, { words: ['apple', 'pear'], operator: 'any' }, 'a plum')).toBe('fail');
    expect(await verdictOf(containsCheck, { words: ['apple', 'pear'], operator: 'all' }, 'apple and pear')).toBe('pass');
    expect(await verdictOf(containsCheck, { words: ['apple', 'pear'], operator: 'all' }, 'apple only')).toBe('fail');
    expect(await verdictOf(containsCheck, { words: ['Apple'], operator: 'none' }, 'I like pears')).toBe('pass');
    const banned = await runCheck(containsCheck, { words: ['Apple'], operator: 'none' }, 'Apple pie');
    expect(banned.verdict).toBe('fail');
    expect(banned.explanation).toContain('"Apple"');
  });
  it('is case-sensitive unless ignoreCase', async () => {
    expect(await verdictOf(containsCheck, { words: ['apple'], operator: 'any' }, 'APPLE')).toBe('fail');
    expect(await verdictOf(containsCheck, { words: ['apple'], operator: 'any', ignoreCase: true }, 'APPLE')).toBe('pass');
  });
});

describe('counts', () => {
  it('wordCount', async () => {
    expect(await verdictOf(wordCountCheck, { minWords: 2, maxWords: 4 }, 'three little words')).toBe('pass');
    expect(await verdictOf(wordCountCheck, { minWords: 2, maxWords: 4 }, 'one')).toBe('fail');
    expect(await verdictOf(wordCountCheck, { maxWords: 2 }, 'far too many words here')).toBe('fail');
    expect((await runCheck(wordCountCheck, {}, 'a - b')).data).toEqual({ count: 2 });
  });
  it('sentenceCount', async () => {
    expect(await verdictOf(sentenceCountCheck, { minSentences: 2 }, 'One. Two! Three?')).toBe('pass');
    expect(await verdictOf(sentenceCountCheck, { maxSentences: 1 }, 'One. Two.')).toBe('fail');
  });
  it('characterCount counts characters, not UTF-16 units', async () => {
    expect(await verdictOf(characterCountCheck, { maxCharacters: 3 }, '😀😀😀')).toBe('pass');
    expect(await verdictOf(characterCountCheck, { maxCharacters: 3 }, 'abcd')).toBe('fail');
    expect(await verdictOf(characterCountCheck, { minCharacters: 3, not: true }, 'abcd')).toBe('fail');
  });
});

describe('containsCode', () => {
  it('finds fenced code by language and unfenced SQL', async () => {
    expect(await verdictOf(containsCodeCheck, { format: 'Python' }, 'Here:\n```py\nprint(1)\n```')).toBe('pass');
    expect(await verdictOf(containsCodeCheck, { format: 'JavaScript' }, 'Here:\n```py\nprint(1)\n```')).toBe('fail');
    expect(await verdictOf(containsCodeCheck, { not: true }, 'SELECT name FROM users WHERE 1=1')).toBe('fail');
    expect(await verdictOf(containsCodeCheck, { not: true }, 'Plain prose about selecting a name from a list.')).toBe('pass');
  });
});

describe('letter case and endsWith', () => {
  it('isAllUppercase / isAllLowercase ignore digits and punctuation', async () => {
    expect(await verdictOf(isAllUppercaseCheck, {}, 'HELLO, WORLD 42!')).toBe('pass');
    expect(await verdictOf(isAllUppercaseCheck, {}, 'Hello')).toBe('fail');
    expect(await verdictOf(isAllLowercaseCheck, {}, 'hello, world 42!')).toBe('pass');
    expect(await verdictOf(isAllLowercaseCheck, {}, 'hello World')).toBe('fail');
  });
  it('endsWith ignores trailing white space', async () => {
    expect(await verdictOf(endsWithCheck, { suffix: 'Thanks.' }, 'Done. Thanks.\n')).toBe('pass');
    expect(await verdictOf(endsWithCheck, { suffix: 'Thanks.' }, 'Done.')).toBe('fail');
  });
});
