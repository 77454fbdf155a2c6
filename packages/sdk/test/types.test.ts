import type Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { type RoutingConfig, Switchyard, defineConfig } from '../src/index.js';

// Type-level checks (tsc -p . checks this file, @ts-expect-error included) plus the runtime checks beside them.
describe('types', () => {
  it('is the OpenAI client', () => {
    const client = new Switchyard({ apiKey: 'k' });
    expectTypeOf(client).toMatchTypeOf<OpenAI>();
    expectTypeOf(client.chat.completions.create).toEqualTypeOf<OpenAI['chat']['completions']['create']>();
    expectTypeOf(client.withOptions({ provider: 'openai' })).toEqualTypeOf<Switchyard>();
    expect(client).toBeInstanceOf(OpenAI);
  });

  it("keeps OpenAI's types for every method family", () => {
    const client = new Switchyard({ apiKey: 'k' });
    expectTypeOf(client.embeddings.create).toEqualTypeOf<OpenAI['embeddings']['create']>();
    expectTypeOf(client.audio.speech.create).toEqualTypeOf<OpenAI['audio']['speech']['create']>();
    expectTypeOf(client.files.create).toEqualTypeOf<OpenAI['files']['create']>();
    expectTypeOf(client.batches.create).toEqualTypeOf<OpenAI['batches']['create']>();
    expectTypeOf(client.fineTuning.jobs.create).toEqualTypeOf<OpenAI['fineTuning']['jobs']['create']>();
    expectTypeOf(Switchyard.embedded).returns.toEqualTypeOf<Switchyard>();
    expect(client.fineTuning.jobs).toBeDefined();
  });

  it("types messages.create as @anthropic-ai/sdk's", () => {
    const client = new Switchyard({ apiKey: 'k' });
    expectTypeOf(client.messages).toEqualTypeOf<Anthropic['messages']>();
    expectTypeOf(client.messages.create).toEqualTypeOf<Anthropic['messages']['create']>();
    const call = () => client.messages.create({ model: 'm', max_tokens: 1, messages: [] });
    // Anthropic's Message (plus the SDK's `_request_id`, as @anthropic-ai/sdk itself returns).
    expectTypeOf<Awaited<ReturnType<typeof call>>>().toMatchTypeOf<Anthropic.Message>();
    expectTypeOf<Awaited<ReturnType<typeof call>>['content']>().toEqualTypeOf<Anthropic.Message['content']>();
    const stream = () => client.messages.stream({ model: 'm', max_tokens: 1, messages: [] }).finalMessage();
    expectTypeOf(stream).returns.resolves.toMatchTypeOf<Anthropic.Message>();
  });

  it('types defineConfig by the routing schema', () => {
    const config = defineConfig({ strategy: { mode: 'fallback' }, targets: [{ provider: '@a' }, { provider: '@b' }] });
    expectTypeOf(config).toMatchTypeOf<RoutingConfig>();
    // @ts-expect-error: not a strategy mode
    expect(() => defineConfig({ strategy: { mode: 'fallbak' }, targets: [{ provider: '@a' }] })).toThrow(/config\.strategy\.mode/);
    // @ts-expect-error: weight is a number
    expect(() => defineConfig({ strategy: { mode: 'loadbalance' }, targets: [{ provider: '@a', weight: 'heavy' }] })).toThrow(/config\.targets\[0\]\.weight/);
    // @ts-expect-error: provider is a string
    expectTypeOf(() => new Switchyard({ provider: 42 })).toBeFunction();
  });

  it('checks what types cannot at call time, naming the place', () => {
    expect(() => defineConfig({ strategy: { mode: 'fallback' } })).toThrow(/config\.targets: is required by the "fallback" strategy/);
    expect(() => defineConfig({ targets: [{ provider: '@a' }], retry: { attempts: 99 } })).toThrow(/config/);
  });
});
