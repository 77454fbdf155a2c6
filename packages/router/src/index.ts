export * from './model-string.js';
export * from './host-allow-list.js';
export * from './ip-address-class.js';
export * from './provider-catalog.js';

export * from './config/routing-config-schema.js';
export * from './config/check-config-limits.js';
export * from './config/parse-routing-config.js';
export * from './config/routing-config-json-schema.js';
export * from './config/resolve-target-spec.js';
export { formatConfigPath } from './config/format-config-issue.js';

export * from './conditions/evaluate-query.js';
export * from './conditions/validate-query.js';
export * from './conditions/pick-conditional-target.js';

export * from './health/target-health.js';

export * from './run/routing-types.js';
export * from './run/run-routing-plan.js';
export * from './run/all-targets-failed-error.js';
export { retryAfterDelayMs } from './run/retry-after-delay.js';
export { fullJitterDelay } from './run/backoff-delay.js';
export { defaultHealthKey } from './run/default-health-key.js';
