import type { GatewayTracing, GatewayTracingOptions } from './gateway-tracing.js';

/**
 * Creates the tracer, loading OpenTelemetry only now: its SDK and OTLP exporter weigh ~20 MiB of
 * memory, which a gateway that exports no traces should not pay.
 */
export async function loadGatewayTracing(options: GatewayTracingOptions): Promise<GatewayTracing> {
  const { createGatewayTracing } = await import('./gateway-tracing.js');
  return createGatewayTracing(options);
}
