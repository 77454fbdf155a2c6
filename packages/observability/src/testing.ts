// What tests of a traced gateway need, kept off the main entry.
export { createMemorySpanExporter, type MemorySpanExporter } from './tracing/memory-span-exporter.js';
export type { FinishedSpan } from './tracing/finished-span.js';
