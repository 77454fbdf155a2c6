import { InvalidRequestError } from '@switchyard/core';
import type { z } from 'zod';

type Issue = z.core.$ZodIssue;

/**
 * The first zod issue of a rejected Messages request → the error Anthropic itself would give:
 * the field as a dotted path with numeric indexes (`messages.0.content.1.source.data`) and a
 * message of the API's kind (`max_tokens: Field required`).
 */
export function toAnthropicInvalidRequest(error: z.ZodError, body: unknown, prefix: readonly PropertyKey[] = []): InvalidRequestError {
  const issue = error.issues[0];
  if (!issue) return new InvalidRequestError('The request body is invalid.');
  const path = [...prefix, ...innermostPath(issue)];
  const param = formatAnthropicPath(path);
  const message = describeIssue(issue, valueAt(body, path.slice(prefix.length)));
  return new InvalidRequestError(param === '' ? message : `${param}: ${message}`, { param: param || undefined });
}

/** `['messages', 0, 'content']` → `messages.0.content`, as Anthropic names fields. */
export function formatAnthropicPath(path: readonly PropertyKey[]): string {
  return path.map(String).join('.');
}

// A union reports the branch whose nested issue is the useful one.
function innermostPath(issue: Issue): PropertyKey[] {
  if (issue.code === 'invalid_union' && !('discriminator' in issue && issue.discriminator !== undefined)) {
    const branch = issue.errors.find((inner) => !inner.every((entry) => entry.code === 'invalid_type' && entry.path.length === 0));
    if (branch?.[0]) return [...issue.path, ...innermostPath(branch[0])];
  }
  return [...issue.path];
}

function describeIssue(issue: Issue, value: unknown): string {
  if (issue.code === 'invalid_union' && !('discriminator' in issue && issue.discriminator !== undefined)) {
    const branch = issue.errors.find((inner) => !inner.every((entry) => entry.code === 'invalid_type' && entry.path.length === 0));
    if (branch?.[0]) return describeIssue(branch[0], value);
  }
  if (value === undefined && (issue.code === 'invalid_type' || issue.code === 'invalid_union')) return 'Field required';
  switch (issue.code) {
    case 'invalid_type':
      return `Input should be ${describeType(issue.expected)}`;
    case 'invalid_union':
      if ('options' in issue && Array.isArray(issue.options) && issue.options.length > 0) {
        return `Input tag ${JSON.stringify(value)} does not match any of the expected tags: ${issue.options.map((option) => `'${String(option)}'`).join(', ')}`;
      }
      if ('errors' in issue) {
        const expected = issue.errors.flatMap((branch) => (branch[0]?.code === 'invalid_type' ? [describeType(branch[0].expected)] : []));
        if (expected.length > 0) return `Input should be ${[...new Set(expected)].join(' or ')}`;
      }
      return 'Input does not match any of the accepted shapes';
    case 'invalid_value':
      return `Input should be ${issue.values.map((entry) => `'${String(entry)}'`).join(' or ')}`;
    case 'too_small':
      return issue.origin === 'array' || issue.origin === 'string'
        ? `should have at least ${String(issue.minimum)} ${issue.origin === 'array' ? 'item' : 'character'}${Number(issue.minimum) === 1 ? '' : 's'}`
        : `Input should be greater than or equal to ${String(issue.minimum)}`;
    case 'too_big':
      return issue.origin === 'array' || issue.origin === 'string'
        ? `should have at most ${String(issue.maximum)} ${issue.origin === 'array' ? 'items' : 'characters'}`
        : `Input should be less than or equal to ${String(issue.maximum)}`;
    default:
      return issue.message;
  }
}

function describeType(expected: string): string {
  switch (expected) {
    case 'string':
      return 'a valid string';
    case 'number':
      return 'a valid number';
    case 'int':
      return 'a valid integer';
    case 'boolean':
      return 'a valid boolean';
    case 'array':
      return 'a valid list';
    case 'object':
    case 'record':
      return 'a valid dictionary';
    default:
      return `of type ${expected}`;
  }
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let current = root;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}
