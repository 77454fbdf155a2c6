import type { HttpTimeouts, HttpTransport, Warning } from '@switchyard/core';
import type { RequestRecord } from './gateway-types.js';
import type { TargetResolution } from './resolve-target.js';

/** What a route needs besides the request: routing inputs, the network, and the log record it fills in. */
export interface RouteContext {
  resolution: TargetResolution;
  http: HttpTransport;
  timeouts: HttpTimeouts;
  record: RequestRecord;
  warnings: Warning[];
  traceId: string;
}
