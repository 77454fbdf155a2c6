import { type ObservedAttempt, type ObservedRequest, requestShapeKey } from '../observed-request.js';
import type { FinishedSpan, ResourceAttributes, SpanSink } from './finished-span.js';
import type { OtlpProtocol } from './otlp-body.js';
import { type OtlpExporterStats, createOtlpHttpExporter } from './otlp-http-exporter.js';
import { createTraceIdRatioSampler } from './trace-id-ratio-sampler.js';
import { newSpanId, newTraceId, otelTraceIdOf, parseTraceparent } from './trace-ids.js';

export interface GatewayTracingOptions {
  /** OTLP/HTTP collector base (`http://collector:4318`) or its full `/v1/traces` URL. */
  otlpEndpoint?: string;
  /** The URL spans are POSTed to, used as given; wins over `otlpEndpoint`. */
  otlpTracesUrl?: string;
  headers?: Record<string, string>;
  /** The OTLP/HTTP body encoding: `http/protobuf` (default) or `http/json`. */
  protocol?: OtlpProtocol;
  /** Put message content (request and response bodies) on spans; off by default. */
  captureContent?: boolean;
  serviceName?: string;
  /** Resource attributes beyond `service.name` (`deployment.environment.name`, …). */
  resourceAttributes?: ResourceAttributes;
  /** One OTLP POST may take this long before its spans count as failed (default 10 000 ms). */
  timeoutMs?: number;
  /**
   * Share of new traces recorded (default 1: all). A caller's sampled `traceparent` is always
   * followed. Unsampled requests still pass a `traceparent` upstream, flagged not sampled.
   */
  sampleRatio?: number;
  /** Instead of OTLP (tests pass a memory exporter); a request's spans go there as it ends. */
  exporter?: SpanSink;
}

/** One upstream call as the gateway's transport made it. */
export interface UpstreamCallInfo {
  provider: string;
  method: string;
  url: string;
}

export interface RequestTrace {
  /** A span for one upstream call (an attempt); its `traceparent` goes on the upstream request. */
  upstreamCall(call: UpstreamCallInfo): { headers: Record<string, string>; end(outcome: { status?: number; error?: unknown }): void };
  /**
   * Names, attributes and ends the request span and its attempt spans. `shapeKey`, when given,
   * must be equal only for requests of equal method, route, status, provider, models and error
   * (`requestShapeKey` is).
   */
  end(request: ObservedRequest, content?: { request?: string; response?: string }, shapeKey?: string): void;
}

export interface GatewayTracing {
  /**
   * Starts the request span, continuing the caller's trace when `traceparent` is valid. A new
   * trace takes its id from `requestTraceId` (the gateway's `x-switchyard-trace-id`) when that is
   * a UUID or 32 hex digits (`otelTraceIdOf`), so the request's id finds its trace; else a random one.
   */
  begin(headers: Readonly<Record<string, string>>, startTime: number, requestTraceId?: string): RequestTrace;
  /** The OTLP exporter's span counts since start (undefined with an exporter that keeps none). */
  stats(): OtlpExporterStats | undefined;
  shutdown(): Promise<void>;
  forceFlush(): Promise<void>;
}

type Attributes = FinishedSpan['attributes'];

export function createGatewayTracing(options: GatewayTracingOptions): GatewayTracing {
  const otlp = options.exporter ? undefined : createOtlpHttpExporter({ endpoint: options.otlpEndpoint, tracesUrl: options.otlpTracesUrl, headers: options.headers, protocol: options.protocol, serviceName: options.serviceName, resourceAttributes: options.resourceAttributes, timeoutMs: options.timeoutMs });
  const sink: SpanSink = options.exporter ?? otlp!;
  const sampleNewTrace = createTraceIdRatioSampler(options.sampleRatio);
  const captureContent = options.captureContent ?? false;
  // A sink may export asynchronously; flushing waits for those exports too.
  const pending = new Set<Promise<void>>();
  const exportSpans = (spans: FinishedSpan[]) => {
    try {
      const result = sink.export(spans);
      if (result instanceof Promise) {
        const tracked = result.catch(() => {}).finally(() => pending.delete(tracked));
        pending.add(tracked);
      }
    } catch {
      // A failing exporter costs the spans, never the request.
    }
  };
  const forceFlush = async () => {
    await Promise.all(pending);
    await sink.forceFlush?.();
  };
  return {
    begin(headers, startTime, requestTraceId) {
      const parent = headers.traceparent ? parseTraceparent(headers.traceparent) : undefined;
      const traceId = parent?.traceId ?? otelTraceIdOf(requestTraceId) ?? newTraceId();
      // ParentBased sampling: the caller's decision when there is one, the ratio for a new trace.
      const sampled = parent ? parent.sampled : sampleNewTrace(traceId);
      return sampled ? beginRecorded(traceId, parent?.spanId, startTime, captureContent, exportSpans) : beginUnrecorded(traceId);
    },
    forceFlush,
    stats: () => otlp?.stats(),
    async shutdown() {
      await forceFlush();
      await sink.shutdown?.();
    },
  };
}

/** Not sampled: nothing to describe, nothing exported, but the upstream still learns the trace. */
function beginUnrecorded(traceId: string): RequestTrace {
  return {
    upstreamCall: () => ({ headers: { traceparent: `00-${traceId}-${newSpanId()}-00` }, end() {} }),
    end() {},
  };
}

interface OpenCall {
  spanId: string;
  info: UpstreamCallInfo;
  startTime: number;
  endTime?: number;
  status?: number;
  error?: unknown;
}

function beginRecorded(traceId: string, parentSpanId: string | undefined, startTime: number, captureContent: boolean, exportSpans: (spans: FinishedSpan[]) => void): RequestTrace {
  const spanId = newSpanId();
  const calls: OpenCall[] = [];
  let ended = false;
  return {
    upstreamCall(info) {
      const open: OpenCall = { spanId: newSpanId(), info, startTime: Date.now() };
      if (!ended) calls.push(open);
      return {
        headers: { traceparent: `00-${traceId}-${open.spanId}-01` },
        // Kept open until the request ends, so the attempt's GenAI attributes (known only then) can be set.
        end(outcome) {
          open.endTime ??= Date.now();
          if (outcome.status !== undefined) open.status = outcome.status;
          if (outcome.error !== undefined) open.error = outcome.error;
        },
      };
    },
    end(request, content, shapeKey) {
      if (ended) return;
      ended = true;
      const server = serverShape(request, shapeKey ?? requestShapeKey(request));
      // What differs from one request to the next; the rest is shared by requests of one shape.
      // Each key is stored by its own statement: one store site per key stays monomorphic, where a
      // helper storing every key (`attributes[key] = value`) went through V8's megamorphic stub.
      const attributes: Attributes = { 'switchyard.trace_id': request.traceId };
      const usage = request.usage;
      if (usage) {
        if (usage.input != null) attributes['gen_ai.usage.input_tokens'] = usage.input;
        if (usage.output != null) attributes['gen_ai.usage.output_tokens'] = usage.output;
        if (usage.cachedInput != null) attributes['gen_ai.usage.cache_read.input_tokens'] = usage.cachedInput;
        if (usage.cacheWrite != null) attributes['gen_ai.usage.cache_creation.input_tokens'] = usage.cacheWrite;
        if (usage.reasoning != null) attributes['gen_ai.usage.reasoning.output_tokens'] = usage.reasoning;
      }
      if (request.costUsd != null) attributes['switchyard.cost_usd'] = request.costUsd;
      if (request.overheadMs != null) attributes['switchyard.overhead_ms'] = request.overheadMs;
      if (captureContent && content?.request !== undefined) attributes['gen_ai.input.messages'] = content.request;
      if (captureContent && content?.response !== undefined) attributes['gen_ai.output.messages'] = content.response;

      const spans: FinishedSpan[] = [];
      const attempts = request.attempts ?? [];
      const now = Date.now();
      for (let index = 0; index < calls.length; index += 1) {
        // An upstream call per attempt; the router's outcomes say how each one ended.
        const call = calls[index]!;
        const attempt = attempts[index];
        const failed = attempt?.kind ?? (call.error !== undefined ? 'upstream_error' : undefined);
        const winner = !failed && index === calls.length - 1;
        const client = clientShape(request, server, call, index, attempt, failed, winner);
        const callAttributes: Attributes = {};
        if (winner && usage) {
          if (usage.input != null) callAttributes['gen_ai.usage.input_tokens'] = usage.input;
          if (usage.output != null) callAttributes['gen_ai.usage.output_tokens'] = usage.output;
        }
        const span: FinishedSpan = {
          traceId,
          spanId: call.spanId,
          parentSpanId: spanId,
          name: client.name,
          kind: 'client',
          startTimeMs: call.startTime,
          // A span never ends before it started (the SDK clamped the same way).
          endTimeMs: Math.max(call.endTime ?? now, call.startTime),
          attributes: callAttributes,
          sharedAttributes: client.attributes,
        };
        if (failed) span.status = { code: 'error', message: attempt?.message ?? failed };
        spans.push(span);
      }
      const span: FinishedSpan = {
        traceId,
        spanId,
        name: server.name,
        kind: 'server',
        startTimeMs: startTime,
        endTimeMs: Math.max(request.startedAt + request.totalMs, startTime),
        attributes,
        sharedAttributes: server.attributes,
      };
      if (parentSpanId) span.parentSpanId = parentSpanId;
      if (request.errorKind) span.status = { code: 'error', message: request.errorMessage ?? request.errorKind };
      spans.push(span);
      exportSpans(spans);
    },
  };
}

/** A span's name and the attributes it shares with every span of the same shape. */
interface SpanShape {
  name: string;
  operation: string;
  attributes: Readonly<Attributes>;
}

/** A request's shape, with the shapes its upstream calls have taken so far. */
interface ServerShape extends SpanShape {
  clients: ClientShape[];
}

/** What makes an upstream call's span differ from another of the same request shape. */
interface ClientShape extends SpanShape {
  provider: string;
  method: string;
  url: string;
  index: number;
  model: string | undefined;
  status: number | undefined;
  retry: number | undefined;
  attemptProvider: string | undefined;
  failed: string | undefined;
  winner: boolean;
}

// Requests of one route, provider, model and outcome describe themselves the same way: their
// shared attributes are built (and, by the OTLP exporter, encoded) once per shape. Bounded.
const serverShapes = new Map<string, ServerShape>();
const maxShapes = 4096;
// Upstream call shapes kept per request shape (a request shape sees few: its targets and outcomes).
const maxClientShapes = 16;

function serverShape(request: ObservedRequest, key: string): ServerShape {
  let shape = serverShapes.get(key);
  if (shape) return shape;
  const operation = operationOf(request.path);
  const attributes: Attributes = {
    'gen_ai.operation.name': operation,
    'http.request.method': request.method,
    'http.route': request.path,
    'http.response.status_code': request.status,
    'switchyard.stream': request.stream,
  };
  // GenAI names the provider (`openai`); which configured entry answered is our own attribute.
  setIfDefined(attributes, 'gen_ai.provider.name', request.providerId ?? request.provider);
  setIfDefined(attributes, 'switchyard.provider', request.provider);
  setIfDefined(attributes, 'gen_ai.request.model', request.modelRequested);
  setIfDefined(attributes, 'gen_ai.response.model', request.modelAnswered);
  setIfDefined(attributes, 'error.type', request.errorKind);
  shape = { name: `${operation} ${request.modelRequested ?? ''}`.trim(), operation, attributes: Object.freeze(attributes), clients: [] };
  if (serverShapes.size >= maxShapes) serverShapes.clear();
  serverShapes.set(key, shape);
  return shape;
}

/**
 * The shape of one upstream call's span, found among those its request shape has seen by comparing
 * the few values that differ between them: no key string is built per request.
 */
function clientShape(request: ObservedRequest, server: ServerShape, call: OpenCall, index: number, attempt: ObservedAttempt | undefined, failed: string | undefined, winner: boolean): SpanShape {
  const model = attempt?.model ?? request.modelRequested;
  const status = call.status ?? attempt?.status;
  const retry = attempt?.retry;
  const attemptProvider = attempt?.provider;
  const { provider, method, url } = call.info;
  const known = server.clients;
  for (let position = 0; position < known.length; position += 1) {
    const shape = known[position]!;
    if (
      shape.index === index && shape.status === status && shape.retry === retry && shape.winner === winner && shape.failed === failed &&
      shape.model === model && shape.attemptProvider === attemptProvider && shape.provider === provider && shape.method === method && shape.url === url
    ) {
      return shape;
    }
  }
  const operation = server.operation;
  const attributes: Attributes = {
    'gen_ai.provider.name': provider,
    'http.request.method': method,
    'server.address': hostOf(url),
    'gen_ai.operation.name': operation,
    'switchyard.attempt_index': index,
  };
  setIfDefined(attributes, 'gen_ai.request.model', model);
  setIfDefined(attributes, 'http.response.status_code', status);
  setIfDefined(attributes, 'switchyard.retry', retry);
  setIfDefined(attributes, 'switchyard.provider', attemptProvider);
  setIfDefined(attributes, 'error.type', failed);
  // The server shape's models are the request's: the winner's answered model is one of them.
  if (winner) setIfDefined(attributes, 'gen_ai.response.model', request.modelAnswered);
  const shape: ClientShape = {
    name: `${operation} ${model ?? ''}`.trim(),
    operation,
    attributes: Object.freeze(attributes),
    provider,
    method,
    url,
    index,
    model,
    status,
    retry,
    attemptProvider,
    failed,
    winner,
  };
  if (known.length >= maxClientShapes) known.shift();
  known.push(shape);
  return shape;
}

function operationOf(path: string): string {
  if (path.endsWith('/embeddings')) return 'embeddings';
  if (path.endsWith('/responses') || path.endsWith('/messages') || path.endsWith('/chat/completions')) return 'chat';
  if (path.includes('/images/')) return 'generate_content';
  return path.replace(/^\/v1\//, '');
}

function setIfDefined(attributes: Attributes, key: string, value: string | number | boolean | undefined | null): void {
  if (value !== undefined && value !== null) attributes[key] = value;
}

// `http://host:port/path` → `host:port`, without a URL object per upstream call.
function hostOf(url: string): string {
  const start = url.indexOf('//');
  if (start === -1) return '';
  const end = url.indexOf('/', start + 2);
  return url.slice(start + 2, end === -1 ? undefined : end);
}
