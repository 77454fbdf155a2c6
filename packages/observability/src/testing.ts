// What tests of a traced gateway need, kept off the main entry so importing the package loads no OpenTelemetry.
export { InMemorySpanExporter } from '@opentelemetry/sdk-trace-base';
export { SpanKind } from '@opentelemetry/api';
