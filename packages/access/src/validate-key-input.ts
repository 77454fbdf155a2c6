import { InvalidRequestError } from '@switchyard/core';
import type { Budget, GatewayKeyInput, Limits, ScopedLimits } from './access-types.js';
import { parseDuration } from './budget-window.js';

const limitFields = ['requestsPerMinute', 'tokensPerMinute', 'inputTokensPerMinute', 'outputTokensPerMinute', 'concurrentRequests'] as const;
const stringFields = ['name', 'teamId', 'orgId', 'defaultConfig'] as const;

const fail = (param: string, message: string) => new InvalidRequestError(`${param}: ${message}`, { param });

/** Checks an admin API body field by field; the error names the field at fault. */
export function validateKeyInput(body: unknown): GatewayKeyInput {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw fail('body', 'expected a JSON object');
  const raw = body as Record<string, unknown>;
  const known = new Set<string>([...stringFields, 'allowedModels', 'allowedProviders', 'metadata', 'limits', 'budgets', 'expiresAt']);
  for (const field of Object.keys(raw)) if (!known.has(field)) throw fail(field, 'unknown field');
  const input: GatewayKeyInput = {};
  for (const field of stringFields) {
    if (raw[field] === undefined) continue;
    if (typeof raw[field] !== 'string' || raw[field] === '') throw fail(field, 'expected a non-empty string');
    input[field] = raw[field] as string;
  }
  for (const field of ['allowedModels', 'allowedProviders'] as const) {
    if (raw[field] === undefined) continue;
    if (!Array.isArray(raw[field]) || !(raw[field] as unknown[]).every((item) => typeof item === 'string')) throw fail(field, 'expected an array of strings');
    input[field] = raw[field] as string[];
  }
  if (raw.metadata !== undefined) {
    if (typeof raw.metadata !== 'object' || raw.metadata === null || Object.values(raw.metadata).some((value) => typeof value !== 'string')) {
      throw fail('metadata', 'expected an object of strings');
    }
    input.metadata = raw.metadata as Record<string, string>;
  }
  if (raw.expiresAt !== undefined) {
    if (typeof raw.expiresAt !== 'string' || Number.isNaN(Date.parse(raw.expiresAt))) throw fail('expiresAt', 'expected an ISO date-time');
    input.expiresAt = new Date(raw.expiresAt).toISOString();
  }
  if (raw.limits !== undefined) input.limits = validateScopedLimits(raw.limits, 'limits');
  if (raw.budgets !== undefined) input.budgets = validateBudgets(raw.budgets, 'budgets');
  return input;
}

export function validateScopedLimits(raw: unknown, path: string): ScopedLimits {
  const limits = validateLimits(raw, path, ['models']) as ScopedLimits;
  const models = (raw as Record<string, unknown>).models;
  if (models !== undefined) {
    if (typeof models !== 'object' || models === null) throw fail(`${path}.models`, 'expected an object of model pattern -> limits');
    limits.models = Object.fromEntries(Object.entries(models).map(([pattern, value]) => [pattern, validateLimits(value, `${path}.models.${pattern}`)]));
  }
  return limits;
}

function validateLimits(raw: unknown, path: string, extra: string[] = []): Limits {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw fail(path, 'expected an object');
  const limits: Limits = {};
  for (const [field, value] of Object.entries(raw)) {
    if (extra.includes(field)) continue;
    if (!(limitFields as readonly string[]).includes(field)) throw fail(`${path}.${field}`, `unknown limit (known: ${limitFields.join(', ')})`);
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) throw fail(`${path}.${field}`, 'expected a whole number ≥ 0');
    limits[field as (typeof limitFields)[number]] = value;
  }
  return limits;
}

export function validateBudgets(raw: unknown, path: string): Budget[] {
  if (!Array.isArray(raw)) throw fail(path, 'expected an array of budgets');
  const names = new Set<string>();
  return raw.map((item, index) => {
    const at = `${path}[${index}]`;
    if (typeof item !== 'object' || item === null) throw fail(at, 'expected an object');
    const budget = item as Record<string, unknown>;
    if (typeof budget.name !== 'string' || budget.name === '') throw fail(`${at}.name`, 'expected a non-empty string');
    if (names.has(budget.name)) throw fail(`${at}.name`, `"${budget.name}" is used twice`);
    names.add(budget.name);
    if (typeof budget.usd !== 'number' || !(budget.usd >= 0)) throw fail(`${at}.usd`, 'expected a number of USD ≥ 0');
    if (budget.window !== undefined && budget.period !== undefined) throw fail(at, 'give either window (rolling) or period (calendar), not both');
    if (budget.window !== undefined) {
      if (typeof budget.window !== 'string') throw fail(`${at}.window`, 'expected a duration like "24h"');
      try {
        parseDuration(budget.window, `${at}.window`);
      } catch (error) {
        throw fail(`${at}.window`, (error as Error).message);
      }
    }
    if (budget.period !== undefined && !['day', 'week', 'month'].includes(budget.period as string)) throw fail(`${at}.period`, 'expected day, week or month');
    if (budget.timezone !== undefined) {
      try {
        new Intl.DateTimeFormat('en-US', { timeZone: budget.timezone as string });
      } catch {
        throw fail(`${at}.timezone`, `"${String(budget.timezone)}" is not an IANA timezone`);
      }
    }
    if (budget.soft !== undefined && typeof budget.soft !== 'boolean') throw fail(`${at}.soft`, 'expected true or false');
    return budget as unknown as Budget;
  });
}
