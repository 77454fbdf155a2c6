import type { ObservedRequest } from '../observed-request.js';
import type { FinishedSpan, SpanSink } from './finished-span.js';
import { createOtlpHttpExporter } from './otlp-http-exporter.js';
import { createTraceIdRatioSampler } from './trace-id-ratio-sampler.js';
import { newSpanId, newTraceId, parseTraceparent } from './trace-ids.js';

export interface GatewayTracingOptions {
  /** OTLP/HTTP collector base (`http://collector:4318`) or its full `/v1/traces` URL. */
  otlpEndpoint?: string;
  headers?: Record<string, string>;
  /** Put message content (request and response bodies) on spans; off by default. */
  captureContent?: boolean;
  serviceName?: string;
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
  /** Names, attributes and ends the request span and its attempt spans. */
  end(request: ObservedRequest, content?: { request?: string; response?: string }): void;
}

export interface GatewayTracing {
  /** Starts the request span, continuing the caller's trace when `traceparent` is valid. */
  begin(headers: Readonly<Record<string, string>>, startTime: number): RequestTrace;
  shutdown(): Promise<void>;
  forceFlush(): Promise<void>;
}

type Attributes = FinishedSpan['attributes'];

export function createGatewayTracing(options: GatewayTracingOptions): GatewayTracing {
  const sink = options.exporter ?? createOtlpHttpExporter({ endpoint: options.otlpEndpoint ?? 'http://localhost:4318', headers: options.headers, serviceName: options.serviceName });
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
    begin(headers, startTime) {
      const parent = headers.traceparent ? parseTraceparent(headers.traceparent) : undefined;
      const traceId = parent?.traceId ?? newTraceId();
      // ParentBased sampling: the caller's decision when there is one, the ratio for a new trace.
      const sampled = parent ? parent.sampled : sampleNewTrace(traceId);
      return sampled ? beginRecorded(traceId, parent?.spanId, startTime, captureContent, exportSpans) : beginUnrecorded(traceId);
    },
    forceFlush,
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
    end(request, content) {
      if (ended) return;
      ended = true;
      const operation = operationOf(request.path);
      const attributes: Attributes = {
        'gen_ai.operation.name': operation,
        'http.request.method': request.method,
        'http.route': request.path,
        'http.response.status_code': request.status,
        'switchyard.trace_id': request.traceId,
        'switchyard.stream': request.stream,
      };
      // GenAI names the provider (`openai`); which configured entry answered is our own attribute.
      setIfDefined(attributes, 'gen_ai.provider.name', request.providerId ?? request.provider);
      setIfDefined(attributes, 'switchyard.provider', request.provider);
      setIfDefined(attributes, 'gen_ai.request.model', request.modelRequested);
      setIfDefined(attributes, 'gen_ai.response.model', request.modelAnswered);
      setIfDefined(attributes, 'gen_ai.usage.input_tokens', request.usage?.input);
      setIfDefined(attributes, 'gen_ai.usage.output_tokens', request.usage?.output);
      setIfDefined(attributes, 'gen_ai.usage.cache_read.input_tokens', request.usage?.cachedInput);
      setIfDefined(attributes, 'gen_ai.usage.cache_creation.input_tokens', request.usage?.cacheWrite);
      setIfDefined(attributes, 'gen_ai.usage.reasoning.output_tokens', request.usage?.reasoning);
      setIfDefined(attributes, 'switchyard.cost_usd', request.costUsd);
      setIfDefined(attributes, 'switchyard.overhead_ms', request.overheadMs);
      setIfDefined(attributes, 'error.type', request.errorKind);
      if (captureContent && content?.request !== undefined) attributes['gen_ai.input.messages'] = content.request;
      if (captureContent && content?.response !== undefined) attributes['gen_ai.output.messages'] = content.response;

      const spans: FinishedSpan[] = [];
      const attempts = request.attempts ?? [];
      const now = Date.now();
      calls.forEach((call, index) => {
        // An upstream call per attempt; the router's outcomes say how each one ended.
        const attempt = attempts[index];
        const callAttributes: Attributes = {
          'gen_ai.provider.name': call.info.provider,
          'http.request.method': call.info.method,
          'server.address': hostOf(call.info.url),
          'gen_ai.operation.name': operation,
          'switchyard.attempt_index': index,
        };
        setIfDefined(callAttributes, 'gen_ai.request.model', attempt?.model ?? request.modelRequested);
        setIfDefined(callAttributes, 'http.response.status_code', call.status ?? attempt?.status);
        setIfDefined(callAttributes, 'switchyard.retry', attempt?.retry);
        setIfDefined(callAttributes, 'switchyard.provider', attempt?.provider);
        const failed = attempt?.kind ?? (call.error !== undefined ? 'upstream_error' : undefined);
        setIfDefined(callAttributes, 'error.type', failed);
        const winner = !failed && index === calls.length - 1;
        if (winner) {
          setIfDefined(callAttributes, 'gen_ai.response.model', request.modelAnswered);
          setIfDefined(callAttributes, 'gen_ai.usage.input_tokens', request.usage?.input);
          setIfDefined(callAttributes, 'gen_ai.usage.output_tokens', request.usage?.output);
        }
        spans.push({
          traceId,
          spanId: call.spanId,
          parentSpanId: spanId,
          name: `${operation} ${attempt?.model ?? request.modelRequested ?? ''}`.trim(),
          kind: 'client',
          startTimeMs: call.startTime,
          // A span never ends before it started (the SDK clamped the same way).
          endTimeMs: Math.max(call.endTime ?? now, call.startTime),
          attributes: callAttributes,
          ...(failed ? { status: { code: 'error' as const, message: attempt?.message ?? failed } } : {}),
        });
      });
      spans.push({
        traceId,
        spanId,
        ...(parentSpanId ? { parentSpanId } : {}),
        name: `${operation} ${request.modelRequested ?? ''}`.trim(),
        kind: 'server',
        startTimeMs: startTime,
        endTimeMs: Math.max(request.startedAt + request.totalMs, startTime),
        attributes,
        ...(request.errorKind ? { status: { code: 'error' as const, message: request.errorMessage ?? request.errorKind } } : {}),
      });
      exportSpans(spans);
    },
  };
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
