import { startOpenAIMock } from '@switchyard/testkit';
import OpenAI from 'openai';
import { describe, expect, it } from 'vitest';
import { startTestGateway } from './start-test-gateway.js';

describe('graceful shutdown', () => {
  it('lets an in-flight stream finish while refusing new connections', async () => {
    const upstream = await startOpenAIMock({ streamDelayMs: 40 });
    const gateway = await startTestGateway({ providers: { slow: { adapter: 'openai', apiKey: 'k', baseURL: `${upstream.url}/v1` } } });
    const client = new OpenAI({ baseURL: `${gateway.url}/v1`, apiKey: 'x', maxRetries: 0 });
    try {
      const stream = await client.chat.completions.create({
        model: '@slow/gpt-4o',
        messages: [{ role: 'user', content: 'one two three four five' }],
        stream: true,
      });
      const closed = gateway.close();
      let text = '';
      for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? '';
      expect(text).toBe('echo: one two three four five');
      await closed;
      await expect(fetch(`${gateway.url}/health`)).rejects.toThrow();
    } finally {
      await gateway.close();
      await upstream.close();
    }
  });
});
