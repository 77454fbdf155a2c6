import http from 'node:http';
import https from 'node:https';
import type { FinishedSpan, SpanSink } from './finished-span.js';
import { encodeOtlpSpans, otlpTracesHead, otlpTracesTail } from './otlp-json.js';

export interface OtlpHttpExporterOptions {
  /** OTLP/HTTP collector base (`http://collector:4318`) or its full `/v1/traces` URL. */
  endpoint: string;
  headers?: Record<string, string>;
  /** `service.name` on the resource (default `switchyard`). */
  serviceName?: string;
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
 * Batches finished spans and POSTs them as OTLP/HTTP JSON, one request in flight at a time.
 * It uses node:http rather than global fetch, which would load a second copy of undici.
 */
export function createOtlpHttpExporter(options: OtlpHttpExporterOptions): OtlpHttpExporter {
  const url = new URL(tracesUrl(options.endpoint));
  const secure = url.protocol === 'https:';
  const agent = secure ? new https.Agent({ keepAlive: true, maxSockets: 1 }) : new http.Agent({ keepAlive: true, maxSockets: 1 });
  const request = secure ? https.request : http.request;
  const serviceName = options.serviceName ?? 'switchyard';
  const maxQueue = options.maxQueue ?? 2048;
  const batchSize = options.batchSize ?? 512;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const stats: OtlpExporterStats = { exported: 0, dropped: 0, failed: 0 };
  const head = Buffer.from(otlpTracesHead(serviceName));
  const tail = Buffer.from(otlpTracesTail);
  // Spans wait already encoded, in buffers outside the JS heap. Kept as objects, a batch would live
  // long enough to be promoted to V8's old generation (the gateway runs with a small young one),
  // and the extra full collections cost more CPU than building the spans did.
  const full: EncodedBatch[] = [];
  let filling: EncodedBatch | undefined;
  let queued = 0;
  let sending: Promise<void> | undefined;
  let stopped = false;

  const timer = setInterval(() => {
    if (queued > 0) void drain(true);
  }, options.flushIntervalMs ?? 2000);
  // A pending export must not keep the process alive; shutdown() is what flushes at exit.
  timer.unref();

  function append(json: string, count: number): void {
    // Worst case three UTF-8 bytes per UTF-16 unit: checked before writing, so nothing is cut.
    const room = json.length * 3 + 1;
    if (filling && (filling.spans >= batchSize || filling.buffer.length - filling.length < room)) {
      full.push(filling);
      filling = undefined;
    }
    filling ??= { buffer: Buffer.allocUnsafeSlow(Math.max(batchBytes, room)), length: 0, spans: 0 };
    if (filling.spans > 0) filling.length += filling.buffer.write(',', filling.length, 'latin1');
    filling.length += filling.buffer.write(json, filling.length, 'utf8');
    filling.spans += count;
    queued += count;
  }

  // Set by the timer and by flushes: send what waits even if it is less than a batch.
  let sendPartial = false;

  function drain(partial: boolean): Promise<void> {
    if (partial) sendPartial = true;
    if (!sending && queued > 0) sending = sendAll();
    return sending ?? Promise.resolve();
  }

  // Spans queued while a POST is out go in the next one, so a flush waits for them too. Without a
  // flush or the timer only full batches go: sending whatever arrived during the last POST would
  // make a POST of a few spans per round trip, and each POST costs more CPU than its spans.
  async function sendAll(): Promise<void> {
    try {
      for (;;) {
        if (filling && (filling.spans >= batchSize || (sendPartial && full.length === 0))) {
          full.push(filling);
          filling = undefined;
        }
        const batch = full.shift();
        if (!batch) break;
        if (full.length === 0 && !filling) sendPartial = false;
        queued -= batch.spans;
        try {
          await post(batch);
          stats.exported += batch.spans;
        } catch {
          // Tracing must not fail requests, nor retry into a collector that is down: the loss is counted.
          stats.failed += batch.spans;
        }
      }
    } finally {
      // Cleared in the same step the loop finds nothing to send, so a span queued after it starts a new drain.
      sending = undefined;
    }
  }

  function post(batch: EncodedBatch): Promise<void> {
    return new Promise((resolve, reject) => {
      let settled = false;
      let answered = false;
      const settle = (error?: Error) => {
        if (settled) return;
        settled = true;
        clearTimeout(deadline);
        if (error) reject(error);
        else resolve();
      };
      const outgoing = request(url, {
        method: 'POST',
        agent,
        headers: { ...options.headers, 'content-type': 'application/json', 'content-length': head.length + batch.length + tail.length },
      });
      // A deadline for the whole exchange, not only for an idle socket.
      const deadline = setTimeout(() => outgoing.destroy(new Error(`OTLP export timed out after ${timeoutMs} ms`)), timeoutMs);
      outgoing.on('error', settle);
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
      outgoing.write(head);
      outgoing.write(batch.buffer.subarray(0, batch.length));
      outgoing.end(tail);
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
      append(encodeOtlpSpans(kept === spans.length ? spans : spans.slice(0, kept)), kept);
      if (queued >= batchSize) void drain(false);
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

/** Spans encoded as the middle of one OTLP body, waiting to be sent. */
interface EncodedBatch {
  buffer: Buffer;
  length: number;
  spans: number;
}

// Room for a full batch of typical spans (about 1.1 KB each as JSON) without regrowing.
const batchBytes = 640 * 1024;

function tracesUrl(endpoint: string): string {
  const trimmed = endpoint.replace(/\/+$/, '');
  return trimmed.endsWith('/v1/traces') ? trimmed : `${trimmed}/v1/traces`;
}
