import http from 'node:http';
import https from 'node:https';
import type { FinishedSpan, ResourceAttributes, SpanSink } from './finished-span.js';
import { type OtlpBody, type OtlpProtocol, otlpContentTypes, startOtlpBody } from './otlp-body.js';

export interface OtlpHttpExporterOptions {
  /** OTLP/HTTP collector base (`http://collector:4318`) or its full `/v1/traces` URL. */
  endpoint?: string;
  /** The URL spans are POSTed to, used as given (OTEL_EXPORTER_OTLP_TRACES_ENDPOINT); wins over `endpoint`. */
  tracesUrl?: string;
  headers?: Record<string, string>;
  /**
   * The body's encoding: binary protobuf (the default, as in OpenTelemetry's own exporters; a
   * gateway span takes about half the bytes and under half the encoding time it takes as JSON) or JSON.
   */
  protocol?: OtlpProtocol;
  /** `service.name` on the resource (default `switchyard`). */
  serviceName?: string;
  /** More resource attributes (OTEL_RESOURCE_ATTRIBUTES); a `service.name` among them is ignored. */
  resourceAttributes?: ResourceAttributes;
  /** Spans waiting beyond this many are dropped and counted (default 2048). */
  maxQueue?: number;
  /** Spans per POST; a full batch is sent at once (default 512). */
  batchSize?: number;
  /** What is queued is sent at least this often (default 2000 ms). */
  flushIntervalMs?: number;
  /** One POST may take this long before it counts as failed (default 10 000 ms). */
  timeoutMs?: number;
}

/** Counts of spans, since the exporter was created. */
export interface OtlpExporterStats {
  exported: number;
  /** Refused because the queue was full, or because the exporter was shut down. */
  dropped: number;
  /** In a POST that failed: refused by the collector, unreachable, or timed out. */
  failed: number;
}

export interface OtlpHttpExporter extends SpanSink {
  export(spans: FinishedSpan[]): void;
  /** Resolves once everything queued so far has been sent (or has failed). */
  forceFlush(): Promise<void>;
  /** Flushes, then stops the timer and closes the exporter's connections. */
  shutdown(): Promise<void>;
  stats(): OtlpExporterStats;
}

/**
 * Batches finished spans and POSTs them over OTLP/HTTP, one request in flight at a time.
 * It uses node:http rather than global fetch, which would load a second copy of undici.
 */
export function createOtlpHttpExporter(options: OtlpHttpExporterOptions): OtlpHttpExporter {
  const url = new URL(options.tracesUrl ?? tracesUrl(options.endpoint ?? 'http://localhost:4318'));
  const secure = url.protocol === 'https:';
  const agent = secure ? new https.Agent({ keepAlive: true, maxSockets: 1 }) : new http.Agent({ keepAlive: true, maxSockets: 1 });
  const request = secure ? https.request : http.request;
  const serviceName = options.serviceName ?? 'switchyard';
  const resourceAttributes = options.resourceAttributes;
  const protocol = options.protocol ?? 'http/protobuf';
  const contentType = otlpContentTypes[protocol];
  const maxQueue = options.maxQueue ?? 2048;
  const batchSize = options.batchSize ?? 512;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const stats: OtlpExporterStats = { exported: 0, dropped: 0, failed: 0 };
  // Spans wait as the small objects the tracer made (their attributes common to many spans are
  // shared, not copied) until a few dozen have ended, then are encoded together, off the requests'
  // path, into the body being filled, which lives outside the JS heap. Encoding each request's
  // spans as it ended cost three times as much (the encoder ran cold, between requests); holding
  // a whole batch as objects kept them alive long enough to reach V8's old generation.
  let waiting: FinishedSpan[] = [];
  let filling: { body: OtlpBody; spans: number } | undefined;
  // Encoded bodies waiting for the one POST in flight.
  const bodies: EncodedBatch[] = [];
  let queued = 0;
  let sending: Promise<void> | undefined;
  let encodeScheduled = false;
  // Buffers of bodies already sent, for the next bodies: each body otherwise took a new buffer of
  // some 300 KiB outside the JS heap, allocated and freed again for every 512 spans.
  const spare: Buffer[] = [];
  let stopped = false;

  const timer = setInterval(() => {
    if (queued > 0) void drain(true);
  }, options.flushIntervalMs ?? 2000);
  // A pending export must not keep the process alive; shutdown() is what flushes at exit.
  timer.unref();

  function finishBody(): void {
    if (!filling) return;
    bodies.push({ body: filling.body.finish(), backing: filling.body.backing(), spans: filling.spans });
    filling = undefined;
  }

  /** Encodes the waiting spans into bodies; with `partial`, the body being filled is finished too. */
  function seal(partial: boolean): void {
    for (const span of waiting) {
      filling ??= { body: startOtlpBody(protocol, serviceName, batchSize, resourceAttributes, spare.pop()), spans: 0 };
      filling.body.add(span);
      filling.spans += 1;
      if (filling.spans >= batchSize) finishBody();
    }
    waiting = [];
    if (partial) finishBody();
  }

  function drain(partial: boolean): Promise<void> {
    seal(partial);
    if (!sending && bodies.length > 0) sending = sendAll();
    return sending ?? Promise.resolve();
  }

  // Without a flush or the timer only full batches go: sending whatever arrived during the last
  // POST would make a POST of a few spans per round trip, and each POST costs more CPU than its spans.
  async function sendAll(): Promise<void> {
    try {
      for (;;) {
        const batch = bodies.shift();
        if (!batch) break;
        queued -= batch.spans;
        try {
          const written = await post(batch);
          stats.exported += batch.spans;
          // Reused only once every byte of it went to the socket (a failed POST may still hold it).
          if (written && spare.length < 2) spare.push(batch.backing);
        } catch {
          // Tracing must not fail requests, nor retry into a collector that is down: the loss is counted.
          stats.failed += batch.spans;
        }
      }
    } finally {
      // Cleared in the same step the loop finds nothing to send, so a batch sealed after it starts a new drain.
      sending = undefined;
    }
  }

  /** Resolves once the collector accepted the batch: true when the body was also written out whole. */
  function post(batch: EncodedBatch): Promise<boolean> {
    return new Promise((resolve, reject) => {
      let settled = false;
      let answered = false;
      let written = false;
      const settle = (error?: Error) => {
        if (settled) return;
        settled = true;
        clearTimeout(deadline);
        if (error) reject(error);
        else resolve(written);
      };
      const outgoing = request(url, {
        method: 'POST',
        agent,
        headers: { ...options.headers, 'content-type': contentType, 'content-length': batch.body.length },
      });
      // A deadline for the whole exchange, not only for an idle socket.
      const deadline = setTimeout(() => outgoing.destroy(new Error(`OTLP export timed out after ${timeoutMs} ms`)), timeoutMs);
      outgoing.on('error', settle);
      outgoing.once('finish', () => (written = true));
      outgoing.on('close', () => {
        if (!answered) settle(new Error('OTLP collector closed the connection without answering'));
      });
      outgoing.on('response', (response) => {
        answered = true;
        const status = response.statusCode ?? 0;
        response.on('error', settle);
        response.on('end', () => settle(status >= 200 && status < 300 ? undefined : new Error(`OTLP collector answered ${status}`)));
        response.on('close', () => settle(new Error('OTLP collector connection closed mid-answer')));
        // Read the (small) answer to the end, so the connection can be reused.
        response.resume();
      });
      outgoing.end(batch.body);
    });
  }

  return {
    export(spans) {
      if (stopped) {
        stats.dropped += spans.length;
        return;
      }
      // Beyond the bound the newest spans are dropped: a collector that is down must not grow memory.
      const kept = Math.min(spans.length, maxQueue - queued);
      stats.dropped += spans.length - kept;
      if (kept <= 0) return;
      for (let index = 0; index < kept; index += 1) waiting.push(spans[index]!);
      queued += kept;
      if (waiting.length >= encodeEvery && !encodeScheduled) {
        encodeScheduled = true;
        // Off the caller's tick: the request that filled the group does not pay for encoding it.
        setImmediate(() => {
          encodeScheduled = false;
          void drain(false);
        });
      }
    },
    async forceFlush() {
      await drain(true);
    },
    async shutdown() {
      if (stopped) return;
      stopped = true;
      clearInterval(timer);
      await drain(true);
      agent.destroy();
    },
    stats: () => ({ ...stats }),
  };
}

// Spans are encoded in groups this large: enough to keep the encoder warm, few enough to leave
// the young generation before it is collected.
const encodeEvery = 64;

/** One OTLP body, encoded and waiting to be sent. */
interface EncodedBatch {
  body: Buffer;
  /** The whole buffer `body` is a view of. */
  backing: Buffer;
  spans: number;
}

function tracesUrl(endpoint: string): string {
  const trimmed = endpoint.replace(/\/+$/, '');
  return trimmed.endsWith('/v1/traces') ? trimmed : `${trimmed}/v1/traces`;
}
