import { type FinishedSpan, type SpanSink, allAttributes } from './finished-span.js';

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
      // Tests read one attributes object: the shared ones are merged in.
      for (const span of spans) {
        const { sharedAttributes: _shared, ...plain } = span;
        finished.push({ ...plain, attributes: allAttributes(span) });
      }
    },
    spans: () => [...finished],
    reset() {
      finished = [];
    },
  };
}
