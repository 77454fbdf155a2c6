import type { PassthroughRequest } from '@switchyard/core';
import type { AzureOpenAIRequestSettings } from './azure-openai-request-settings.js';

/**
 * The bytes to forward for a Chat Completions client. On a deployment URL Azure ignores `model`,
 * so the client's bytes go as they are. On the v1 API `model` names the deployment: when the
 * deployment was set apart from the model (header or options), the body is re-serialised with it.
 */
export function rewriteAzurePassthroughBody(request: PassthroughRequest, target: AzureOpenAIRequestSettings): string | Uint8Array {
  if (!target.v1 || target.deployment === request.model) return request.body;
  const text = typeof request.body === 'string' ? request.body : new TextDecoder().decode(request.body);
  const body = JSON.parse(text) as Record<string, unknown>;
  return JSON.stringify({ ...body, model: target.deployment });
}
