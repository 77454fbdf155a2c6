import { errorReason } from './error-reason.js';
import { buildCatalog, bundledAdapters, type GatewayConfig } from '@switchyard/gateway';
import { CliError, type CliIo } from './cli-io.js';
import { gatewayBaseURL } from './gateway-url.js';

/** One model as GET /v1/models lists it. */
export interface ModelRow {
  id: string;
  owned_by: string;
  provider?: string;
  context_window?: number;
  pricing?: { input?: number; output?: number };
  alias_of?: string;
}

/** The models the local catalog (config + environment) offers, in the gateway's GET /v1/models shape. */
export function listLocalModels(config: GatewayConfig, env: NodeJS.ProcessEnv): ModelRow[] {
  const rows: ModelRow[] = [];
  for (const entry of buildCatalog(bundledAdapters(), config, env).listEntries()) {
    const configured = entry.models ?? {};
    for (const model of new Set([...Object.keys(configured), ...(entry.adapter.models ?? [])])) {
      const metadata = configured[model];
      rows.push({
        id: `@${entry.slug}/${model}`,
        owned_by: entry.adapter.id,
        provider: entry.slug,
        ...(metadata?.contextWindow !== undefined && { context_window: metadata.contextWindow }),
        ...(metadata?.prices && { pricing: metadata.prices }),
      });
    }
  }
  for (const [alias, target] of Object.entries(config.aliases)) rows.push({ id: alias, owned_by: 'alias', alias_of: target });
  return rows;
}

/** GET /v1/models of a running gateway. */
export async function listRemoteModels(io: CliIo, url: string, apiKey: string | undefined): Promise<ModelRow[]> {
  const base = gatewayBaseURL(url);
  let response: Response;
  try {
    response = await fetch(`${base}/models`, { headers: { authorization: `Bearer ${apiKey ?? io.env.SWITCHYARD_API_KEY ?? 'switchyard'}` }, signal: AbortSignal.timeout(10_000) });
  } catch (error) {
    throw new CliError(`Cannot reach the gateway at ${base}: ${errorReason(error)}`);
  }
  if (!response.ok) throw new CliError(`GET ${base}/models answered ${response.status}: ${(await response.text()).slice(0, 300)}`);
  return ((await response.json()) as { data: ModelRow[] }).data;
}
