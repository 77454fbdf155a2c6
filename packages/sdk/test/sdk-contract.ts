import Anthropic from '@anthropic-ai/sdk';
import { beforeEach, describe, expect, it } from 'vitest';
import { defineConfig } from '../src/index.js';
import type { ContractSetup } from './test-upstreams.js';

/** The SDK's behaviour, the same whether the gateway is remote or embedded. */
export function describeSdkContract(mode: string, setup: () => ContractSetup): void {
  describe(`Switchyard SDK (${mode})`, () => {
    beforeEach(() => {
      const { upstreams, records } = setup();
      upstreams.openai.reset();
      upstreams.slow.reset();
      upstreams.anthropic.reset();
      records.length = 0;
    });

    it('creates a chat completion with the built-in mock', async () => {
      const completion = await setup().client.chat.completions.create({ model: '@mock/echo-1', messages: [{ role: 'user', content: 'hello' }] });
      expect(completion.choices[0]!.message.content).toBe('echo: hello');
      expect(completion.usage?.prompt_tokens).toBeGreaterThan(0);
    });

    it('streams a chat completion', async () => {
      const stream = await setup().client.chat.completions.create({ model: '@mock/echo-1', stream: true, messages: [{ role: 'user', content: 'stream this please' }] });
      let text = '';
      for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? '';
      expect(text).toBe('echo: stream this please');
    });

    it('creates a response with the Responses API', async () => {
      const response = await setup().client.responses.create({ model: '@mock/echo-1', input: 'hi there' });
      expect(response.output_text).toBe('echo: hi there');
    });

    it('lists models', async () => {
      const ids: string[] = [];
      for await (const model of setup().client.models.list()) ids.push(model.id);
      expect(ids).toEqual(expect.arrayContaining(['@mock/echo-1']));
    });

    it('switches provider by model string', async () => {
      const { client, upstreams, records } = setup();
      const viaOpenAI = await client.chat.completions.create({ model: '@openai-test/gpt-4o', messages: [{ role: 'user', content: 'to openai' }] });
      const viaClaude = await client.chat.completions.create({ model: '@claude/claude-sonnet-4-5', max_tokens: 100, messages: [{ role: 'user', content: 'to claude' }] });
      expect(viaOpenAI.choices[0]!.message.content).toBe('echo: to openai');
      expect(viaClaude.choices[0]!.message.content).toBe('echo: to claude');
      expect(upstreams.openai.received[0]!.json).toMatchObject({ model: 'gpt-4o', messages: [{ role: 'user', content: 'to openai' }] });
      expect(upstreams.openai.received[0]!.headers.authorization).toBe('Bearer sk-openai-upstream');
      expect(upstreams.anthropic.received[0]!.json).toMatchObject({ model: 'claude-sonnet-4-5', max_tokens: 100 });
      expect(upstreams.anthropic.received[0]!.headers['x-api-key']).toBe('sk-ant-upstream');
      expect(records.map((record) => record.provider)).toEqual(['openai-test', 'claude']);
    });

    it('falls back to the next target when the first answers 500 (defineConfig)', async () => {
      const { client, upstreams, records } = setup();
      const config = defineConfig({
        strategy: { mode: 'fallback' },
        targets: [
          { provider: '@openai-test', override_params: { model: 'gpt-4o' } },
          { provider: '@claude', override_params: { model: 'claude-sonnet-4-5', max_tokens: 64 } },
        ],
      });
      upstreams.openai.failNext({ status: 500 });
      const completion = await client.withOptions({ config }).chat.completions.create({ model: 'anything', messages: [{ role: 'user', content: 'fall back' }] });
      expect(completion.choices[0]!.message.content).toBe('echo: fall back');
      expect(upstreams.openai.received).toHaveLength(1);
      expect(upstreams.openai.received[0]!.json).toMatchObject({ model: 'gpt-4o' });
      expect(upstreams.anthropic.received).toHaveLength(1);
      expect(upstreams.anthropic.received[0]!.json).toMatchObject({ model: 'claude-sonnet-4-5', max_tokens: 64, messages: [{ role: 'user', content: [{ type: 'text', text: 'fall back' }] }] });
      expect(records[0]!.provider).toBe('claude');
      expect(records[0]!.attempts?.map((attempt) => attempt.status)).toEqual([500, undefined]);
    });

    it('sends metadata and the trace id to the gateway, and withOptions merges them', async () => {
      const { client, records } = setup();
      const tagged = client.withOptions({ metadata: { team: 'search' }, traceId: 'trace-sdk-1' }).withOptions({ metadata: { user: 'u-7' } });
      const response = await tagged.chat.completions.create({ model: '@mock/echo-1', messages: [{ role: 'user', content: 'tagged' }] }).withResponse();
      expect(response.response.headers.get('x-switchyard-trace-id')).toBe('trace-sdk-1');
      expect(records[0]).toMatchObject({ traceId: 'trace-sdk-1', metadata: { team: 'search', user: 'u-7' } });
      expect(tagged).toBeInstanceOf(client.constructor);
      expect(tagged.routing).toEqual({ metadata: { team: 'search', user: 'u-7' }, traceId: 'trace-sdk-1' });
    });

    it('routes by the provider option (x-switchyard-provider), the API key going to the provider', async () => {
      const { client, upstreams } = setup();
      // With the header API the client's key is the provider's key, as with Portkey.
      const completion = await client.withOptions({ provider: 'openai-test', apiKey: 'sk-openai-upstream' }).chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'by header' }] });
      expect(completion.choices[0]!.message.content).toBe('echo: by header');
      expect(upstreams.openai.received[0]!.json).toMatchObject({ model: 'gpt-4o-mini' });
    });

    it('speaks the Messages API through the same client: create and stream', async () => {
      const { client, upstreams, records } = setup();
      const message = await client.messages.create({ model: '@claude/claude-sonnet-4-5', max_tokens: 100, messages: [{ role: 'user', content: 'hello claude' }] });
      expect(message.content).toEqual([expect.objectContaining({ type: 'text', text: 'echo: hello claude' })]);
      expect(upstreams.anthropic.received[0]!.json).toEqual({ model: 'claude-sonnet-4-5', max_tokens: 100, messages: [{ role: 'user', content: 'hello claude' }] });

      const final = await client.messages.stream({ model: '@openai-test/gpt-4o', max_tokens: 100, messages: [{ role: 'user', content: 'stream via openai' }] }).finalMessage();
      expect(final.content[0]).toMatchObject({ type: 'text', text: 'echo: stream via openai' });
      expect(final.stop_reason).toBe('end_turn');
      expect(records.map((record) => [record.format, record.provider])).toEqual([
        ['anthropic-messages', 'claude'],
        ['anthropic-messages', 'openai-test'],
      ]);
    });

    it('sends the routing options with Messages requests too', async () => {
      const { client, records } = setup();
      const tagged = client.withOptions({ traceId: 'trace-messages', metadata: { via: 'messages' } });
      const message = await tagged.messages.create({ model: '@mock/echo-1', max_tokens: 20, messages: [{ role: 'user', content: 'hi' }] });
      expect(message.content[0]).toMatchObject({ text: 'echo: hi' });
      expect(records[0]).toMatchObject({ traceId: 'trace-messages', metadata: { via: 'messages' }, format: 'anthropic-messages' });
    });

    it('raises gateway errors as the SDKs own error classes', async () => {
      const { client } = setup();
      await expect(client.chat.completions.create({ model: '@nope/x', messages: [{ role: 'user', content: 'x' }] })).rejects.toBeInstanceOf(
        (await import('openai')).default.NotFoundError,
      );
      await expect(client.messages.create({ model: '@nope/x', max_tokens: 5, messages: [{ role: 'user', content: 'x' }] })).rejects.toBeInstanceOf(Anthropic.NotFoundError);
    });

    it('aborting a stream mid-way reaches the upstream', async () => {
      const { client, upstreams, records } = setup();
      const controller = new AbortController();
      const stream = await client.chat.completions.create(
        { model: '@openai-slow/gpt-4o', stream: true, messages: [{ role: 'user', content: 'a long answer please' }] },
        { signal: controller.signal },
      );
      const seen: string[] = [];
      // The openai SDK ends the iteration quietly on an abort.
      for await (const chunk of stream) {
        seen.push(chunk.choices[0]?.delta.content ?? '');
        if (seen.length === 2) controller.abort();
      }
      expect(seen).toHaveLength(2);
      const closed = await upstreams.slow.waitForClientClose(5_000);
      expect(closed.aborted).toBe(true);
      await expect.poll(() => records.length).toBe(1);
      expect(records[0]!.incomplete).toBe(true);
    });
  });
}
