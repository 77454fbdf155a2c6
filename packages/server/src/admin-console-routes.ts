import { InvalidRequestError } from '@switchyard/core';
import { checkAdminKey } from './admin-auth.js';
import type { GatewayRequest, GatewayResponse } from './gateway-types.js';

/**
 * What the gateway app gives the handler for the web console's admin API. Each is optional: a
 * route whose source is absent answers 404 like any unknown path.
 */
export interface AdminConsoleEndpoints {
  /** `GET /admin/stats?window=1h|24h|7d`: aggregated request figures; throws a TypeError naming a bad parameter. */
  stats?(query: string): Promise<unknown>;
  /** `GET /admin/usage`: each managed key's current use against its limits and budgets. */
  keyUsage?(): Promise<unknown>;
  /** `GET /admin/config`: the running config, secrets masked. */
  config?(): unknown;
  /** `POST /admin/config/validate`: the problems of a pasted config (YAML or JSON text), each at its path. */
  validateConfig?(text: string): unknown;
}

type Route = (request: GatewayRequest) => Promise<GatewayResponse>;

const json = (status: number, body: unknown): GatewayResponse => ({ status, headers: { 'content-type': 'application/json', 'cache-control': 'no-store' }, body: JSON.stringify(body) });

/** The console's admin routes, all behind the admin key. `providers` lists the catalog with health. */
export function adminConsoleRoutes(endpoints: AdminConsoleEndpoints | undefined, adminKeys: readonly string[], providers: () => unknown): [string, Route][] {
  const guarded =
    (route: (request: GatewayRequest) => Promise<unknown> | unknown): Route =>
    async (request) => {
      checkAdminKey(adminKeys, request.headers);
      return json(200, await route(request));
    };
  const routes: [string, Route][] = [['GET /admin/providers', guarded(() => providers())]];
  const { stats, keyUsage, config, validateConfig } = endpoints ?? {};
  if (stats) {
    routes.push([
      'GET /admin/stats',
      guarded(async (request) => {
        try {
          return await stats(request.query ?? '');
        } catch (error) {
          if (error instanceof TypeError) throw new InvalidRequestError(error.message, { code: 'invalid_stats_query' });
          throw error;
        }
      }),
    ]);
  }
  if (keyUsage) routes.push(['GET /admin/usage', guarded(() => keyUsage())]);
  if (config) routes.push(['GET /admin/config', guarded(() => config())]);
  if (validateConfig) {
    routes.push([
      'POST /admin/config/validate',
      guarded((request) => {
        const text = readConfigText(request);
        return validateConfig(text);
      }),
    ]);
  }
  return routes;
}

/** The pasted config: `{ "text": "..." }` as JSON, or the raw YAML/JSON text as the body. */
function readConfigText(request: GatewayRequest): string {
  const body = new TextDecoder().decode(request.body);
  if (!request.headers['content-type']?.includes('application/json')) return body;
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    throw new InvalidRequestError('The request body is not valid JSON.', { param: 'body' });
  }
  const text = (parsed as { text?: unknown } | null)?.text;
  if (typeof text !== 'string') throw new InvalidRequestError('text: expected the config as a string (YAML or JSON).', { param: 'text' });
  return text;
}
