/** A span once it has ended: a plain record, which is all an exporter needs. */
export interface FinishedSpan {
  /** 32 lowercase hex characters. */
  traceId: string;
  /** 16 lowercase hex characters. */
  spanId: string;
  /** The span this one belongs under (the caller's span for a continued trace); absent on a root span. */
  parentSpanId?: string;
  name: string;
  /** `server`: the request the gateway received; `client`: one call it made upstream. */
  kind: 'server' | 'client';
  /** Epoch milliseconds; fractions allowed. */
  startTimeMs: number;
  endTimeMs: number;
  /** This span's own attributes; with `sharedAttributes`, all of its attributes. */
  attributes: Record<string, string | number | boolean>;
  /**
   * Attributes many spans have in common (one route, provider, model and status): a single frozen
   * object reused by all of them, so an exporter encodes it once. Read a span's attributes with
   * `allAttributes`.
   */
  sharedAttributes?: Readonly<Record<string, string | number | boolean>>;
  /** Only errors carry a status; an unset status means the span did not fail. */
  status?: { code: 'error'; message?: string };
}

/** Where finished spans go: the OTLP/HTTP exporter, or memory in tests. */
export interface SpanSink {
  /** Takes the spans of one request as it ends; must not throw (failures are the sink's to count). */
  export(spans: FinishedSpan[]): void | Promise<void>;
  /** Sends whatever is queued. */
  forceFlush?(): Promise<void>;
  shutdown?(): Promise<void>;
}

/** Every attribute of a span: the shared ones, then its own. */
export function allAttributes(span: FinishedSpan): Record<string, string | number | boolean> {
  return span.sharedAttributes ? { ...span.sharedAttributes, ...span.attributes } : span.attributes;
}

/**
 * Attributes of the resource (the gateway process) beyond `service.name`, sent once per export
 * body: `deployment.environment.name`, `service.version`, `k8s.pod.name`, …
 */
export type ResourceAttributes = Readonly<Record<string, string>>;
