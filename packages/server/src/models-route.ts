import type { GatewayResponse } from './gateway-types.js';
import type { RouteContext } from './route-context.js';

/**
 * `GET /v1/models`: the catalog in OpenAI's list shape — each entry's configured models (with
 * the operator's metadata: context window, prices) and its adapter's well-known ones, as
 * `@slug/model` — plus the operator's aliases.
 */
export function listModels(context: RouteContext): GatewayResponse {
  const data: Array<Record<string, unknown>> = [];
  for (const entry of context.resolution.catalog.listEntries()) {
    const configured = entry.models ?? {};
    const ids = new Set([...Object.keys(configured), ...(entry.adapter.models ?? [])]);
    for (const model of ids) {
      const metadata = configured[model];
      data.push({
        id: `@${entry.slug}/${model}`,
        object: 'model',
        created: 0,
        owned_by: entry.adapter.id,
        provider: entry.slug,
        ...(metadata?.contextWindow !== undefined && { context_window: metadata.contextWindow }),
        ...(metadata?.maxOutputTokens !== undefined && { max_output_tokens: metadata.maxOutputTokens }),
        ...(metadata?.prices && { pricing: { unit: 'USD per million tokens', ...metadata.prices } }),
      });
    }
  }
  for (const [alias, target] of Object.entries(context.resolution.modelAliases ?? {})) {
    data.push({ id: alias, object: 'model', created: 0, owned_by: 'alias', alias_of: target });
  }
  return { status: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ object: 'list', data }) };
}
