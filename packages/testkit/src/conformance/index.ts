export type { ConformanceScenario, ConformanceTool, ConformanceUpstream } from './conformance-upstream.js';
export type { ConformanceCheck } from './conformance-checks.js';
export { conformanceChecks } from './conformance-checks.js';
export * from './run-conformance-suite.js';
export * from './mock-conformance-upstream.js';
export * from './openai-compatible-conformance-upstream.js';
export * from './bundled-conformance-upstreams.js';
export * from './read-chat-sse.js';
export { createConformanceContext, type ConformanceContext, type ConformanceCall } from './conformance-context.js';
