import { startOpenAIMock } from '@switchyard/testkit';
import OpenAI from 'openai';
import { describe, expect, it } from 'vitest';
import { startTestGateway } from './start-test-gateway.js';

describe('graceful shutdown under load', () => {
  it('finishes every in-flight request and stream, refuses new ones with 503 in the client format, then closes', async () => {
    const upstream = await startOpenAIMock({ streamDelayMs: 60 });
    const gateway = await startTestGateway({ shutdownGraceMs: 20_000, providers: { slow: { adapter: 'openai', apiKey: 'sk-slow', baseURL: `${upstream.url}/v1` } } });
    const client = new OpenAI({ baseURL: `${gateway.url}/v1`, apiKey: 'x', maxRetries: 0 });
    const words = 'a b c d e f g h i j k l';
    try {
      const streams = await Promise.all(
        Array.from({ length: 8 }, () => client.chat.completions.create({ model: '@slow/gpt-4o', messages: [{ role: 'user', content: words }], stream: true })),
      );
      upstream.failNext({ delayMs: 400 });
      const unstreamed = client.chat.completions.create({ model: '@slow/gpt-4o', messages: [{ role: 'user', content: words }] });
      await upstream.waitForRequests(9);

      const closed = gateway.close();
      const refused = await fetch(`${gateway.url}/v1/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      expect(refused.status).toBe(503);
      expect(refused.headers.get('connection')).toBe('close');
      expect(((await refused.json()) as { error: { message: string } }).error.message).toMatch(/shutting down/);
      const refusedMessages = await fetch(`${gateway.url}/v1/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      expect(refusedMessages.status).toBe(503);
      expect(await refusedMessages.json()).toMatchObject({ type: 'error', error: { type: 'overloaded_error' } });

      const texts = await Promise.all(
        streams.map(async (stream) => {
          let text = '';
          for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? '';
          return text;
        }),
      );
      expect(texts).toEqual(Array.from({ length: 8 }, () => `echo: ${words}`));
      expect((await unstreamed).choices[0]!.message.content).toBe(`echo: ${words}`);
      await closed;
      await expect(fetch(`${gateway.url}/health`)).rejects.toThrow();
      console.log(`[reliability] shutdown under load: 9 in flight finished, new requests 503, then closed`);
    } finally {
      await gateway.close();
      await upstream.close();
    }
  });
});
