export * from './guardrail-check.js';
export * from './guardrail-verdict.js';
