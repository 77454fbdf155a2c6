import type { ChatRequest, ProviderCallContext } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import { encodeVertexAnthropicRequest } from './vertex-anthropic-chat.js';

function context(requestHeaders: Record<string, string> = {}, options: Record<string, unknown> = {}): ProviderCallContext {
  return { settings: { apiKey: 'ya29.token', options }, http: { request: async () => { throw new Error('unused'); } }, signal: new AbortController().signal, requestHeaders, warn: () => {} };
}

const request: ChatRequest = { model: 'claude-sonnet-4-5@20250929', stream: false, maxOutputTokens: 100, messages: [{ role: 'user', content: [{ type: 'text', text: 'hi' }] }] };

describe('encodeVertexAnthropicRequest', () => {
  it('sends the Messages body without model, with the Vertex anthropic_version', () => {
    const encoded = encodeVertexAnthropicRequest(request, context(), { publisher: 'anthropic', model: 'claude-sonnet-4-5@20250929' });
    expect(encoded).toEqual({
      body: { anthropic_version: 'vertex-2023-10-16', max_tokens: 100, messages: [{ role: 'user', content: [{ type: 'text', text: 'hi' }] }], stream: false },
      warnings: [],
    });
  });

  it('merges betas from the request and the header API, and never carries the API key', () => {
    const encoded = encodeVertexAnthropicRequest(request, context({ 'anthropic-beta': 'a-1', 'x-portkey-anthropic-beta': 'b-2' }), { publisher: 'anthropic', model: 'claude-sonnet-4-5' });
    expect(encoded.beta).toBe('a-1,b-2');
    expect(JSON.stringify(encoded)).not.toContain('ya29');
  });

  it('takes the model-dependent default max_tokens from the Vertex id, with its warning', () => {
    const encoded = encodeVertexAnthropicRequest({ ...request, maxOutputTokens: undefined }, context(), { publisher: 'anthropic', model: 'claude-opus-4-1@20250805' });
    expect(encoded.body.max_tokens).toBe(32000);
    expect(encoded.warnings).toEqual([expect.objectContaining({ type: 'default-applied', field: 'maxOutputTokens' })]);
  });
});
