import type { HttpResponse, ProviderCallContext } from '@switchyard/core';
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
