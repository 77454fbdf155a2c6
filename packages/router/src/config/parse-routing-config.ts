import { InvalidRequestError } from '@switchyard/core';
import { type RoutingConfigLimits, defaultRoutingConfigLimits, findLimitViolation } from './check-config-limits.js';
import { formatConfigIssue } from './format-config-issue.js';
import { type RoutingConfig, routingConfigSchema } from './routing-config-schema.js';

// Enough to fix a config in one go without a wall of text in an error body.
const maxReportedIssues = 5;

/**
 * Validates a routing config (an object, or the JSON text of the `x-switchyard-config` /
 * `x-portkey-config` header). Throws an InvalidRequestError whose message names the place and
 * the problem: `config.targets[1].retry.attempts: must be at most 10`.
 */
export function parseRoutingConfig(value: unknown, limits: RoutingConfigLimits = defaultRoutingConfigLimits): RoutingConfig {
  let raw = value;
  if (typeof value === 'string') {
    try {
      raw = JSON.parse(value);
    } catch {
      throw configError('config: is not valid JSON');
    }
  }
  const violation = findLimitViolation(raw, limits);
  if (violation) throw configError(`${violation.path}: ${violation.message}`);
  // reportInput lets the message say what was given instead (its type, never its text).
  const result = routingConfigSchema.safeParse(raw, { reportInput: true });
  if (result.success) return result.data;
  const issues = result.error.issues;
  const shown = issues.slice(0, maxReportedIssues).map(formatConfigIssue);
  if (issues.length > maxReportedIssues) shown.push(`and ${issues.length - maxReportedIssues} more`);
  throw configError(shown.join('; '));
}

function configError(message: string): InvalidRequestError {
  return new InvalidRequestError(message, { param: 'x-switchyard-config', code: 'invalid_config' });
}
