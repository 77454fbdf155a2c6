import { expect, it, vi } from 'vitest';

// Without @anthropic-ai/sdk installed the OpenAI side works and client.messages says what to install.
vi.mock('@anthropic-ai/sdk', () => {
  throw new Error("Cannot find package '@anthropic-ai/sdk'");
});

it('throws a clear error from client.messages when @anthropic-ai/sdk is missing', async () => {
  const { Switchyard } = await import('../src/index.js');
  const client = new Switchyard({ apiKey: 'k' });
  expect(client.chat.completions).toBeDefined();
  expect(() => client.messages).toThrow(/install it \(npm install @anthropic-ai\/sdk\)/);
});
