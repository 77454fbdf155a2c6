import type { HttpResponse, ProviderCallContext } from '@switchyard/core';
import { googleHeaders } from './google-headers.js';
import { googleModelMethodURL } from './google-url.js';
import { readGoogleUpstreamError } from './map-google-error.js';

/** POST a body to `models/{model}:{method}`; resolves only on a 2xx answer, else throws the mapped error. */
export async function postGoogleModelMethod(context: ProviderCallContext, model: string, method: string, body: string): Promise<HttpResponse> {
  const response = await context.http.request({
    provider: 'google',
    url: googleModelMethodURL(context.settings, model, method),
    method: 'POST',
    headers: googleHeaders(context, false),
    body,
    signal: context.signal,
    timeouts: context.timeouts,
  });
  if (response.status >= 300) throw await readGoogleUpstreamError(response, 'google');
  return response;
}
