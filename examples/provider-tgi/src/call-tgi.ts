import type { HttpResponse, ProviderCallContext } from '@switchyard/core';

/** Where `text-generation-launcher` and the Docker image's usual `-p 8080:80` listen. */
export const tgiDefaultBaseURL = 'http://127.0.0.1:8080';

/** One POST to a TGI route (`/generate`, `/generate_stream`); error statuses are returned, not thrown. */
export function callTgi(context: ProviderCallContext, path: string, body: unknown, accept: string): Promise<HttpResponse> {
  const { settings } = context;
  return context.http.request({
    provider: 'tgi',
    url: `${(settings.baseURL ?? tgiDefaultBaseURL).replace(/\/+$/, '')}${path}`,
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept,
      // Inference Endpoints and other hosted TGIs take a bearer token; a local server needs none.
      ...(settings.apiKey && { authorization: `Bearer ${settings.apiKey}` }),
      ...settings.headers,
    },
    body: JSON.stringify(body),
    signal: context.signal,
    timeouts: context.timeouts,
  });
}
