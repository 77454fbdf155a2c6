import { InvalidRequestError, type ProviderSettings } from '@switchyard/core';
import type { BedrockAuth } from './resolve-bedrock-auth.js';
import { uriEncode } from './sign-aws-request.js';

/**
 * `https://bedrock-runtime.{region}.amazonaws.com` (`.amazonaws.com.cn` in the China regions). A
 * `settings.baseURL` (Portkey's custom_host) replaces the host; the endpoint path is appended.
 */
export function bedrockBaseURL(settings: ProviderSettings, auth: BedrockAuth): string {
  if (settings.baseURL) return settings.baseURL.replace(/\/+$/, '');
  if (!auth.region) {
    throw new InvalidRequestError('Bedrock needs an AWS region: set options.region for this provider or send x-switchyard-aws-region.', {
      param: 'x-switchyard-aws-region',
      provider: 'bedrock',
    });
  }
  const domain = auth.region.startsWith('cn-') ? 'amazonaws.com.cn' : 'amazonaws.com';
  return `https://bedrock-runtime.${auth.region}.${domain}`;
}

/**
 * `/model/{modelId}/converse` or `/converse-stream`. The model id is one path segment, encoded in
 * full: `:` of versioned ids becomes `%3A` and `/` of inference-profile ARNs `%2F`, as the AWS SDKs send them.
 */
export function bedrockConverseURL(baseURL: string, modelId: string, stream: boolean): string {
  return `${baseURL}/model/${uriEncode(modelId)}/${stream ? 'converse-stream' : 'converse'}`;
}

/** `/model/{modelId}/invoke` (InvokeModel), the id encoded as for Converse. */
export function bedrockInvokeURL(baseURL: string, modelId: string): string {
  return `${baseURL}/model/${uriEncode(modelId)}/invoke`;
}
