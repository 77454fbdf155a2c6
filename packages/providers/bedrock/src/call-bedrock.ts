import type { HttpResponse, ProviderCallContext } from '@switchyard/core';
import { bedrockBaseURL, bedrockConverseURL, bedrockInvokeURL } from './bedrock-url.js';
import { resolveBedrockAuth } from './resolve-bedrock-auth.js';
import { signAwsRequest } from './sign-aws-request.js';

/**
 * POST /model/{id}/converse (or /converse-stream), signed with SigV4 for service `bedrock` or
 * carrying a Bedrock API key as a bearer token. Error statuses are returned, not thrown.
 */
export function callBedrock(context: ProviderCallContext, model: string, body: string, stream: boolean): Promise<HttpResponse> {
  return postToBedrock(context, (base) => bedrockConverseURL(base, model, stream), body, stream ? 'application/vnd.amazon.eventstream' : 'application/json');
}

/** POST /model/{id}/invoke (InvokeModel: the model's own body, for embeddings and image models), authorised as above. */
export function callBedrockInvoke(context: ProviderCallContext, model: string, body: string): Promise<HttpResponse> {
  return postToBedrock(context, (base) => bedrockInvokeURL(base, model), body, 'application/json');
}

function postToBedrock(context: ProviderCallContext, urlFor: (base: string) => string, body: string, accept: string): Promise<HttpResponse> {
  const auth = resolveBedrockAuth(context);
  const url = urlFor(bedrockBaseURL(context.settings, auth));
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    accept,
    ...context.settings.headers,
  };
  if (auth.type === 'bearer') headers.authorization = `Bearer ${auth.token}`;
  else Object.assign(headers, signAwsRequest({ method: 'POST', url, body, credentials: auth.credentials, region: auth.region, service: 'bedrock' }));
  return context.http.request({
    provider: 'bedrock',
    url,
    method: 'POST',
    headers,
    body,
    signal: context.signal,
    timeouts: context.timeouts,
  });
}
