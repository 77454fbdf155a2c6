import { describe, expect, it } from 'vitest';
import type { AzureOpenAIRequestSettings } from './azure-openai-request-settings.js';
import { rewriteAzurePassthroughBody } from './rewrite-azure-passthrough-body.js';

const target = (v1: boolean, deployment: string): AzureOpenAIRequestSettings => ({ baseURL: 'b', deployment, apiVersion: v1 ? 'v1' : '2024-10-21', v1, chatCompletionsURL: 'u' });

describe('rewriteAzurePassthroughBody', () => {
  const bytes = new TextEncoder().encode('{"model":"gpt-4o","messages":[]}');

  it('forwards the bytes on a deployment URL, and on v1 when the model is the deployment', () => {
    expect(rewriteAzurePassthroughBody({ format: 'openai-chat', body: bytes, model: 'gpt-4o', stream: false }, target(false, 'prod'))).toBe(bytes);
    expect(rewriteAzurePassthroughBody({ format: 'openai-chat', body: bytes, model: 'gpt-4o', stream: false }, target(true, 'gpt-4o'))).toBe(bytes);
  });

  it('names the deployment in model on v1 when it was set apart', () => {
    expect(JSON.parse(rewriteAzurePassthroughBody({ format: 'openai-chat', body: bytes, model: 'gpt-4o', stream: false }, target(true, 'prod')) as string)).toEqual({ model: 'prod', messages: [] });
  });
});
