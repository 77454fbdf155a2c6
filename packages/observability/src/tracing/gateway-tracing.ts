import { type Attributes, type Context, ROOT_CONTEXT, type Span, SpanKind, SpanStatusCode, type Tracer, trace } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BasicTracerProvider, BatchSpanProcessor, ParentBasedSampler, SimpleSpanProcessor, type SpanExporter, TraceIdRatioBasedSampler } from '@opentelemetry/sdk-trace-base';
import type { ObservedRequest } from '../observed-request.js';

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
  /** Instead of OTLP (tests pass an InMemorySpanExporter); spans are then exported one by one. */
  exporter?: SpanExporter;
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

const propagator = new W3CTraceContextPropagator();
const headerGetter = {
  get: (carrier: Readonly<Record<string, string>>, key: string) => carrier[key],
  keys: (carrier: Readonly<Record<string, string>>) => Object.keys(carrier),
};

export function createGatewayTracing(options: GatewayTracingOptions): GatewayTracing {
  const exporter = options.exporter ?? new OTLPTraceExporter({ url: tracesUrl(options.otlpEndpoint ?? 'http://localhost:4318'), headers: options.headers ?? {} });
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({ 'service.name': options.serviceName ?? 'switchyard' }),
    ...(options.sampleRatio === undefined || options.sampleRatio >= 1 ? {} : { sampler: new ParentBasedSampler({ root: new TraceIdRatioBasedSampler(options.sampleRatio) }) }),
    spanProcessors: [options.exporter ? new SimpleSpanProcessor(exporter) : new BatchSpanProcessor(exporter)],
  });
  const tracer = provider.getTracer('@switchyard/observability');
  return {
    begin: (headers, startTime) => beginRequest(tracer, headers, startTime, options.captureContent ?? false),
    shutdown: () => provider.shutdown(),
    forceFlush: () => provider.forceFlush(),
  };
}

interface OpenCall {
  span: Span;
  startTime: number;
  endTime?: number;
  status?: number;
  error?: unknown;
}

function beginRequest(tracer: Tracer, headers: Readonly<Record<string, string>>, startTime: number, captureContent: boolean): RequestTrace {
  const parent = headers.traceparent ? propagator.extract(ROOT_CONTEXT, headers, headerGetter) : ROOT_CONTEXT;
  const span = tracer.startSpan('gateway request', { kind: SpanKind.SERVER, startTime }, parent);
  const requestContext: Context = trace.setSpan(parent, span);
  const calls: OpenCall[] = [];
  return {
    upstreamCall(call) {
      const callSpan = tracer.startSpan('chat', { kind: SpanKind.CLIENT, attributes: { 'gen_ai.provider.name': call.provider, 'http.request.method': call.method, 'server.address': hostOf(call.url) } }, requestContext);
      const open: OpenCall = { span: callSpan, startTime: Date.now() };
      calls.push(open);
      // W3C traceparent written directly: the propagator API costs a context per call for the same four fields.
      const context = callSpan.spanContext();
      const headers: Record<string, string> = { traceparent: `00-${context.traceId}-${context.spanId}-0${(context.traceFlags & 1).toString()}` };
      return {
        headers,
        // Kept open until the request ends, so the attempt's GenAI attributes (known only then) can be set.
        end(outcome) {
          open.endTime ??= Date.now();
          if (outcome.status !== undefined) open.status = outcome.status;
          if (outcome.error !== undefined) open.error = outcome.error;
        },
      };
    },
    end(request, content) {
      if (!span.isRecording()) {
        // Not sampled: nothing to describe, nothing exported.
        for (const call of calls) call.span.end();
        span.end();
        return;
      }
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
      span.updateName(`${operation} ${request.modelRequested ?? ''}`.trim());
      span.setAttributes(attributes);
      if (request.errorKind) span.setStatus({ code: SpanStatusCode.ERROR, message: request.errorMessage ?? request.errorKind });

      const attempts = request.attempts ?? [];
      const now = Date.now();
      calls.forEach((call, index) => {
        // An upstream call per attempt; the router's outcomes say how each one ended.
        const attempt = attempts[index];
        const callAttributes: Attributes = { 'gen_ai.operation.name': operation, 'switchyard.attempt_index': index };
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
        call.span.updateName(`${operation} ${attempt?.model ?? request.modelRequested ?? ''}`.trim());
        call.span.setAttributes(callAttributes);
        if (failed) call.span.setStatus({ code: SpanStatusCode.ERROR, message: attempt?.message ?? failed });
        call.span.end(call.endTime ?? now);
      });
      span.end(request.startedAt + request.totalMs);
    },
  };
}

function operationOf(path: string): string {
  if (path.endsWith('/embeddings')) return 'embeddings';
  if (path.endsWith('/responses') || path.endsWith('/messages') || path.endsWith('/chat/completions')) return 'chat';
  if (path.includes('/images/')) return 'generate_content';
  return path.replace(/^\/v1\//, '');
}

function setIfDefined(attributes: Attributes, key: string, value: string | number | boolean | undefined): void {
  if (value !== undefined) attributes[key] = value;
}

// `http://host:port/path` → `host:port`, without a URL object per upstream call.
function hostOf(url: string): string {
  const start = url.indexOf('//');
  if (start === -1) return '';
  const end = url.indexOf('/', start + 2);
  return url.slice(start + 2, end === -1 ? undefined : end);
}

function tracesUrl(endpoint: string): string {
  const trimmed = endpoint.replace(/\/+$/, '');
  return trimmed.endsWith('/v1/traces') ? trimmed : `${trimmed}/v1/traces`;
}
