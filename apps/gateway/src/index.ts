export * from './create-gateway.js';
export * from './gateway-config.js';
export * from './load-config.js';
export * from './bundled-adapters.js';
export { buildCatalog } from './build-catalog.js';
export { configJsonSchemas } from './config-json-schemas.js';
export { runGatewayProcess, type GatewayProcessOptions } from './run-gateway-process.js';
export { validateConfigText, type ConfigProblem } from './validate-config-text.js';
// The price tools of `switchyard prices` (the CLI depends on the gateway, not on observability).
export { convertLiteLlmPrices, type ModelPrice } from '@switchyard/observability';
