import type { ChatRequest, ProviderCallContext } from '@switchyard/core';
import { HttpClient } from '@switchyard/core';
import { createAnthropicProvider } from '@switchyard/provider-anthropic';
import { type AnthropicMock, startAnthropicMock } from '@switchyard/testkit';
import { afterAll, beforeAll, expect, it } from 'vitest';

// The snippet in docs/sdk.md ("Using an adapter without the gateway"), against the Anthropic mock.
let upstream: AnthropicMock;
beforeAll(async () => {
  upstream = await startAnthropicMock({ apiKey: 'sk-ant-upstream' });
});
afterAll(() => upstream?.close());

it('calls an adapter directly with a canonical request', async () => {
  const anthropic = createAnthropicProvider();
  const http = new HttpClient();
  const request: ChatRequest = {
    model: 'claude-sonnet-4-5',
    stream: false,
    maxOutputTokens: 256,
    messages: [{ role: 'user', content: [{ type: 'text', text: 'hello from the adapter' }] }],
  };
  const context: ProviderCallContext = {
    settings: { apiKey: 'sk-ant-upstream', baseURL: `${upstream.url}/v1` },
    http,
    signal: AbortSignal.timeout(30_000),
    requestHeaders: {},
    warn: (warning) => console.warn(warning.message),
  };
  const response = await anthropic.chat.generate(request, context);
  await http.close();

  expect(response.content).toEqual([expect.objectContaining({ type: 'text', text: 'echo: hello from the adapter' })]);
  expect(response.finishReason.unified).toBe('stop');
  expect(response.usage?.output).toBeGreaterThan(0);
  expect(upstream.received[0]!.json).toMatchObject({ model: 'claude-sonnet-4-5', max_tokens: 256 });
});
