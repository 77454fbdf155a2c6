import type { z } from 'zod';

/** `config.targets[1].retry.attempts`: the place of an issue, as Portkey names target paths. */
export function formatConfigPath(path: readonly PropertyKey[]): string {
  let text = 'config';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else if (typeof segment === 'string' && /^[A-Za-z_$][\w$]*$/.test(segment)) text += `.${segment}`;
    else text += `[${JSON.stringify(String(segment))}]`;
  }
  return text;
}

/** `config.targets[1].retry.attempts: must be at most 10`, in words a config author reads without zod. */
export function formatConfigIssue(issue: z.core.$ZodIssue): string {
  return `${formatConfigPath(issue.path)}: ${describeProblem(issue)}`;
}

function describeProblem(issue: z.core.$ZodIssue): string {
  // The input is on the issue only when parsed with `reportInput`.
  const hasInput = 'input' in issue;
  if (hasInput && issue.input === undefined && (issue.code === 'invalid_type' || issue.code === 'invalid_value')) return 'is required';
  switch (issue.code) {
    case 'invalid_type': {
      const expected = `must be ${withArticle(issue.expected === 'int' ? 'integer' : issue.expected)}`;
      return hasInput ? `${expected}, not ${describeInput(issue.input)}` : expected;
    }
    case 'too_big':
      return describeBound(issue.origin, 'most', issue.inclusive === false ? 'less than' : 'at most', issue.maximum);
    case 'too_small':
      if (issue.origin === 'string' && Number(issue.minimum) === 1) return 'must not be empty';
      return describeBound(issue.origin, 'least', issue.inclusive === false ? 'greater than' : 'at least', issue.minimum);
    case 'invalid_value':
      return `must be one of ${issue.values.map((value) => JSON.stringify(value)).join(', ')}`;
    default:
      return issue.message;
  }
}

function describeBound(origin: string, extreme: 'most' | 'least', comparison: string, bound: number | bigint): string {
  if (origin === 'array') return `must have at ${extreme} ${bound} ${Number(bound) === 1 ? 'entry' : 'entries'}`;
  if (origin === 'string') return `must be at ${extreme} ${bound} characters long`;
  return `must be ${comparison} ${bound}`;
}

function withArticle(noun: string): string {
  return `${/^[aeiou]/.test(noun) ? 'an' : 'a'} ${noun}`;
}

function describeInput(input: unknown): string {
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'an array';
  if (typeof input === 'number' && !Number.isInteger(input)) return String(input);
  return withArticle(typeof input);
}
