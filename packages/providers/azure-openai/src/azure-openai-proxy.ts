import type { EndpointId, PassthroughResponse, ProviderCallContext, ProxyRequest } from '@switchyard/core';
import { azureOpenAIAuthHeaders } from './azure-openai-headers.js';
import { readAzureOpenAIApiVersion, readAzureOpenAIBaseURL, readAzureOpenAIRequestSettings } from './azure-openai-request-settings.js';

/** Endpoints Azure serves on a deployment (`/deployments/{deployment}/…`); the rest live on the resource. */
const deploymentEndpoints = new Set<EndpointId>([
  'embeddings',
  'images.generations',
  'images.edits',
  'images.variations',
  'audio.speech',
  'audio.transcriptions',
  'audio.translations',
  'completions',
]);

/**
 * An OpenAI API call on Azure's URL scheme. Dated API versions: model-bound endpoints go to
 * `{base}/deployments/{deployment}{path}?api-version=…` (the deployment from the header, the
 * instance's `deploymentId`, else the body's model), the others (files, batches, fine-tuning,
 * unknown paths) to `{base}{path}?api-version=…`. The v1 API (`apiVersion: 'v1'` or `'preview'`):
 * `{base}/v1{path}`, the model staying in the body. The client's query is kept.
 * https://learn.microsoft.com/azure/ai-foundry/openai/reference
 */
export async function proxyAzureOpenAI(request: ProxyRequest, context: ProviderCallContext): Promise<PassthroughResponse> {
  const { apiVersion, v1 } = readAzureOpenAIApiVersion(context);
  let prefix: string;
  if (v1) prefix = `${readAzureOpenAIBaseURL(context)}/v1`;
  else if (request.endpoint && deploymentEndpoints.has(request.endpoint)) {
    const target = readAzureOpenAIRequestSettings(context, request.model ?? '');
    prefix = `${target.baseURL}/deployments/${encodeURIComponent(target.deployment)}`;
  } else prefix = readAzureOpenAIBaseURL(context);
  const query = new URLSearchParams(request.query ?? '');
  if (!v1 || apiVersion === 'preview') query.set('api-version', apiVersion);
  const search = query.toString();
  const response = await context.http.request({
    provider: 'azure-openai',
    url: `${prefix}${request.path}${search ? `?${search}` : ''}`,
    method: request.method,
    headers: { ...request.headers, ...azureOpenAIAuthHeaders(context) },
    body: request.body,
    signal: context.signal,
    timeouts: context.timeouts,
  });
  return { status: response.status, headers: response.headers, body: response.body, dispose: () => response.dispose() };
}
