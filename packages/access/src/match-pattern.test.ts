import { describe, expect, it } from 'vitest';
import { allowedBy, matchesPattern } from './match-pattern.js';

describe('matchesPattern', () => {
  it('matches exact names and wildcards, and treats other characters literally', () => {
    expect(matchesPattern('gpt-4o', 'gpt-4o')).toBe(true);
    expect(matchesPattern('gpt-4o', 'gpt-4o-mini')).toBe(false);
    expect(matchesPattern('gpt-4o*', 'gpt-4o-mini')).toBe(true);
    expect(matchesPattern('@openai/*', '@openai/gpt-4o')).toBe(true);
    expect(matchesPattern('@openai/*', '@anthropic/claude')).toBe(false);
    expect(matchesPattern('a.b', 'axb')).toBe(false);
  });
  it('allows everything without a list and nothing with an empty one', () => {
    expect(allowedBy(undefined, 'x')).toBe(true);
    expect(allowedBy([], 'x')).toBe(false);
    expect(allowedBy(['claude-*'], 'gpt-4o', '@openai/gpt-4o')).toBe(false);
  });
});
