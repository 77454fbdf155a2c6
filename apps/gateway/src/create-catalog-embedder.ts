import { type HttpClient, InvalidRequestError, type ProviderCallContext } from '@switchyard/core';
import { type ProviderCatalog, parseModelString } from '@switchyard/router';

/**
 * Embeds texts with a catalog entry's model (`@openai/text-embedding-3-small`): through the
 * adapter's translated embeddings operation when it has one, else as an OpenAI-shaped
 * `POST /embeddings` through its proxy. Used by the semantic cache.
 */
export function createCatalogEmbedder(catalog: ProviderCatalog, http: HttpClient, modelString: string, timeoutMs = 30_000) {
  const { providerSlug, model } = parseModelString(modelString);
  if (!providerSlug) throw new InvalidRequestError(`cache.semantic.embeddingModel must be "@provider/model", got "${modelString}".`, { param: 'cache.semantic.embeddingModel' });
  const entry = catalog.resolve(providerSlug);
  const adapter = entry.adapter;
  if (!adapter.embeddings && !adapter.proxy) {
    throw new InvalidRequestError(`Provider "${providerSlug}" cannot embed texts, so it cannot serve cache.semantic.embeddingModel.`, { param: 'cache.semantic.embeddingModel' });
  }
  return async (texts: string[]): Promise<number[][]> => {
    const context: ProviderCallContext = { settings: entry.settings, http, signal: AbortSignal.timeout(timeoutMs), requestHeaders: {}, warn: () => {} };
    if (adapter.embeddings) return (await adapter.embeddings.create({ model, input: texts, extra: {} }, context)).embeddings;
    const response = await adapter.proxy!(
      { method: 'POST', path: '/embeddings', headers: { 'content-type': 'application/json' }, body: new TextEncoder().encode(JSON.stringify({ model, input: texts })), model, endpoint: 'embeddings' },
      context,
    );
    let text = '';
    const decoder = new TextDecoder();
    for await (const chunk of response.body) text += decoder.decode(chunk, { stream: true });
    if (response.status !== 200) throw new Error(`Embeddings call to ${modelString} failed with status ${response.status}: ${text.slice(0, 300)}`);
    const body = JSON.parse(text) as { data?: Array<{ index?: number; embedding?: unknown }> };
    const data = [...(body.data ?? [])].sort((a, b) => (a.index ?? 0) - (b.index ?? 0));
    return data.map((item) => {
      if (!Array.isArray(item.embedding)) throw new Error(`Embeddings call to ${modelString} returned no float vector`);
      return item.embedding as number[];
    });
  };
}
