import { describe, expect, it } from 'vitest';
import { hasNestedQuantifier, queryLimits, validateQuery } from './validate-query.js';

describe('validateQuery', () => {
  it('accepts the documented operator shapes', () => {
    expect(
      validateQuery({
        $or: [
          { $and: [{ 'metadata.user_type': { $eq: 'pro' } }, { 'params.model': { $ne: 'gpt-4o' } }] },
          { 'params.max_tokens': { $gt: 1000, $lte: '9000' } },
          { 'metadata.region': { $in: ['eu', 'uk'], $nin: ['us'] } },
          { 'url.pathname': { $regex: '^/v1/(chat|responses)' } },
          { 'metadata.flag': true, 'metadata.tier': null },
        ],
      }),
    ).toEqual([]);
  });
  it('names unknown operators and bad operands by their place', () => {
    expect(validateQuery({ 'metadata.x': { $foo: 1 } })).toEqual([{ path: ['metadata.x', '$foo'], message: expect.stringContaining('unknown operator') }]);
    expect(validateQuery({ $not: [] })[0]!.path).toEqual(['$not']);
    expect(validateQuery({ 'metadata.x': { $in: 'eu' } })[0]!.path).toEqual(['metadata.x', '$in']);
    expect(validateQuery({ 'metadata.x': { $gt: [1] } })[0]!.message).toBe('must be a number');
    expect(validateQuery({ 'metadata.x': { $eq: { a: 1 } } })[0]!.path).toEqual(['metadata.x', '$eq']);
    expect(validateQuery({ 'metadata.x': ['a'] })[0]!.path).toEqual(['metadata.x']);
    expect(validateQuery({ 'metadata.x': {} })[0]!.message).toContain('needs an operator');
    expect(validateQuery({ $or: [] })[0]!.message).toContain('non-empty array');
    expect(validateQuery({ $and: [{ 'a.b': { $bad: 1 } }] })[0]!.path).toEqual(['$and', 0, 'a.b', '$bad']);
  });
  it('bounds $and/$or nesting and pattern length', () => {
    let query: Record<string, unknown> = { 'metadata.x': 'y' };
    for (let level = 0; level <= queryLimits.maxDepth; level++) query = { $and: [query] };
    expect(validateQuery(query)[0]!.message).toContain('deeper than');
    expect(validateQuery({ 'params.model': { $regex: 'a'.repeat(queryLimits.maxPatternLength + 1) } })[0]!.message).toContain('at most');
  });
  it('refuses patterns with nested unbounded quantifiers', () => {
    expect(validateQuery({ 'params.model': { $regex: '^(a+)+$' } })[0]!.message).toContain('exponential');
  });
  it('lets an invalid pattern through: Portkey documents that it simply does not match', () => {
    expect(validateQuery({ 'params.model': { $regex: '(' } })).toEqual([]);
  });
});

describe('hasNestedQuantifier', () => {
  it('finds repeated groups that repeat inside', () => {
    for (const pattern of ['(a+)+', '(a*)*', '((ab)*c)+', '(x{2,})*', '(?:\\d+)+$', '((a+)b)+']) expect(hasNestedQuantifier(pattern), pattern).toBe(true);
  });
  it('leaves safe patterns alone', () => {
    for (const pattern of ['^/v1/(chat|responses)', '(ab)+', 'a+b*', '\\(a+\\)+', '[(+)]+', '(a{2,3})+', '^gpt-4o(-mini)?$']) {
      expect(hasNestedQuantifier(pattern), pattern).toBe(false);
    }
  });
});
