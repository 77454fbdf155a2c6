import { request as httpRequest } from 'node:http';
import { Writable } from 'node:stream';
import { type AnthropicMock, type MockServer, type OpenAIMock, startAnthropicMock, startMockServer, startOpenAIMock } from '@switchyard/testkit';
import OpenAI from 'openai';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGateway, type RunningGateway } from '../src/create-gateway.js';
import { parseConfig } from '../src/load-config.js';
import { logRequest } from '../src/request-log.js';

// Keys, hosts and header values: what the gateway must never leak, reach or smuggle.
describe('security', () => {
  const gatewayKey = 'sy-gateway-key-5e5e5e5e5e5e5e5e';
  const openaiKey = 'sk-openai-SECRET-0123456789abcdef';
  const anthropicKey = 'sk-ant-SECRET-fedcba9876543210';
  const echoKey = 'plainsecret-with-no-known-shape-42';
  let openai: OpenAIMock;
  let anthropic: AnthropicMock;
  let echo: MockServer;
  let gateway: RunningGateway;
  const logLines: string[] = [];
  const answers: string[] = [];

  beforeAll(async () => {
    openai = await startOpenAIMock({ apiKey: openaiKey });
    anthropic = await startAnthropicMock({ apiKey: anthropicKey });
    // A provider that quotes the credentials it was sent in its error body and headers.
    echo = await startMockServer((request, response) => {
      response.writeHead(401, { 'content-type': 'application/json', 'x-echo': request.headers.authorization ?? '' });
      response.end(JSON.stringify({ error: { message: `Incorrect API key provided: ${request.headers.authorization}`, type: 'invalid_request_error', param: null, code: 'invalid_api_key' } }));
    });
    const logger = pino({ level: 'info', base: undefined }, new Writable({ write: (chunk, _encoding, done) => (logLines.push(String(chunk)), done()) }));
    const config = parseConfig({
      apiKeys: [gatewayKey],
      responses: { store: 'memory' },
      providers: {
        openai: { adapter: 'openai', apiKey: openaiKey, baseURL: `${openai.url}/v1` },
        claude: { adapter: 'anthropic', apiKey: anthropicKey, baseURL: `${anthropic.url}/v1` },
        echo: { adapter: 'openai', apiKey: echoKey, baseURL: `${echo.url}/v1` },
        wrongkey: { adapter: 'anthropic', apiKey: 'sk-ant-WRONG-aaaaaaaaaaaaaaaa', baseURL: `${anthropic.url}/v1` },
        down: { adapter: 'openai', apiKey: 'sk-down-SECRET-1111111111111111', baseURL: 'http://127.0.0.1:9/v1', timeouts: { connectMs: 500 } },
      },
    }, {});
    gateway = await startGateway({ config, env: {}, host: '127.0.0.1', port: 0, onRequestComplete: (record) => logRequest(logger, record) });
  });
  afterAll(async () => {
    await gateway?.close();
    await Promise.all([openai?.close(), anthropic?.close(), echo?.close()]);
  });

  /** Sends a request and keeps everything the client saw (status line, headers, body) for the scan. */
  async function call(path: string, body: unknown, headers: Record<string, string> = {}) {
    const response = await fetch(`${gateway.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${gatewayKey}`, ...headers },
      body: JSON.stringify(body),
    });
    const text = await response.text();
    answers.push(`${response.status} ${JSON.stringify([...response.headers])}\n${text}`);
    return { status: response.status, headers: response.headers, text };
  }

  it('no provider or gateway key appears in any answer, header or log line, whatever happened', async () => {
    const chat = (model: string, stream = false) => call('/v1/chat/completions', { model, stream, messages: [{ role: 'user', content: 'hi' }] });
    expect((await chat('@openai/gpt-4o')).status).toBe(200);
    expect((await chat('@openai/gpt-4o', true)).status).toBe(200);
    expect((await chat('@claude/claude-x')).status).toBe(200);
    expect((await chat('@claude/claude-x', true)).status).toBe(200);
    expect((await call('/v1/messages', { model: '@claude/claude-x', max_tokens: 20, messages: [{ role: 'user', content: 'hi' }] })).status).toBe(200);
    // Upstream refuses the key it got (a wrong one), upstream echoes the key, upstream unreachable.
    expect((await chat('@wrongkey/claude-x')).status).toBe(401);
    const echoed = await chat('@echo/gpt-4o');
    expect(echoed.status).toBe(401);
    expect(echoed.text).toContain('[redacted]');
    expect((await call('/v1/responses', { model: '@echo/gpt-4o', input: 'hi' })).status).toBeGreaterThanOrEqual(400);
    expect((await chat('@down/gpt-4o')).status).toBe(502);
    // Bad requests, and a fallback chain where every target fails.
    expect((await chat('')).status).toBe(400);
    const config = JSON.stringify({ strategy: { mode: 'fallback' }, targets: [{ provider: '@echo' }, { provider: '@down' }] });
    expect((await call('/v1/chat/completions', { model: 'gpt-4o', messages: [{ role: 'user', content: 'hi' }] }, { 'x-switchyard-config': config })).status).toBeGreaterThanOrEqual(400);
    await new Promise((resolve) => setTimeout(resolve, 100));

    const everything = [...answers, ...logLines].join('\n');
    expect(logLines.length).toBeGreaterThanOrEqual(10);
    for (const secret of [gatewayKey, openaiKey, anthropicKey, echoKey, 'sk-ant-WRONG-aaaaaaaaaaaaaaaa', 'sk-down-SECRET-1111111111111111']) {
      expect(everything.includes(secret), `${secret} leaked`).toBe(false);
    }
    console.log(`[reliability] secrets scan: ${answers.length} answers and ${logLines.length} log lines, 0 keys found`);
  });

  it('refuses an unauthenticated request before reading its body', async () => {
    const started = performance.now();
    const { status, connection, body } = await new Promise<{ status: number; connection?: string; body: string }>((resolve, reject) => {
      const request = httpRequest(`${gateway.url}/v1/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': String(8 * 1024 * 1024) } }, (response) => {
        let text = '';
        response.on('data', (chunk) => (text += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, connection: response.headers.connection, body: text }));
      });
      request.on('error', reject);
      request.write('{"model":');
    });
    const ms = performance.now() - started;
    console.log(`[reliability] no gateway key, 8 MiB declared body -> 401: ${Math.round(ms)} ms`);
    expect(status).toBe(401);
    expect(connection).toBe('close');
    expect(JSON.parse(body).error.message).toMatch(/requires an API key/);
    expect(ms).toBeLessThan(1_000);
  });

  it('a header value with CR/LF from a config target is a 400 naming the header, and nothing is sent', async () => {
    const before = anthropic.received.length;
    const config = JSON.stringify({ provider: '@claude', anthropic_beta: 'tools-2024\r\nx-injected: yes' });
    const answer = await call('/v1/chat/completions', { model: 'claude-x', messages: [{ role: 'user', content: 'hi' }] }, { 'x-switchyard-config': config });
    expect(answer.status, answer.text).toBe(400);
    expect(JSON.parse(answer.text).error.message).toMatch(/anthropic-beta/);
    expect(anthropic.received.length).toBe(before);

    const keyConfig = JSON.stringify({ provider: '@openai', api_key: 'sk-x\nx-injected: yes' });
    const keyAnswer = await call('/v1/chat/completions', { model: 'gpt-4o', messages: [{ role: 'user', content: 'hi' }] }, { 'x-switchyard-config': keyConfig });
    expect(keyAnswer.status, keyAnswer.text).toBe(400);
    expect(JSON.parse(keyAnswer.text).error.message).toMatch(/authorization/);
    expect(keyAnswer.text).not.toContain('x-injected');
  });

  it('custom_host reaches loopback however it is spelled, and nothing private or metadata', async () => {
    const port = openai.port;
    const chatVia = (host: string) =>
      call('/v1/chat/completions', { model: 'gpt-4o', messages: [{ role: 'user', content: 'hi' }] }, { 'x-switchyard-provider': 'openai', 'x-switchyard-custom-host': host, 'x-switchyard-api-key': gatewayKey, authorization: `Bearer ${openaiKey}` });
    for (const loopback of [`http://127.1:${port}/v1`, `http://0x7f000001:${port}/v1`, `http://2130706433:${port}/v1`, `http://[::ffff:127.0.0.1]:${port}/v1`]) {
      expect((await chatVia(loopback)).status, loopback).toBe(200);
    }
    const refused = [
      'http://169.254.169.254/latest',
      'http://169.254.169.254./latest',
      'http://0xa9fea9fe/',
      'http://2852039166/',
      'http://[::ffff:169.254.169.254]/',
      'http://[::ffff:a9fe:a9fe]/',
      'http://metadata.google.internal/',
      'http://10.1/',
      'http://192.168.0.1/',
      'http://[fd00::1]/',
      'http://[fe80::1]/',
      'http://example.com/',
    ];
    for (const host of refused) {
      const answer = await chatVia(host);
      expect(answer.status, host).toBe(400);
      expect(JSON.parse(answer.text).error.message, host).toMatch(/custom_host is not allowed/);
    }
  });

  it('the openai SDK sees a redirect as an error, not something to follow', async () => {
    openai.failNext({ status: 307, headers: { location: 'http://169.254.169.254/latest/meta-data/' }, body: '' });
    const client = new OpenAI({ baseURL: `${gateway.url}/v1`, apiKey: gatewayKey, maxRetries: 0 });
    const error = await client.chat.completions.create({ model: '@openai/gpt-4o', messages: [{ role: 'user', content: 'hi' }] }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OpenAI.APIError);
    expect((error as InstanceType<typeof OpenAI.APIError>).status).toBe(502);
    expect((error as Error).message).toMatch(/redirect/);
  });
});
