import { type GatewayTracing, type GatewayTracingOptions, createGatewayTracing } from './gateway-tracing.js';

/**
 * Creates the tracer. Async for its callers' sake: it used to load the OpenTelemetry SDK on demand;
 * the tracer that replaced it is light enough to load with the package.
 */
export async function loadGatewayTracing(options: GatewayTracingOptions): Promise<GatewayTracing> {
  return createGatewayTracing(options);
}
