/**
 * What a conditional strategy's queries look at: `metadata.<key>`, `params.<key>` (the request
 * body) and `url.pathname`, as in Portkey's conditional router.
 */
export interface QueryContext {
  metadata: Readonly<Record<string, string>>;
  params: Readonly<Record<string, unknown>>;
  url: { pathname: string };
}

export type Query = Readonly<Record<string, unknown>>;

export const logicalOperators = ['$and', '$or'] as const;
export const comparisonOperators = ['$eq', '$ne', '$gt', '$gte', '$lt', '$lte', '$in', '$nin', '$regex'] as const;
export type ComparisonOperator = (typeof comparisonOperators)[number];

/**
 * A Mongo-like query over the context. Several keys in one object must all hold (implicit
 * `$and`); a plain value is an equality test; `{ "$gt": 0.7 }` and friends compare. Unlike
 * Portkey's router, `$and`/`$or` next to other keys do not short-cut them, and several
 * operators on one field must all hold.
 */
export function evaluateQuery(query: Query, context: QueryContext): boolean {
  for (const [key, expected] of Object.entries(query)) {
    if (key === '$and') {
      if (!Array.isArray(expected) || !expected.every((part) => isQuery(part) && evaluateQuery(part, context))) return false;
      continue;
    }
    if (key === '$or') {
      if (!Array.isArray(expected) || !expected.some((part) => isQuery(part) && evaluateQuery(part, context))) return false;
      continue;
    }
    const actual = readQueryPath(context, key);
    if (isQuery(expected)) {
      for (const [operator, operand] of Object.entries(expected)) {
        if (!compare(operator, actual, operand)) return false;
      }
    } else if (!looselyEqual(actual, expected)) {
      return false;
    }
  }
  return true;
}

/**
 * `metadata.tier`, `params.model`, `url.pathname`. Portkey reads two segments only; deeper paths
 * (`params.messages.0.role`, `params.response_format.type`) walk into the value here. A metadata key
 * that itself contains dots is matched whole first. Only own properties are read, never the prototype.
 */
export function readQueryPath(context: QueryContext, key: string): unknown {
  const dot = key.indexOf('.');
  if (dot === -1) return undefined;
  const root = key.slice(0, dot);
  const rest = key.slice(dot + 1);
  let value: unknown;
  if (root === 'metadata') value = context.metadata;
  else if (root === 'params') value = context.params;
  else if (root === 'url') value = context.url;
  else return undefined;
  if (isRecord(value) && Object.hasOwn(value, rest)) return value[rest];
  for (const segment of rest.split('.')) {
    if (Array.isArray(value)) {
      if (!/^\d+$/.test(segment)) return undefined;
      value = value[Number(segment)];
    } else if (isRecord(value) && Object.hasOwn(value, segment)) {
      value = value[segment];
    } else {
      return undefined;
    }
  }
  return value;
}

function compare(operator: string, actual: unknown, operand: unknown): boolean {
  switch (operator) {
    case '$eq':
      return looselyEqual(actual, operand);
    // A missing key is "not equal" and "not in", as in Portkey's router (its docs say every
    // operator is false on a missing key; the code it runs says otherwise, and configs rely on the code).
    case '$ne':
      return !looselyEqual(actual, operand);
    case '$in':
      return Array.isArray(operand) && operand.some((item) => looselyEqual(actual, item));
    case '$nin':
      return Array.isArray(operand) && !operand.some((item) => looselyEqual(actual, item));
    case '$gt':
      return compareNumbers(actual, operand, (a, b) => a > b);
    case '$gte':
      return compareNumbers(actual, operand, (a, b) => a >= b);
    case '$lt':
      return compareNumbers(actual, operand, (a, b) => a < b);
    case '$lte':
      return compareNumbers(actual, operand, (a, b) => a <= b);
    case '$regex':
      return matchesPattern(actual, operand);
    default:
      // Unknown operators are refused when the config is parsed; a query built by hand that
      // has one simply does not match.
      return false;
  }
}

// Numbers compare as numbers even when one side is a string ("10" from metadata), like Portkey's parseFloat.
function compareNumbers(actual: unknown, operand: unknown, test: (a: number, b: number) => boolean): boolean {
  const left = toNumber(actual);
  const right = toNumber(operand);
  return left !== undefined && right !== undefined && test(left, right);
}

function toNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const parsed = Number.parseFloat(value);
  return Number.isFinite(parsed) ? parsed : undefined;
}

// JavaScript regular expressions without flags, as Portkey documents; a bad pattern does not match.
function matchesPattern(actual: unknown, pattern: unknown): boolean {
  if (typeof pattern !== 'string') return false;
  if (typeof actual !== 'string' && typeof actual !== 'number' && typeof actual !== 'boolean') return false;
  let expression: RegExp;
  try {
    expression = new RegExp(pattern);
  } catch {
    return false;
  }
  return expression.test(String(actual));
}

/**
 * Strict equality, except that a string equals a number or boolean with the same text: metadata
 * travels as strings, so `{ "$eq": true }` (an example in Portkey's docs) must match `"true"`.
 */
export function looselyEqual(actual: unknown, expected: unknown): boolean {
  if (actual === expected) return true;
  const actualType = typeof actual;
  const expectedType = typeof expected;
  if (actualType === 'string' && (expectedType === 'number' || expectedType === 'boolean')) return actual === String(expected);
  if (expectedType === 'string' && (actualType === 'number' || actualType === 'boolean')) return expected === String(actual);
  return false;
}

function isQuery(value: unknown): value is Query {
  return isRecord(value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
