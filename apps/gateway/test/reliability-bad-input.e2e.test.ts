import { request as httpRequest } from 'node:http';
import { type OpenAIMock, startOpenAIMock } from '@switchyard/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from './start-test-gateway.js';

// Every bad request gets a 4xx in the client's own format naming the problem, fast, never
// reaches a provider, and leaves the gateway serving.
describe('bad input', () => {
  let upstream: OpenAIMock;
  let gateway: TestGateway;
  const slowest: { check: string; ms: number }[] = [];

  beforeAll(async () => {
    upstream = await startOpenAIMock();
    gateway = await startTestGateway({
      bodyLimitBytes: 1024 * 1024,
      providers: { openai: { adapter: 'openai', apiKey: 'sk-test', baseURL: `${upstream.url}/v1` } },
    });
  });
  afterAll(async () => {
    console.log(`[reliability] bad input: slowest 4xx ${JSON.stringify(slowest.sort((a, b) => b.ms - a.ms).slice(0, 3))}`);
    await gateway?.close();
    await upstream?.close();
  });

  const paths = { chat: '/v1/chat/completions', messages: '/v1/messages', responses: '/v1/responses' } as const;
  type Format = keyof typeof paths;

  async function send(format: Format, body: string | Uint8Array, headers: Record<string, string> = {}) {
    const started = performance.now();
    const response = await fetch(`${gateway.url}${paths[format]}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
    const ms = performance.now() - started;
    const text = await response.text();
    return { status: response.status, text, json: safeJson(text), ms };
  }

  /** Asserts a 4xx in the format's own error shape whose message matches, within `maxMs`. */
  async function expectRejected(check: string, format: Format, body: string | Uint8Array, message: RegExp, options: { status?: number; maxMs?: number; headers?: Record<string, string> } = {}) {
    const before = upstream.received.length;
    const answer = await send(format, body, options.headers);
    slowest.push({ check: `${format}: ${check}`, ms: Math.round(answer.ms) });
    expect(answer.status, `${format}: ${check} -> ${answer.text.slice(0, 300)}`).toBe(options.status ?? 400);
    if (format === 'messages') {
      expect(answer.json?.type, check).toBe('error');
      expect(answer.json?.error?.type, check).toMatch(/_error$/);
    } else {
      expect(typeof answer.json?.error?.type, check).toBe('string');
    }
    expect(answer.json?.error?.message, check).toMatch(message);
    expect(answer.text, check).not.toMatch(/\n\s+at .+:\d+:\d+/);
    expect(answer.ms, check).toBeLessThan(options.maxMs ?? 1_000);
    expect(upstream.received.length, `${check} reached the provider`).toBe(before);
    return answer;
  }

  const messagesBody = (extra: Record<string, unknown>) => JSON.stringify({ model: '@openai/gpt-4o', max_tokens: 50, messages: [{ role: 'user', content: 'hi' }], ...extra });
  const chatBody = (extra: Record<string, unknown>) => JSON.stringify({ model: '@openai/gpt-4o', messages: [{ role: 'user', content: 'hi' }], ...extra });
  const responsesBody = (extra: Record<string, unknown>) => JSON.stringify({ model: '@openai/gpt-4o', input: 'hi', ...extra });
  const bodies: Record<Format, (extra: Record<string, unknown>) => string> = { chat: chatBody, messages: messagesBody, responses: responsesBody };
  const formats: Format[] = ['chat', 'messages', 'responses'];

  it.each(formats)('%s: malformed JSON, a non-object, invalid UTF-8', async (format) => {
    await expectRejected('malformed JSON', format, '{"model": "x",', /JSON/i);
    await expectRejected('array body', format, '[1,2,3]', /object/i);
    await expectRejected('string body', format, '"hello"', /object/i);
    const invalidUtf8 = Buffer.concat([Buffer.from('{"model":"@openai/gpt-4o","messages":[{"role":"user","content":"'), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from('"}]}')]);
    await expectRejected('invalid UTF-8', format, invalidUtf8, /UTF-8/i);
  });

  it.each(formats)('%s: missing model is refused, never defaulted', async (format) => {
    const body = JSON.parse(bodies[format]({})) as Record<string, unknown>;
    delete body.model;
    await expectRejected('missing model', format, JSON.stringify(body), /model/);
  });

  it('wrong types anywhere: messages, content parts, tools, numbers, roles', async () => {
    await expectRejected('messages not an array', 'chat', chatBody({ messages: 'hi' }), /messages/);
    await expectRejected('content part not an object', 'chat', chatBody({ messages: [{ role: 'user', content: [42] }] }), /messages\[0\]\.content\[0\]/);
    await expectRejected('content a number', 'chat', chatBody({ messages: [{ role: 'user', content: 7 }] }), /messages\[0\]\.content/);
    await expectRejected('unknown role', 'chat', chatBody({ messages: [{ role: 'wizard', content: 'x' }] }), /role|messages\[0\]/);
    await expectRejected('tools not an array', 'chat', chatBody({ tools: { type: 'function' } }), /tools/);
    await expectRejected('temperature a string', 'chat', chatBody({ temperature: 'hot' }), /temperature/);
    await expectRejected('unknown role', 'messages', messagesBody({ messages: [{ role: 'system', content: 'x' }] }), /role|messages\[0\]/);
    await expectRejected('content block not an object', 'messages', messagesBody({ messages: [{ role: 'user', content: [42] }] }), /messages\.0\.content|messages\[0\]\.content/);
    // A block of a type the target cannot take is not an error but a named warning, never a silent drop.
    const unknownBlock = await fetch(`${gateway.url}/v1/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: messagesBody({ messages: [{ role: 'user', content: [{ type: 'bogus' }, { type: 'text', text: 'hi' }] }] }) });
    expect(unknownBlock.status).toBe(200);
    expect(decodeURIComponent(unknownBlock.headers.get('x-switchyard-warnings') ?? '')).toMatch(/messages\.0\.content\.0|bogus/);
    await expectRejected('tool without a name', 'messages', messagesBody({ tools: [{ input_schema: { type: 'object' } }] }), /tools/);
    await expectRejected('max_tokens a string', 'messages', messagesBody({ max_tokens: 'many' }), /max_tokens/);
    await expectRejected('input a number', 'responses', responsesBody({ input: 42 }), /input/);
    await expectRejected('temperature a string', 'responses', responsesBody({ temperature: 'hot' }), /temperature/);
    await expectRejected('input item not an object', 'responses', responsesBody({ input: ['hi'] }), /input\[0\]/);
  });

  it('negative or absurd numbers are refused on every format', async () => {
    await expectRejected('max_tokens -1', 'chat', chatBody({ max_tokens: -1 }), /max_tokens/);
    await expectRejected('max_completion_tokens 2.5', 'chat', chatBody({ max_completion_tokens: 2.5 }), /max_completion_tokens/);
    await expectRejected('n 100000', 'chat', chatBody({ n: 100_000 }), /\bn\b/);
    await expectRejected('temperature 1e9', 'chat', chatBody({ temperature: 1e9 }), /temperature/);
    await expectRejected('max_tokens -1', 'messages', messagesBody({ max_tokens: -1 }), /max_tokens/);
    await expectRejected('max_tokens 1.5', 'messages', messagesBody({ max_tokens: 1.5 }), /max_tokens/);
    await expectRejected('temperature -3', 'messages', messagesBody({ temperature: -3 }), /temperature/);
    await expectRejected('max_output_tokens -1', 'responses', responsesBody({ max_output_tokens: -1 }), /max_output_tokens/);
    // Translated to a provider of another format (the built-in mock), the same bounds hold.
    const mockMessages = JSON.stringify({ model: '@mock/echo-1', max_tokens: -1, messages: [{ role: 'user', content: 'hi' }] });
    await expectRejected('max_tokens -1 (translated)', 'messages', mockMessages, /max_tokens/);
  });

  it.each(formats)('%s: 100k levels of nesting are refused without blowing the stack', async (format) => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    const inTools = bodies[format]({}).replace(/}$/, `,"metadata":{"deep":${deep}}}`);
    await expectRejected('100k nested arrays', format, inTools, /nest|deep|depth/i);
    const schema = `{"type":"object","properties":{"a":${'{"type":"object","properties":{"a":'.repeat(20_000)}{}${'}}'.repeat(20_000)}}}`;
    const tool = format === 'chat' ? `{"type":"function","function":{"name":"f","parameters":${schema}}}` : format === 'messages' ? `{"name":"f","input_schema":${schema}}` : `{"type":"function","name":"f","parameters":${schema}}`;
    await expectRejected('deep tool schema', format, bodies[format]({}).replace(/}$/, `,"tools":[${tool}]}`), /nest|deep|depth/i);
    // Still serving.
    expect((await fetch(`${gateway.url}/health`)).status).toBe(200);
  });

  it('a body over the limit gets 413 without the rest being read', async () => {
    const declared = 10 * 1024 * 1024;
    const started = performance.now();
    const { status, body } = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const request = httpRequest(`${gateway.url}/v1/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': String(declared) } }, (response) => {
        let text = '';
        response.on('data', (chunk) => (text += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text }));
      });
      request.on('error', reject);
      // Only the first bytes are ever sent: the answer must not wait for the other 10 MiB.
      request.write('{"model":"@openai/gpt-4o","messages":[');
    });
    const ms = performance.now() - started;
    slowest.push({ check: 'body over limit (declared)', ms: Math.round(ms) });
    expect(status).toBe(413);
    expect(JSON.parse(body).error.message).toMatch(/limit of 1048576 bytes/);
    expect(ms).toBeLessThan(1_000);

    const chunkedOver = await send('chat', chatBody({ padding: 'x'.repeat(1100 * 1024) }));
    expect(chunkedOver.status).toBe(413);
  });

  it('oversized headers get 431', async () => {
    const response = await fetch(`${gateway.url}/v1/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-big': 'x'.repeat(40 * 1024) }, body: chatBody({}) });
    expect(response.status).toBe(431);
  });

  it('configs in the request: huge target counts and depth are refused, naming the limit', async () => {
    const many = { strategy: { mode: 'fallback' }, targets: Array.from({ length: 600 }, () => ({ provider: '@openai' })) };
    await expectRejected('600 targets', 'chat', chatBody({}), /targets/, { headers: { 'x-switchyard-config': JSON.stringify(many) } });
    let nested: Record<string, unknown> = { provider: '@openai' };
    for (let level = 0; level < 50; level++) nested = { strategy: { mode: 'fallback' }, targets: [nested] };
    await expectRejected('50 levels of config', 'chat', chatBody({}), /deep|depth|nest|levels/i, { headers: { 'x-switchyard-config': JSON.stringify(nested) } });
    await expectRejected('config not JSON', 'messages', messagesBody({}), /config/i, { headers: { 'x-switchyard-config': '{"strategy":' } });
  });

  it('the gateway is still up and serving after all of it', async () => {
    const answer = await send('chat', chatBody({}));
    expect(answer.status).toBe(200);
  });
});

function safeJson(text: string): any {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
