import { InvalidRequestError } from '@switchyard/core';
import { checkAdminKey } from './admin-auth.js';
import type { GatewayRequest, GatewayResponse } from './gateway-types.js';

/** What the gateway app gives the handler to serve `/metrics` and `/admin/logs`. */
export interface ObservabilityEndpoints {
  /** Prometheus text; `protect` puts `GET /metrics` behind the admin key. */
  metrics?: { render(): string; contentType: string; protect?: boolean };
  /** A page of the request log for a query string; throws a TypeError naming a bad filter. */
  queryLogs?(query: string): Promise<unknown>;
}

type Route = (request: GatewayRequest) => Promise<GatewayResponse>;

/** `GET /metrics` and `GET /admin/logs`, when the gateway has metrics and a log store. */
export function observabilityRoutes(endpoints: ObservabilityEndpoints | undefined, adminKeys: readonly string[]): [string, Route][] {
  const routes: [string, Route][] = [];
  const metrics = endpoints?.metrics;
  if (metrics) {
    routes.push([
      'GET /metrics',
      async (request) => {
        if (metrics.protect) checkAdminKey(adminKeys, request.headers);
        return { status: 200, headers: { 'content-type': metrics.contentType, 'cache-control': 'no-store' }, body: metrics.render() };
      },
    ]);
  }
  const queryLogs = endpoints?.queryLogs;
  if (queryLogs) {
    routes.push([
      'GET /admin/logs',
      async (request) => {
        checkAdminKey(adminKeys, request.headers);
        let page: unknown;
        try {
          page = await queryLogs(request.query ?? '');
        } catch (error) {
          if (error instanceof TypeError) throw new InvalidRequestError(error.message, { code: 'invalid_log_query' });
          throw error;
        }
        return { status: 200, headers: { 'content-type': 'application/json', 'cache-control': 'no-store' }, body: JSON.stringify(page) };
      },
    ]);
  }
  return routes;
}
