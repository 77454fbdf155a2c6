import { createServer } from 'node:net';
import { type AnthropicMock, type OpenAIMock, startAnthropicMock, startOpenAIMock } from '@switchyard/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from './start-test-gateway.js';

// Each upstream fault is bounded by a deadline (connect / first byte / idle between chunks), is
// reported in the client's format with a status and a message saying what happened, and may fall
// back to the next target while nothing has reached the client yet. Figures are printed so the
// closing note can quote them.
const deadlines = { connectMs: 1_000, headersMs: 1_500, bodyIdleMs: 1_500 };

describe('upstream faults', () => {
  let openai: OpenAIMock;
  let anthropic: AnthropicMock;
  let backup: OpenAIMock;
  let gateway: TestGateway;
  let closedPort: number;

  beforeAll(async () => {
    openai = await startOpenAIMock();
    anthropic = await startAnthropicMock();
    backup = await startOpenAIMock();
    closedPort = await unusedPort();
    gateway = await startTestGateway({
      providers: {
        flaky: { adapter: 'openai', apiKey: 'sk-flaky', baseURL: `${openai.url}/v1`, timeouts: deadlines },
        claude: { adapter: 'anthropic', apiKey: 'sk-ant-flaky', baseURL: `${anthropic.url}/v1`, timeouts: deadlines },
        backup: { adapter: 'openai', apiKey: 'sk-backup', baseURL: `${backup.url}/v1` },
        refused: { adapter: 'openai', apiKey: 'sk-refused', baseURL: `http://127.0.0.1:${closedPort}/v1`, timeouts: deadlines },
      },
    });
  });
  afterAll(async () => {
    await gateway?.close();
    await Promise.all([openai?.close(), anthropic?.close(), backup?.close()]);
  });

  const chat = (model: string, stream = false, headers: Record<string, string> = {}) =>
    timed(() =>
      fetch(`${gateway.url}/v1/chat/completions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ model, stream, messages: [{ role: 'user', content: 'one two three four five six' }] }),
      }),
    );

  it('connection refused: 502 naming the provider and the refusal, at once', async () => {
    const { response, ms } = await chat('@refused/gpt-4o');
    const body = (await response.json()) as { error: { message: string } };
    report('connection refused -> 502', ms);
    expect(response.status).toBe(502);
    expect(body.error.message).toMatch(/refused.*could not reach|could not reach.*ECONNREFUSED/);
    expect(ms).toBeLessThan(1_000);

    const config = JSON.stringify({ strategy: { mode: 'fallback' }, targets: [{ provider: '@refused' }, { provider: '@backup' }] });
    const fallback = await chat('gpt-4o', false, { 'x-switchyard-config': config });
    expect(fallback.response.status).toBe(200);
    expect(fallback.response.headers.get('x-switchyard-provider')).toBe('backup');
  });

  it('no answer at all (headers never come): 504 with "timeout" after the first-byte deadline', async () => {
    openai.failNext({ delayMs: 60_000 });
    const { response, ms } = await chat('@flaky/gpt-4o');
    const body = (await response.json()) as { error: { message: string } };
    report('no answer -> 504 after headersMs 1500', ms);
    expect(response.status).toBe(504);
    expect(body.error.message).toMatch(/timeout|did not send response headers within 1500 ms/i);
    expect(ms).toBeGreaterThanOrEqual(1_400);
    expect(ms).toBeLessThan(4_000);
    // The gateway let go of the stalled upstream request.
    const stalled = await openai.waitForClientClose(2_000);
    expect(stalled.aborted).toBe(true);
  });

  it('connection closed with no answer: 502 saying the connection was lost', async () => {
    openai.failNext({ destroy: true });
    const { response, ms } = await chat('@flaky/gpt-4o');
    const body = (await response.json()) as { error: { message: string } };
    report('upstream hangs up -> 502', ms);
    expect(response.status).toBe(502);
    expect(body.error.message).toMatch(/flaky|openai/);
    expect(body.error.message).toMatch(/ECONNRESET|UND_ERR_SOCKET|closed|lost/);
  });

  it('headers then a stalled body, before the first event: 504 "timeout", and fallback still possible', async () => {
    openai.reset();
    openai.failNext({ stallAfterHeaders: true });
    const { response, ms } = await chat('@flaky/gpt-4o', true);
    const body = (await response.json()) as { error: { message: string } };
    report('headers then stalled stream -> 504 after bodyIdleMs 1500', ms);
    expect(response.status).toBe(504);
    expect(body.error.message).toMatch(/timeout|sent nothing of the response body for 1500 ms/i);
    expect(ms).toBeLessThan(4_500);

    openai.failNext({ stallAfterHeaders: true });
    const config = JSON.stringify({ strategy: { mode: 'fallback' }, targets: [{ provider: '@flaky' }, { provider: '@backup' }] });
    const fallback = await chat('gpt-4o', true, { 'x-switchyard-config': config });
    const text = await fallback.response.text();
    report('stalled stream -> fallback answered', fallback.ms);
    expect(fallback.response.status).toBe(200);
    expect(fallback.response.headers.get('x-switchyard-provider')).toBe('backup');
    expect(text).toContain('[DONE]');
  });

  it('a stream cut mid-way ends with the format\'s error event, never a clean end', async () => {
    openai.reset();
    openai.failNext({ cutAfterEvents: 2 });
    const started = performance.now();
    const { response } = await chat('@flaky/gpt-4o', true);
    const text = await response.text();
    const ms = performance.now() - started;
    report('stream cut mid-way -> error event', ms);
    expect(response.status).toBe(200);
    expect(text).toContain('"content":"');
    expect(text).not.toContain('[DONE]');
    expect(text).toMatch(/data: \{"error":\{"message":"[^"]*(lost the connection|ECONNRESET|UND_ERR_SOCKET|terminated)/);
  });

  it('an error event inside a 200 stream reaches the client as an error, never as a clean end', async () => {
    anthropic.replayNext({
      body:
        'event: message_start\ndata: {"type":"message_start","message":{"id":"msg_1","type":"message","role":"assistant","model":"claude-x","content":[],"stop_reason":null,"stop_sequence":null,"usage":{"input_tokens":3,"output_tokens":1}}}\n\n' +
        'event: content_block_start\ndata: {"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}\n\n' +
        'event: content_block_delta\ndata: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Hel"}}\n\n' +
        'event: error\ndata: {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}\n\n',
    });
    const { response, ms } = await chat('@claude/claude-x', true);
    const text = await response.text();
    report('error event in 200 stream -> error event', ms);
    expect(response.status).toBe(200);
    expect(text).toContain('Hel');
    expect(text).toMatch(/"error":\{[^}]*"message":"[^"]*Overloaded/);
    expect(text).not.toContain('[DONE]');
  });

  it('an error event as the first thing of a 200 stream is an error status the client sees, and may fall back', async () => {
    anthropic.replayNext({ body: 'event: error\ndata: {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}\n\n' });
    const { response, ms } = await chat('@claude/claude-x', true);
    const body = (await response.json()) as { error: { message: string } };
    report('error event first in 200 stream -> status', ms);
    expect(response.status).toBeGreaterThanOrEqual(500);
    expect(body.error.message).toMatch(/Overloaded/);

    anthropic.replayNext({ body: 'event: error\ndata: {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}\n\n' });
    const config = JSON.stringify({ strategy: { mode: 'fallback' }, targets: [{ provider: '@claude', override_params: { model: 'claude-x' } }, { provider: '@backup' }] });
    const fallback = await chat('gpt-4o', true, { 'x-switchyard-config': config });
    expect(fallback.response.status).toBe(200);
    expect(fallback.response.headers.get('x-switchyard-provider')).toBe('backup');
    expect(await fallback.response.text()).toContain('[DONE]');
  });

  it('a slow trickle within the idle deadline completes; one slower than it is cut with a timeout', async () => {
    const events = Array.from({ length: 4 }, (_, index) =>
      `data: {"id":"c1","object":"chat.completion.chunk","created":1,"model":"gpt-4o","choices":[{"index":0,"delta":{"content":"w${index} "},"finish_reason":null}]}\n\n`,
    ).join('');
    openai.replayNext({ body: `${events}data: [DONE]\n\n`, chunkSize: 40, chunkDelayMs: 150 });
    const slow = await chat('@flaky/gpt-4o', true);
    const slowText = await slow.response.text();
    expect(slow.response.status).toBe(200);
    expect(slowText).toContain('[DONE]');

    openai.replayNext({ body: `${events}data: [DONE]\n\n`, chunkSize: 300, chunkDelayMs: 2_500 });
    const started = performance.now();
    const cut = await chat('@flaky/gpt-4o', true);
    const cutText = await cut.response.text();
    const ms = performance.now() - started;
    report('trickle slower than bodyIdleMs -> cut with timeout', ms);
    expect(cut.response.status).toBe(200);
    expect(cutText).not.toContain('[DONE]');
    expect(cutText).toMatch(/"error":\{"message":"[^"]*(1500 ms|timeout)/i);
    expect(ms).toBeLessThan(5_000);
  });

  it('a 302 from the upstream is never followed: 502 naming the redirect, nothing else contacted', async () => {
    const before = backup.received.length;
    openai.failNext({ status: 302, headers: { location: `${backup.url}/v1/chat/completions` }, body: '' });
    const { response } = await chat('@flaky/gpt-4o');
    const body = (await response.json()) as { error: { message: string } };
    expect(response.status).toBe(502);
    expect(response.headers.get('location')).toBeNull();
    expect(body.error.message).toMatch(/redirect/i);
    expect(backup.received.length).toBe(before);

    openai.failNext({ status: 302, headers: { location: 'http://169.254.169.254/latest/meta-data/' }, body: '' });
    const metadata = await chat('@flaky/gpt-4o');
    expect(metadata.response.status).toBe(502);
    expect(metadata.response.headers.get('location')).toBeNull();
  });
});

describe('default deadlines', () => {
  it('are set for connect, first byte and idle between chunks', async () => {
    const { defaultUpstreamTimeouts } = await import('@switchyard/server');
    expect(defaultUpstreamTimeouts.connectMs).toBeGreaterThan(0);
    expect(defaultUpstreamTimeouts.connectMs).toBeLessThanOrEqual(30_000);
    expect(defaultUpstreamTimeouts.headersMs).toBeGreaterThan(0);
    expect(defaultUpstreamTimeouts.bodyIdleMs).toBeGreaterThan(0);
    expect(defaultUpstreamTimeouts.bodyIdleMs).toBeLessThanOrEqual(600_000);
  });
});

async function timed(run: () => Promise<Response>): Promise<{ response: Response; ms: number }> {
  const started = performance.now();
  const response = await run();
  return { response, ms: performance.now() - started };
}

function report(check: string, ms: number): void {
  console.log(`[reliability] ${check}: ${Math.round(ms)} ms`);
}

async function unusedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
