import Anthropic from '@anthropic-ai/sdk';
import { type OpenAIMock, startOpenAIMock } from '@switchyard/testkit';
import OpenAI from 'openai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type TestGateway, startTestGateway } from './start-test-gateway.js';

// Output guardrails on streamed answers: each stream policy with each client format, read with
// the official SDKs' stream helpers. The testkit OpenAI mock streams "echo: <prompt>" one word
// per chunk, so the e-mail address in the prompt comes back inside the answer.
let upstream: OpenAIMock;
let gateway: TestGateway;

const redactEmails = [{ id: 'answer-pii', 'switchyard.pii': { redact: true, categories: ['email'] } }];
const noForbidden = [{ id: 'no-forbidden', deny: true, 'default.contains': { words: ['forbidden'], operator: 'none' } }];

beforeAll(async () => {
  upstream = await startOpenAIMock({ apiKey: 'sk-upstream' });
  gateway = await startTestGateway({
    providers: { gpt: { adapter: 'openai', apiKey: 'sk-upstream', baseURL: upstream.baseURL } },
    configs: {
      buffer: { output_guardrails: redactEmails, guardrails_stream: 'buffer' },
      window: { output_guardrails: redactEmails, guardrails_stream: { policy: 'window', holdback: 24 } },
      audit: { output_guardrails: redactEmails, guardrails_stream: 'audit' },
      'window-block': { output_guardrails: noForbidden, guardrails_stream: { policy: 'window', holdback: 16 } },
      'buffer-block': { output_guardrails: noForbidden },
    },
  });
});
afterAll(async () => {
  await gateway?.close();
  await upstream?.close();
});
beforeEach(() => {
  upstream.reset();
  gateway.records.length = 0;
});

const model = '@gpt/gpt-4o-mini';
const headers = (config: string) => ({ 'x-switchyard-config': config });

/** Streams one prompt in a client format with its SDK; returns the text as the SDK assembled it, or the text seen before the SDK threw. */
const streamWith: Record<'chat' | 'responses' | 'messages', (config: string, prompt: string) => Promise<{ text: string; error?: any }>> = {
  async chat(config, prompt) {
    const client = new OpenAI({ baseURL: `${gateway.url}/v1`, apiKey: 'unused', maxRetries: 0, defaultHeaders: headers(config) });
    let text = '';
    try {
      const stream = client.chat.completions.stream({ model, messages: [{ role: 'user', content: prompt }] });
      stream.on('content', (delta) => (text += delta));
      const final = await stream.finalChatCompletion();
      expect(final.choices[0]!.message.content).toBe(text);
      return { text };
    } catch (error) {
      return { text, error };
    }
  },
  async responses(config, prompt) {
    const client = new OpenAI({ baseURL: `${gateway.url}/v1`, apiKey: 'unused', maxRetries: 0, defaultHeaders: headers(config) });
    let text = '';
    try {
      const stream = client.responses.stream({ model, input: prompt, store: false });
      stream.on('response.output_text.delta', (event) => (text += event.delta));
      const final = await stream.finalResponse();
      expect(final.output_text).toBe(text);
      return { text };
    } catch (error) {
      return { text, error };
    }
  },
  async messages(config, prompt) {
    const client = new Anthropic({ baseURL: gateway.url, apiKey: 'unused', maxRetries: 0, defaultHeaders: headers(config) });
    let text = '';
    try {
      const stream = client.messages.stream({ model, max_tokens: 200, messages: [{ role: 'user', content: prompt }] });
      stream.on('text', (delta) => (text += delta));
      const final = await stream.finalMessage();
      expect(final.content.flatMap((block) => (block.type === 'text' ? [block.text] : [])).join('')).toBe(text);
      return { text };
    } catch (error) {
      return { text, error };
    }
  },
};

/** The error's own message: Anthropic's SDK keeps the `{ type: "error", error: {…} }` event body in `error.error`. */
const messageOf = (error: any): string => error?.error?.error?.message ?? error?.message ?? '';

const prompt = 'please write back to ada.lovelace@example.com about the engine drawings';
const formats = ['chat', 'responses', 'messages'] as const;

describe.each(formats)('%s stream', (format) => {
  it('buffer: the SDK gets the redacted answer; the log says redacted', async () => {
    const result = await streamWith[format]('buffer', prompt);
    expect(result.error).toBeUndefined();
    expect(result.text).toBe('echo: please write back to [EMAIL] about the engine drawings');
    expect(upstream.received[0]!.body).toContain('ada.lovelace@example.com');
    expect(gateway.records[0]!.guardrails).toEqual([expect.objectContaining({ phase: 'output', set: 'answer-pii', action: 'redacted' })]);
  });

  it('window: the SDK gets the redacted answer as it streams', async () => {
    const result = await streamWith[format]('window', prompt);
    expect(result.error).toBeUndefined();
    expect(result.text).toBe('echo: please write back to [EMAIL] about the engine drawings');
    expect(gateway.records[0]!.guardrails![0]).toMatchObject({ set: 'answer-pii', verdict: 'redacted' });
  });

  it('audit: the answer streams untouched, the log flags it', async () => {
    const result = await streamWith[format]('audit', prompt);
    expect(result.error).toBeUndefined();
    expect(result.text).toBe(`echo: ${prompt}`);
    expect(gateway.records[0]!.guardrails![0]).toMatchObject({ set: 'answer-pii', verdict: 'fail', action: 'flagged' });
  });

  it('window: a block after text went out ends the stream with the format’s error event', async () => {
    const result = await streamWith[format]('window-block', 'alpha beta gamma delta epsilon zeta eta theta iota kappa forbidden lambda mu');
    expect(result.text.startsWith('echo: alpha beta')).toBe(true);
    expect(result.text).not.toContain('forbidden');
    expect(result.error).toBeDefined();
    expect(messageOf(result.error)).toContain('guardrail "no-forbidden"');
    expect(gateway.records[0]).toMatchObject({ errorKind: 'invalid_request', incomplete: true });
  });

  it('buffer (the default when a check may block): a block is a plain 422 before any byte', async () => {
    const result = await streamWith[format]('buffer-block', 'say forbidden things');
    expect(result.text).toBe('');
    expect(result.error?.status).toBe(422);
    expect(messageOf(result.error)).toContain('default.contains');
  });
});
