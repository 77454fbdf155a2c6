export { builtinGuardrailChecks } from './builtin-checks.js';
export { GuardrailCheckRegistry } from './guardrail-check-registry.js';
export { guardrailBlockedError } from './guardrail-blocked-error.js';
export { type GuardrailAttemptInfo, type GuardrailInterceptor, type GuardrailInterceptorOptions, createGuardrailInterceptor, guardrailHeader } from './guardrail-interceptor.js';
export type { ConfiguredCheck, GuardrailFeedback, GuardrailPlan, GuardrailSet, StreamPolicy, StreamPolicyName } from './guardrail-set.js';
export { parseGuardrailSet, parseNamedGuardrailSets, resolveGuardrailPlan, type GuardrailSetLookup } from './parse-guardrail-config.js';
export { runGuardrailSets, type GuardrailRunInput, type GuardrailRunResult } from './run-guardrail-sets.js';
export { detectPii, redactPii, piiCategories, type PiiCategory, type PiiFinding } from './pii/detect-pii.js';
export { verdictHeader } from './verdict-header.js';
