import { type HttpResponse, type ProviderCallContext, UpstreamError } from '@switchyard/core';
import { readVertexUpstreamError } from './map-vertex-error.js';
import type { VertexModel } from './resolve-vertex-model.js';
import type { VertexSettings } from './resolve-vertex-settings.js';
import type { TokenCache } from './token-cache.js';
import { vertexAccessToken } from './vertex-access-token.js';
import { vertexHeaders } from './vertex-headers.js';
import { vertexModelMethodURL, vertexModelURL } from './vertex-url.js';

export interface VertexCallTarget {
  vertex: VertexSettings;
  model: VertexModel;
}

/** Posts one encoded body to the model's endpoint; resolves only on a 2xx answer. */
export type SendToVertex = (body: string, stream: boolean, extraHeaders?: Record<string, string>) => Promise<HttpResponse>;

/**
 * The sender for one call (to `method` when given, else the model's chat method): gets the bearer token (cached per service account), POSTs to the
 * model's URL, and turns an error answer into an UpstreamError. A 401 means the token was
 * refused (revoked before it expired), so the cached one is forgotten and the next call
 * exchanges anew.
 */
export function vertexSender(context: ProviderCallContext, target: VertexCallTarget, tokens: TokenCache, now: () => number, method?: string): SendToVertex {
  return async (body, stream, extraHeaders) => {
    const access = await vertexAccessToken(context, target.vertex.credentials, tokens, now);
    const response = await context.http.request({
      provider: 'vertex-ai',
      url: method ? vertexModelMethodURL(context.settings, target.vertex, target.model, method) : vertexModelURL(context.settings, target.vertex, target.model, stream),
      method: 'POST',
      headers: { ...vertexHeaders(context, access.token, stream), ...extraHeaders },
      body,
      signal: context.signal,
      timeouts: context.timeouts,
    });
    if (response.status < 300) return response;
    if (response.status === 401 && access.cacheKey !== undefined) tokens.delete(access.cacheKey);
    throw await readVertexUpstreamError(response);
  };
}

/** A 2xx body that is not JSON (a proxy's page) is the upstream's fault, not the gateway's. */
export async function readVertexJson(response: HttpResponse): Promise<unknown> {
  const text = await response.text();
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new UpstreamError('Vertex AI answered with a body that is not JSON.', {
      provider: 'vertex-ai',
      status: response.status,
      headers: response.headers,
      body: text.slice(0, 1000),
      kind: 'upstream',
      retryable: false,
      cause: error,
    });
  }
}
