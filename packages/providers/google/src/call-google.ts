import type { HttpResponse, ProviderCallContext } from '@switchyard/core';
import { googleHeaders } from './google-headers.js';
import { googleGenerateContentURL } from './google-url.js';

/** POST the body to generateContent / streamGenerateContent; error statuses are returned, not thrown. */
export function callGoogle(context: ProviderCallContext, model: string, body: string, stream: boolean): Promise<HttpResponse> {
  return context.http.request({
    provider: 'google',
    url: googleGenerateContentURL(context.settings, model, stream),
    method: 'POST',
    headers: googleHeaders(context, stream),
    body,
    signal: context.signal,
    timeouts: context.timeouts,
  });
}
