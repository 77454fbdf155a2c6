import type { FileStore, HttpTimeouts, HttpTransport, ResponseStore, Warning } from '@switchyard/core';
import type { RunOptions } from '@switchyard/router';
import type { ChatInterceptor } from './chat-interceptor.js';
import type { RequestRecord } from './gateway-types.js';
import type { RoutingConfigs } from './read-routing-config.js';
import type { TargetResolution } from './resolve-target.js';

/** What a route needs besides the request: routing inputs, the network, and the log record it fills in. */
export interface RouteContext {
  resolution: TargetResolution;
  routing: { configs: RoutingConfigs; options: RunOptions };
  http: HttpTransport;
  timeouts: HttpTimeouts;
  record: RequestRecord;
  warnings: Warning[];
  traceId: string;
  /** Where Responses API state is kept; absent when the gateway was started without one. */
  responseStore?: ResponseStore;
  /** Where uploads and batch records are kept for providers with a batch API but no files API; absent when the gateway has none. */
  fileStore?: FileStore;
  /** Features around the provider call (cache, guardrails), asked per chat attempt whether they apply. */
  chatInterceptors?: readonly ChatInterceptor[];
}
