import { comparisonOperators } from './evaluate-query.js';

export interface QueryIssue {
  /** Below the query itself: `['$or', 1, 'params.model', '$in']`. */
  path: (string | number)[];
  message: string;
}

/** How far `$and`/`$or` may nest, and how long a `$regex` may be: queries come from clients. */
export const queryLimits = { maxDepth: 8, maxPatternLength: 512 } as const;

const comparisonOperatorSet = new Set<string>(comparisonOperators);

/**
 * Checks a condition's query when the config is parsed, so a typo in an operator is an error
 * that names the place rather than a route that silently never matches.
 */
export function validateQuery(query: unknown): QueryIssue[] {
  const issues: QueryIssue[] = [];
  checkQuery(query, [], 0, issues);
  return issues;
}

function checkQuery(query: unknown, path: (string | number)[], depth: number, issues: QueryIssue[]): void {
  if (!isRecord(query)) {
    issues.push({ path, message: 'must be an object' });
    return;
  }
  if (depth > queryLimits.maxDepth) {
    issues.push({ path, message: `nests $and/$or deeper than ${queryLimits.maxDepth} levels` });
    return;
  }
  for (const [key, value] of Object.entries(query)) {
    const here = [...path, key];
    if (key === '$and' || key === '$or') {
      if (!Array.isArray(value) || value.length === 0) {
        issues.push({ path: here, message: 'must be a non-empty array of queries' });
        continue;
      }
      value.forEach((part, index) => checkQuery(part, [...here, index], depth + 1, issues));
      continue;
    }
    if (key.startsWith('$')) {
      issues.push({ path: here, message: `unknown operator "${key}" (use $and or $or here, or a field such as "metadata.tier")` });
      continue;
    }
    checkFieldTest(value, here, issues);
  }
}

function checkFieldTest(test: unknown, path: (string | number)[], issues: QueryIssue[]): void {
  if (isPrimitive(test)) return;
  if (!isRecord(test)) {
    issues.push({ path, message: 'must be a string, number, boolean or null, or an operator object such as { "$in": [...] }' });
    return;
  }
  const operators = Object.keys(test);
  if (operators.length === 0) {
    issues.push({ path, message: 'needs an operator such as $eq' });
    return;
  }
  for (const operator of operators) {
    const here = [...path, operator];
    const operand = test[operator];
    if (!comparisonOperatorSet.has(operator)) {
      issues.push({ path: here, message: `unknown operator (expected one of ${comparisonOperators.join(', ')})` });
      continue;
    }
    if (operator === '$in' || operator === '$nin') {
      if (!Array.isArray(operand) || !operand.every(isPrimitive)) issues.push({ path: here, message: 'must be an array of strings, numbers or booleans' });
    } else if (operator === '$regex') {
      checkPattern(operand, here, issues);
    } else if (operator === '$eq' || operator === '$ne') {
      if (!isPrimitive(operand)) issues.push({ path: here, message: 'must be a string, number, boolean or null' });
    } else if (typeof operand !== 'number' && typeof operand !== 'string') {
      issues.push({ path: here, message: 'must be a number' });
    }
  }
}

function checkPattern(pattern: unknown, path: (string | number)[], issues: QueryIssue[]): void {
  if (typeof pattern !== 'string') {
    issues.push({ path, message: 'must be a string' });
    return;
  }
  if (pattern.length > queryLimits.maxPatternLength) {
    issues.push({ path, message: `must be at most ${queryLimits.maxPatternLength} characters` });
    return;
  }
  // An invalid pattern is not refused: Portkey documents that it simply does not match.
  if (hasNestedQuantifier(pattern)) {
    issues.push({ path, message: 'repeats a group that itself repeats (like "(a+)+"), which can take exponential time; rewrite it' });
  }
}

/**
 * A heuristic against catastrophic backtracking: a group holding an unbounded quantifier that is
 * itself repeated without bound. The gateway evaluates client-sent patterns on its event loop.
 */
export function hasNestedQuantifier(pattern: string): boolean {
  const groups: boolean[] = [];
  let repeatsInside = false;
  for (let index = 0; index < pattern.length; index++) {
    const char = pattern[index];
    if (char === '\\') {
      index++;
      continue;
    }
    if (char === '[') {
      index = skipCharacterClass(pattern, index);
      continue;
    }
    if (char === '(') {
      groups.push(repeatsInside);
      repeatsInside = false;
      continue;
    }
    if (char === ')') {
      const groupRepeats = repeatsInside;
      repeatsInside = groups.pop() ?? false;
      if (isUnboundedQuantifierAt(pattern, index + 1)) {
        if (groupRepeats) return true;
        repeatsInside = true;
      } else if (groupRepeats) {
        repeatsInside = true;
      }
      continue;
    }
    if (isUnboundedQuantifierAt(pattern, index)) repeatsInside = true;
  }
  return false;
}

function isUnboundedQuantifierAt(pattern: string, index: number): boolean {
  const char = pattern[index];
  if (char === '*' || char === '+') return true;
  if (char === '{') return /^\{\d+,\}/.test(pattern.slice(index));
  return false;
}

function skipCharacterClass(pattern: string, start: number): number {
  for (let index = start + 1; index < pattern.length; index++) {
    if (pattern[index] === '\\') index++;
    else if (pattern[index] === ']') return index;
  }
  return pattern.length;
}

function isPrimitive(value: unknown): boolean {
  return value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
