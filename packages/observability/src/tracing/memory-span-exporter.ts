import type { FinishedSpan, SpanSink } from './finished-span.js';

export interface MemorySpanExporter extends SpanSink {
  export(spans: FinishedSpan[]): void;
  /** Every span exported since the last reset, in the order they ended. */
  spans(): FinishedSpan[];
  reset(): void;
}

/** Keeps finished spans in memory, for tests that check what a request traced. */
export function createMemorySpanExporter(): MemorySpanExporter {
  let finished: FinishedSpan[] = [];
  return {
    export(spans) {
      finished.push(...spans);
    },
    spans: () => [...finished],
    reset() {
      finished = [];
    },
  };
}
