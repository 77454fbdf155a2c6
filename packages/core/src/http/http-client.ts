import { Readable } from 'node:stream';
import type { Dispatcher } from 'undici';
import { Agent, requestThrough } from './undici-parts.js';
import type { HttpRequest, HttpResponse, HttpTimeouts, HttpTransport } from './http-types.js';
import { type ConnectGuard, guardedLookup } from './guarded-lookup.js';
import { UpstreamError } from '../errors/upstream-error.js';
import { mapUndiciError, type UpstreamCall } from './map-undici-error.js';
import { wrapUndiciResponse } from './wrap-undici-response.js';

export interface HttpClientOptions {
  /** Most open connections per origin; unlimited when absent. */
  connections?: number;
  /** How long an idle keep-alive connection is kept for reuse (undici's default, 4 s, when absent). */
  keepAliveTimeoutMs?: number;
  /** Deadlines for calls that set none of their own, field by field. */
  defaultTimeouts?: HttpTimeouts;
  /**
   * Checked against every address a host name resolves to before connecting (SSRF guard: an
   * allowed name must not lead to a metadata or private address). Absent: no check.
   */
  mayConnect?: ConnectGuard;
}

/**
 * The one HTTP client of the gateway: pooled keep-alive connections per origin over undici, the
 * caller's abort signal, three deadlines, and errors as gateway error kinds. HTTP error statuses
 * are answers, not failures: they are returned, and `readUpstreamError` turns them into errors.
 *
 * undici checks the headers and body deadlines on a coarse clock (about half a second), so a
 * deadline fires up to a second late; they guard against stalls, not for precise budgets.
 */
export class HttpClient implements HttpTransport {
  // One Agent per origin and connect deadline: undici takes the connect timeout per dispatcher,
  // while the headers and body deadlines are set per request.
  private readonly agents = new Map<string, Agent>();
  private readonly options: HttpClientOptions;
  private closed = false;

  constructor(options: HttpClientOptions = {}) {
    this.options = options;
  }

  async request(request: HttpRequest): Promise<HttpResponse> {
    if (this.closed) throw new Error('The HttpClient is closed.');
    const url = new URL(request.url);
    const defaults = this.options.defaultTimeouts;
    const call: UpstreamCall = {
      provider: request.provider,
      origin: url.origin,
      connectMs: request.timeouts?.connectMs ?? defaults?.connectMs ?? 0,
      headersMs: request.timeouts?.headersMs ?? defaults?.headersMs ?? 0,
      bodyIdleMs: request.timeouts?.bodyIdleMs ?? defaults?.bodyIdleMs ?? 0,
      signal: request.signal,
    };
    try {
      const response = await requestThrough(this.agentFor(call.origin, call.connectMs), url, {
        method: (request.method ?? 'GET') as Dispatcher.HttpMethod,
        headers: request.headers,
        // undici streams a Readable; an async iterable body becomes one so uploads are never held whole.
        body: isStreamedBody(request.body) ? Readable.from(request.body, { objectMode: false }) : request.body,
        signal: request.signal,
        // 0 switches a deadline off, where undici would otherwise apply its own 300 s default.
        headersTimeout: call.headersMs,
        bodyTimeout: call.bodyIdleMs,
      });
      if (isRedirect(response.statusCode)) {
        // Never followed, never passed on: a client SDK would follow it, and the target may be a
        // metadata or private address the gateway must not be made to reach.
        response.body.dump().catch(() => {});
        throw new UpstreamError(
          `${call.provider} at ${call.origin} answered with a redirect (HTTP ${response.statusCode}); the gateway does not follow redirects.`,
          { provider: call.provider, retryable: false, code: 'upstream_redirect' },
        );
      }
      return wrapUndiciResponse(response, call);
    } catch (error) {
      if (UpstreamError.isInstance(error)) throw error;
      throw mapUndiciError(error, call, 'request');
    }
  }

  /** Closes every pooled connection once its requests are done; later requests are refused. */
  async close(): Promise<void> {
    this.closed = true;
    const agents = [...this.agents.values()];
    this.agents.clear();
    await Promise.all(agents.map((agent) => agent.close()));
  }

  private agentFor(origin: string, connectMs: number): Agent {
    const key = `${origin} ${connectMs}`;
    let agent = this.agents.get(key);
    if (agent === undefined) {
      agent = new Agent({
        connections: this.options.connections,
        keepAliveTimeout: this.options.keepAliveTimeoutMs,
        // 0 turns undici's 10 s connect deadline off, as "no deadline" means in HttpTimeouts.
        connect: { timeout: connectMs, ...(this.options.mayConnect ? { lookup: guardedLookup(this.options.mayConnect) } : {}) },
      });
      this.agents.set(key, agent);
    }
    return agent;
  }
}

// 304 is an answer to the client's own conditional request, not a redirect.
function isRedirect(status: number): boolean {
  return status >= 300 && status < 400 && status !== 304;
}

function isStreamedBody(body: HttpRequest['body']): body is AsyncIterable<Uint8Array> {
  return typeof body === 'object' && body !== null && !(body instanceof Uint8Array) && Symbol.asyncIterator in body;
}
