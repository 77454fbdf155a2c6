import { type ChatResponse, defineProvider } from '@switchyard/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatInterceptor } from './chat-interceptor.js';
import { type ServingGatewayForAdapters, serveGatewayForAdapters } from './serve-gateway-for-adapters.js';

const chatCapabilities = { streaming: true, tools: false, parallelTools: false, images: false, files: false, audio: false, reasoning: false, jsonObject: false, jsonSchema: false };

// Speaks OpenAI Chat natively: without an interceptor the gateway passes bytes through; with one it must translate.
const nativeAdapter = defineProvider({
  id: 'native',
  name: 'Native test adapter',
  nativeFormat: 'openai-chat',
  capabilities: { chat: chatCapabilities },
  async passthrough() {
    const body = JSON.stringify({ id: 'p', object: 'chat.completion', created: 1, model: 'm', choices: [{ index: 0, message: { role: 'assistant', content: 'bytes passed through' }, finish_reason: 'stop' }] });
    return { status: 200, headers: { 'content-type': 'application/json' }, body: (async function* () { yield new TextEncoder().encode(body); })(), dispose() {} };
  },
  chat: {
    async generate(request): Promise<ChatResponse> {
      return { id: 'r', model: request.model, content: [{ type: 'text', text: 'translated answer' }], finishReason: { unified: 'stop', raw: 'stop' } };
    },
    async stream(request) {
      return {
        events: (async function* () {
          yield { type: 'start' as const, id: 'r', model: request.model };
          yield { type: 'text-delta' as const, delta: 'streamed answer' };
          yield { type: 'finish' as const, finishReason: { unified: 'stop' as const, raw: 'stop' } };
        })(),
      };
    },
  },
});

const seen: string[] = [];
const shouting: ChatInterceptor = {
  name: 'shouting',
  appliesTo: (info) => info.request.headers['x-shout'] === 'yes',
  wrap(operations, info) {
    info.setHeader('x-shouted', 'true');
    return {
      async generate(request, context) {
        seen.push(`${info.format}:${info.target.entry.slug}:${request.model}`);
        const response = await operations.generate(request, context);
        return { ...response, content: response.content.map((part) => (part.type === 'text' ? { ...part, text: part.text.toUpperCase() } : part)) };
      },
      async stream(request, context) {
        const started = await operations.stream(request, context);
        return {
          ...started,
          events: (async function* () {
            for await (const event of started.events) yield event.type === 'text-delta' ? { ...event, delta: event.delta.toUpperCase() } : event;
          })(),
        };
      },
    };
  },
};

describe('chat interceptors', () => {
  let gateway: ServingGatewayForAdapters;
  beforeAll(async () => {
    gateway = await serveGatewayForAdapters({ adapters: [nativeAdapter], chatInterceptors: [shouting] });
  });
  afterAll(async () => gateway?.close());

  async function ask(headers: Record<string, string>, stream = false) {
    const response = await fetch(`${gateway.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ model: '@native/m1', messages: [{ role: 'user', content: 'hi' }], stream }),
    });
    return { headers: response.headers, text: await response.text() };
  }

  it('leaves passthrough alone when no interceptor applies', async () => {
    const answer = await ask({});
    expect(JSON.parse(answer.text).choices[0].message.content).toBe('bytes passed through');
    expect(answer.headers.get('x-shouted')).toBeNull();
  });

  it('translates an attempt an interceptor applies to, wraps the call and adds its header', async () => {
    const answer = await ask({ 'x-shout': 'yes' });
    expect(JSON.parse(answer.text).choices[0].message.content).toBe('TRANSLATED ANSWER');
    expect(answer.headers.get('x-shouted')).toBe('true');
    expect(seen.at(-1)).toBe('openai-chat:native:m1');
  });

  it('wraps streams too, the codec encoding what the interceptor yields', async () => {
    const answer = await ask({ 'x-shout': 'yes' }, true);
    expect(answer.text).toContain('"content":"STREAMED ANSWER"');
    expect(answer.text.trim().endsWith('data: [DONE]')).toBe(true);
    expect(answer.headers.get('x-shouted')).toBe('true');
  });
});
