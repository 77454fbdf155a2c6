import type { HttpTimeouts, HttpTransport, ResponseStore, Warning } from '@switchyard/core';
import type { RunOptions } from '@switchyard/router';
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
}
