import type { GatewayResponse } from './gateway-types.js';
import type { RouteContext } from './route-context.js';

/** `GET /v1/models`: every catalog entry's well-known models as `@slug/model`, in OpenAI's list shape. */
export function listModels(context: RouteContext): GatewayResponse {
  const data = context.resolution.catalog.listEntries().flatMap((entry) =>
    (entry.adapter.models ?? []).map((model) => ({
      id: `@${entry.slug}/${model}`,
      object: 'model',
      created: 0,
      owned_by: entry.adapter.id,
    })),
  );
  return { status: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ object: 'list', data }) };
}
