import { InvalidRequestError } from '@switchyard/core';
import type { z } from 'zod';

type Issue = z.core.$ZodIssue;
type PathKey = PropertyKey;

/**
 * Turns the first zod issue of a rejected request into the error OpenAI itself would give:
 * the field as `messages[0].content`, its messages ("Invalid type for …", "Missing required
 * parameter: …") and its codes, so clients that parse OpenAI errors keep working.
 */
export function toOpenAIChatInvalidRequest(error: z.ZodError, body: unknown): InvalidRequestError {
  const issue = error.issues[0];
  if (!issue) return new InvalidRequestError('The request body is invalid.');
  return describeIssue(issue, [], body);
}

/** `['messages', 0, 'content']` → `messages[0].content`. */
export function formatParamPath(path: readonly PathKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}

function describeIssue(issue: Issue, prefix: readonly PathKey[], body: unknown): InvalidRequestError {
  const path = [...prefix, ...issue.path];
  const param = formatParamPath(path);
  const value = valueAt(body, path);
  const error = (message: string, code: string) => new InvalidRequestError(message, { param, code });

  switch (issue.code) {
    case 'invalid_union': {
      if ('discriminator' in issue && issue.discriminator !== undefined) {
        // Unknown `role` / `type`: zod reports the discriminator's path.
        if (value === undefined) return error(`Missing required parameter: '${param}'.`, 'missing_required_parameter');
        return error(
          `Invalid value: ${quote(value)}. Supported values are: ${listValues('options' in issue ? (issue.options ?? []) : [])}.`,
          'invalid_value',
        );
      }
      // A union such as "string or array of parts": report the branch that matched the
      // value's type (its nested issue is the useful one); if none did, list the types.
      const branches = issue.errors;
      const matching = branches.find((branch) => !branch.every((inner) => inner.code === 'invalid_type' && inner.path.length === 0));
      if (matching?.[0]) return describeIssue(matching[0], path, body);
      if (value === undefined) return error(`Missing required parameter: '${param}'.`, 'missing_required_parameter');
      const expected = branches.flatMap((branch) => (branch[0]?.code === 'invalid_type' ? [describeType(branch[0].expected)] : []));
      return error(
        `Invalid type for '${param}': expected one of ${joinWords([...new Set(expected)], 'or')}, but got ${describeValue(value)} instead.`,
        'invalid_type',
      );
    }
    case 'invalid_type': {
      if (value === undefined) return error(`Missing required parameter: '${param}'.`, 'missing_required_parameter');
      return error(
        `Invalid type for '${param}': expected ${describeType(issue.expected)}, but got ${describeValue(value)} instead.`,
        'invalid_type',
      );
    }
    case 'invalid_value':
      return error(`Invalid value: ${quote(value)}. Supported values are: ${listValues(issue.values)}.`, 'invalid_value');
    case 'too_small': {
      if (issue.origin === 'array') {
        if (Array.isArray(value) && value.length === 0) {
          return error(
            `Invalid '${param}': empty array. Expected an array with minimum length ${issue.minimum}, but got an empty array instead.`,
            'empty_array',
          );
        }
        return error(
          `Invalid '${param}': array too short. Expected an array with minimum length ${issue.minimum}, but got an array with length ${arrayLength(value)} instead.`,
          'array_below_min_length',
        );
      }
      const kind = numberKind(value);
      return error(
        `Invalid '${param}': ${kind} below minimum value. Expected a value >= ${issue.minimum}, but got ${String(value)} instead.`,
        `${kind}_below_min_value`,
      );
    }
    case 'too_big': {
      if (issue.origin === 'array') {
        return error(
          `Invalid '${param}': array too long. Expected an array with maximum length ${issue.maximum}, but got an array with length ${arrayLength(value)} instead.`,
          'array_above_max_length',
        );
      }
      const kind = numberKind(value);
      return error(
        `Invalid '${param}': ${kind} above maximum value. Expected a value <= ${issue.maximum}, but got ${String(value)} instead.`,
        `${kind}_above_max_value`,
      );
    }
    default:
      return error(`Invalid '${param}': ${issue.message}.`, 'invalid_value');
  }
}

function valueAt(root: unknown, path: readonly PathKey[]): unknown {
  let current = root;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

function describeType(expected: string): string {
  switch (expected) {
    case 'string':
      return 'a string';
    case 'number':
      return 'a number';
    case 'int':
      return 'an integer';
    case 'boolean':
      return 'a boolean';
    case 'array':
      return 'an array';
    case 'object':
    case 'record':
      return 'an object';
    case 'null':
      return 'null';
    default:
      return expected;
  }
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'an integer' : 'a decimal';
  if (typeof value === 'string') return 'a string';
  if (typeof value === 'boolean') return 'a boolean';
  return 'an object';
}

function numberKind(value: unknown): 'integer' | 'decimal' {
  return typeof value === 'number' && !Number.isInteger(value) ? 'decimal' : 'integer';
}

function arrayLength(value: unknown): number {
  return Array.isArray(value) ? value.length : 0;
}

function quote(value: unknown): string {
  return typeof value === 'string' ? `'${value}'` : JSON.stringify(value) ?? String(value);
}

function listValues(values: readonly unknown[]): string {
  return joinWords(values.map(quote), 'and');
}

function joinWords(words: readonly string[], conjunction: 'and' | 'or'): string {
  if (words.length <= 1) return words[0] ?? '';
  if (words.length === 2) return `${words[0]} ${conjunction} ${words[1]}`;
  return `${words.slice(0, -1).join(', ')}, ${conjunction} ${words[words.length - 1]}`;
}
