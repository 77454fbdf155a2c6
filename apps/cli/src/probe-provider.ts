import { errorReason } from './error-reason.js';
import type { ProviderAdapter } from '@switchyard/core';

export interface ProbeResult {
  ok: boolean;
  /** What happened, for a person: "reachable, key accepted (HTTP 200, 312 ms)". */
  summary: string;
  /** What to do about it, when not ok. */
  fix?: string;
}

interface EntryLike {
  slug: string;
  adapter: ProviderAdapter;
  settings: { apiKey?: string; baseURL?: string; headers?: Record<string, string> };
}

/**
 * A cheap authenticated call — the provider's model list — that proves both the network path
 * and the key. Each wire family names its key its own way; adapters with signed requests
 * (Bedrock, Vertex, Azure) only get a reachability check of their base URL.
 */
export async function probeProvider(entry: EntryLike, timeoutMs: number): Promise<ProbeResult> {
  const base = (entry.settings.baseURL ?? entry.adapter.defaultBaseURL ?? '').replace(/\/+$/, '');
  if (!base) return { ok: true, summary: 'no base URL to probe (configured per request)' };
  const key = entry.settings.apiKey ?? '';
  const headers: Record<string, string> = { ...entry.settings.headers };
  let url = `${base}/models`;
  let checksKey = !!key;
  if (entry.adapter.nativeFormat === 'anthropic-messages') Object.assign(headers, { 'x-api-key': key, 'anthropic-version': '2023-06-01' });
  else if (entry.adapter.id === 'google') url = `${base}/v1beta/models?pageSize=1`, (headers['x-goog-api-key'] = key);
  else if (entry.adapter.id === 'ollama') url = `${base}/api/tags`, key && (headers.authorization = `Bearer ${key}`);
  else if (['bedrock', 'vertex-ai', 'azure-openai'].includes(entry.adapter.id)) (url = base), (checksKey = false);
  else if (key) headers.authorization = `Bearer ${key}`;
  const started = performance.now();
  try {
    const response = await fetch(url, { headers, signal: AbortSignal.timeout(timeoutMs) });
    await response.body?.cancel();
    const took = `HTTP ${response.status}, ${Math.round(performance.now() - started)} ms`;
    if (response.status === 401 || response.status === 403) {
      if (!checksKey) return { ok: true, summary: `reachable (${took}; requests are signed, the key is checked on first use)` };
      return { ok: false, summary: `key rejected (${took})`, fix: `check ${entry.adapter.environment?.apiKey ?? `providers.${entry.slug}.apiKey`}: the provider refused it` };
    }
    if (!checksKey || response.ok) return { ok: true, summary: `reachable${checksKey ? ', key accepted' : ''} (${took})` };
    return { ok: true, summary: `reachable, but the model list answered ${took}` };
  } catch (error) {
    const reason = (error as Error).name === 'TimeoutError' ? `no answer within ${timeoutMs} ms` : errorReason(error);
    return { ok: false, summary: `unreachable: ${reason}`, fix: `check the network path to ${new URL(url).origin}${entry.settings.baseURL ? ` (baseURL of ${entry.slug})` : ''}` };
  }
}
