import { HttpClient, type PassthroughResponse, type ProviderCallContext } from '@switchyard/core';
import { type AnthropicMock, startAnthropicMock } from '@switchyard/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countAnthropicTokens } from './count-anthropic-tokens.js';

const http = new HttpClient();
let mock: AnthropicMock;

beforeAll(async () => {
  mock = await startAnthropicMock({ apiKey: 'sk-ant-count' });
});
afterAll(async () => {
  await mock.close();
  await http.close();
});

function context(requestHeaders: Record<string, string> = {}): ProviderCallContext {
  return { settings: { apiKey: 'sk-ant-count', baseURL: mock.baseURL }, http, signal: new AbortController().signal, requestHeaders, warn: () => {} };
}

async function read(response: PassthroughResponse): Promise<unknown> {
  let text = '';
  for await (const chunk of response.body) text += new TextDecoder().decode(chunk);
  return JSON.parse(text);
}

describe('countAnthropicTokens', () => {
  it('posts the body as it is to /v1/messages/count_tokens with the key, version and betas', async () => {
    const body = JSON.stringify({ model: 'claude-sonnet-4-5', system: 'be brief', messages: [{ role: 'user', content: 'three little words' }] });
    const response = await countAnthropicTokens({ format: 'anthropic-messages', body, model: 'claude-sonnet-4-5', stream: false }, context({ 'anthropic-beta': 'some-beta' }));
    expect(response.status).toBe(200);
    expect(await read(response)).toEqual({ input_tokens: 5 });
    const sent = mock.received.at(-1)!;
    expect(sent.path).toBe('/v1/messages/count_tokens');
    expect(sent.body).toBe(body);
    expect(sent.headers).toMatchObject({ 'x-api-key': 'sk-ant-count', 'anthropic-version': '2023-06-01', 'anthropic-beta': 'some-beta' });
  });

  it('returns an error answer rather than throwing', async () => {
    const body = JSON.stringify({ model: 'claude-sonnet-4-5', max_tokens: 10, messages: [] });
    const response = await countAnthropicTokens({ format: 'anthropic-messages', body, model: 'claude-sonnet-4-5', stream: false }, context());
    expect(response.status).toBe(400);
    expect(await read(response)).toMatchObject({ type: 'error', error: { type: 'invalid_request_error', message: 'max_tokens: Extra inputs are not permitted' } });
  });
});
