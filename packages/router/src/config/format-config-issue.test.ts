import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { formatConfigIssue, formatConfigPath } from './format-config-issue.js';

const firstIssue = (schema: z.ZodType, value: unknown) => schema.safeParse(value, { reportInput: true }).error!.issues[0]!;

describe('formatConfigPath', () => {
  it('writes paths as Portkey names targets', () => {
    expect(formatConfigPath([])).toBe('config');
    expect(formatConfigPath(['targets', 1, 'retry', 'attempts'])).toBe('config.targets[1].retry.attempts');
    expect(formatConfigPath(['strategy', 'conditions', 0, 'query', 'metadata.tier', '$in'])).toBe(
      'config.strategy.conditions[0].query["metadata.tier"].$in',
    );
  });
});

describe('formatConfigIssue', () => {
  it('says the problem in words', () => {
    const schema = z.object({ n: z.number().int().min(0).max(10), t: z.number().positive(), s: z.string().min(1), a: z.array(z.number()).max(1), m: z.enum(['x', 'y']) });
    const valid = { n: 1, t: 1, s: 'x', a: [], m: 'x' };
    expect(formatConfigIssue(firstIssue(schema, { ...valid, n: 11 }))).toBe('config.n: must be at most 10');
    expect(formatConfigIssue(firstIssue(schema, { ...valid, n: -1 }))).toBe('config.n: must be at least 0');
    expect(formatConfigIssue(firstIssue(schema, { ...valid, n: 1.5 }))).toBe('config.n: must be an integer, not 1.5');
    expect(formatConfigIssue(firstIssue(schema, { ...valid, n: 'x' }))).toBe('config.n: must be a number, not a string');
    expect(formatConfigIssue(firstIssue(schema, { ...valid, t: 0 }))).toBe('config.t: must be greater than 0');
    expect(formatConfigIssue(firstIssue(schema, { ...valid, s: '' }))).toBe('config.s: must not be empty');
    expect(formatConfigIssue(firstIssue(schema, { ...valid, a: [1, 2] }))).toBe('config.a: must have at most 1 entry');
    expect(formatConfigIssue(firstIssue(schema, { ...valid, m: 'z' }))).toBe('config.m: must be one of "x", "y"');
    expect(formatConfigIssue(firstIssue(schema, { ...valid, m: undefined }))).toBe('config.m: is required');
    expect(formatConfigIssue(firstIssue(schema, null))).toBe('config: must be an object, not null');
  });
});
