import { createHash, createHmac } from 'node:crypto';
import { type AwsEventStreamMessage, createAwsEventStreamDecoder } from '@switchyard/core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type BedrockMock, bedrockErrorFault, startBedrockMock } from './bedrock-mock.js';
import { fixturesFor } from './fixtures.js';
import { mockReasoningSignature } from './plan-bedrock-reply.js';
import { recordedAnswer } from './recorded-answer.js';

const keys = { accessKeyId: 'AKIAMOCKEXAMPLE', secretAccessKey: 'mock/secret+KEY', region: 'us-east-1' };

// A deliberately plain SigV4 signer for these tests; `encodeTwice: false` reproduces the classic
// Bedrock bug (signing the wire path as is), which the mock must reject.
function sign(url: URL, body: string, secret: string, options: { encodeTwice?: boolean; accessKeyId?: string } = {}): Record<string, string> {
  const amzDate = new Date().toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
  const day = amzDate.slice(0, 8);
  const hash = (text: string) => createHash('sha256').update(text).digest('hex');
  const encode = (segment: string) => encodeURIComponent(segment).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  const path = options.encodeTwice === false ? url.pathname : url.pathname.split('/').map(encode).join('/');
  const payloadHash = hash(body);
  const canonical = ['POST', path, '', `host:${url.host}`, `x-amz-content-sha256:${payloadHash}`, `x-amz-date:${amzDate}`, '', 'host;x-amz-content-sha256;x-amz-date', payloadHash].join('\n');
  const scope = `${day}/${keys.region}/bedrock/aws4_request`;
  let key: Buffer = createHmac('sha256', `AWS4${secret}`).update(day).digest();
  for (const part of [keys.region, 'bedrock', 'aws4_request']) key = createHmac('sha256', key).update(part).digest();
  const signature = createHmac('sha256', key).update(`AWS4-HMAC-SHA256\n${amzDate}\n${scope}\n${hash(canonical)}`).digest('hex');
  return {
    'content-type': 'application/json',
    'x-amz-date': amzDate,
    'x-amz-content-sha256': payloadHash,
    authorization: `AWS4-HMAC-SHA256 Credential=${options.accessKeyId ?? keys.accessKeyId}/${scope}, SignedHeaders=host;x-amz-content-sha256;x-amz-date, Signature=${signature}`,
  };
}

describe('startBedrockMock', () => {
  let mock: BedrockMock;

  async function call(model: string, body: object, options: { stream?: boolean; secret?: string; encodeTwice?: boolean; headers?: Record<string, string>; accessKeyId?: string } = {}) {
    const url = new URL(`${mock.baseURL}/model/${encodeURIComponent(model)}/${options.stream ? 'converse-stream' : 'converse'}`);
    const text = JSON.stringify(body);
    const headers = options.headers ?? sign(url, text, options.secret ?? keys.secretAccessKey, options);
    return fetch(url, { method: 'POST', headers, body: text });
  }

  async function streamMessages(response: Response): Promise<AwsEventStreamMessage[]> {
    const decoder = createAwsEventStreamDecoder();
    const messages = decoder.push(new Uint8Array(await response.arrayBuffer()));
    return [...messages, ...decoder.end()];
  }

  const jsonOf = (response: Response): Promise<any> => response.json();
  const payloadOf = (message: AwsEventStreamMessage) => JSON.parse(new TextDecoder().decode(message.payload));
  const hello = { messages: [{ role: 'user', content: [{ text: 'hello bedrock' }] }] };

  beforeAll(async () => {
    mock = await startBedrockMock({ ...keys, apiKey: 'ABSKmockkey', models: ['anthropic.claude-3-5-sonnet-20240620-v1:0', 'us.amazon.nova-micro-v1:0'] });
  });
  afterAll(async () => {
    await mock?.close();
  });
  beforeEach(() => mock.reset());

  it('accepts a request signed with the right secret over the double-encoded model id path', async () => {
    const response = await call('anthropic.claude-3-5-sonnet-20240620-v1:0', hello);
    expect(response.status).toBe(200);
    expect(response.headers.get('x-amzn-requestid')).toMatch(/^00000000-0000-4000-8000-\d{12}$/);
    expect(await jsonOf(response)).toEqual({
      metrics: { latencyMs: 1 },
      output: { message: { role: 'assistant', content: [{ text: 'echo: hello bedrock' }] } },
      stopReason: 'end_turn',
      usage: { inputTokens: 2, outputTokens: 3, totalTokens: 5 },
    });
    expect(mock.received[0]!.path).toBe('/model/anthropic.claude-3-5-sonnet-20240620-v1%3A0/converse');
  });

  it('rejects a wrong secret with AWS 403 InvalidSignatureException', async () => {
    const response = await call('anthropic.claude-3-5-sonnet-20240620-v1:0', hello, { secret: 'wrong-secret' });
    expect(response.status).toBe(403);
    expect(response.headers.get('x-amzn-errortype')).toMatch(/^InvalidSignatureException:/);
    expect((await jsonOf(response)).message).toMatch(/^The request signature we calculated does not match/);
  });

  it('rejects a signature over the single-encoded path (the classic Bedrock signing bug)', async () => {
    const response = await call('anthropic.claude-3-5-sonnet-20240620-v1:0', hello, { encodeTwice: false });
    expect(response.status).toBe(403);
    expect(response.headers.get('x-amzn-errortype')).toMatch(/^InvalidSignatureException:/);
  });

  it('rejects an unknown access key, no signature, and accepts only the right API key', async () => {
    const unknown = await call('us.amazon.nova-micro-v1:0', hello, { accessKeyId: 'AKIAUNKNOWN' });
    expect(unknown.status).toBe(403);
    expect(unknown.headers.get('x-amzn-errortype')).toMatch(/^UnrecognizedClientException:/);
    const unsigned = await call('us.amazon.nova-micro-v1:0', hello, { headers: { 'content-type': 'application/json' } });
    expect(unsigned.status).toBe(403);
    const bearer = await call('us.amazon.nova-micro-v1:0', hello, { headers: { authorization: 'Bearer ABSKmockkey', 'content-type': 'application/json' } });
    expect(bearer.status).toBe(200);
    const wrongBearer = await call('us.amazon.nova-micro-v1:0', hello, { headers: { authorization: 'Bearer nope', 'content-type': 'application/json' } });
    expect(wrongBearer.status).toBe(403);
  });

  it('answers an unknown model and a malformed conversation as Bedrock does', async () => {
    const unknown = await call('invalid-model-id', hello);
    expect(unknown.status).toBe(400);
    expect(unknown.headers.get('x-amzn-errortype')).toMatch(/^ValidationException:/);
    expect(await jsonOf(unknown)).toEqual({ message: 'The provided model identifier is invalid.' });

    const twoUsers = await call('us.amazon.nova-micro-v1:0', { messages: [...hello.messages, ...hello.messages] });
    expect(twoUsers.status).toBe(400);
    expect((await jsonOf(twoUsers)).message).toMatch(/must alternate between user and assistant/);
  });

  it('streams real event-stream messages with padding, metadata after messageStop', async () => {
    const response = await call('us.amazon.nova-micro-v1:0', hello, { stream: true });
    expect(response.headers.get('content-type')).toBe('application/vnd.amazon.eventstream');
    const messages = await streamMessages(response);
    expect(messages.map((message) => message.headers[':event-type'])).toEqual([
      'messageStart',
      'contentBlockDelta',
      'contentBlockDelta',
      'contentBlockDelta',
      'contentBlockStop',
      'messageStop',
      'metadata',
    ]);
    for (const message of messages) {
      expect(message.headers[':message-type']).toBe('event');
      expect(typeof payloadOf(message).p).toBe('string');
    }
    expect(messages.slice(1, 4).map((message) => payloadOf(message).delta.text).join('')).toBe('echo: hello bedrock');
    expect(payloadOf(messages[6]!).usage).toEqual({ inputTokens: 2, outputTokens: 3, totalTokens: 5 });
  });

  it('calls every tool in parallel when asked to "call tools", and echoes a tool result', async () => {
    const toolConfig = {
      tools: [
        { toolSpec: { name: 'get_weather', inputSchema: { json: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] } } } },
        { toolSpec: { name: 'get_time', inputSchema: { json: { type: 'object', properties: {} } } } },
      ],
    };
    const first = await jsonOf(await call('us.amazon.nova-micro-v1:0', { messages: [{ role: 'user', content: [{ text: 'please call tools' }] }], toolConfig }));
    expect(first.stopReason).toBe('tool_use');
    expect(first.output.message.content).toEqual([
      { toolUse: { toolUseId: 'tooluse_mock0', name: 'get_weather', input: { city: 'city' } } },
      { toolUse: { toolUseId: 'tooluse_mock1', name: 'get_time', input: {} } },
    ]);
    const followUp = await call('us.amazon.nova-micro-v1:0', {
      toolConfig,
      messages: [
        { role: 'user', content: [{ text: 'please call tools' }] },
        first.output.message,
        {
          role: 'user',
          content: [
            { toolResult: { toolUseId: 'tooluse_mock0', content: [{ text: 'sunny' }] } },
            { toolResult: { toolUseId: 'tooluse_mock1', content: [{ text: 'noon' }] } },
          ],
        },
      ],
    });
    expect((await jsonOf(followUp)).output.message.content).toEqual([{ text: 'echo: noon' }]);
  });

  it('thinks with a signature when thinking is on, and checks the signature sent back', async () => {
    const thinking = { additionalModelRequestFields: { thinking: { type: 'enabled', budget_tokens: 1024 } } };
    const answer = await jsonOf(await call('anthropic.claude-3-5-sonnet-20240620-v1:0', { ...hello, ...thinking }));
    const reasoning = answer.output.message.content[0].reasoningContent.reasoningText;
    expect(reasoning).toEqual({ text: 'thinking about: hello bedrock', signature: mockReasoningSignature('thinking about: hello bedrock') });

    const history = (signature: string) => ({
      ...thinking,
      messages: [
        ...hello.messages,
        { role: 'assistant', content: [{ reasoningContent: { reasoningText: { ...reasoning, signature } } }, { text: 'hi' }] },
        { role: 'user', content: [{ text: 'again' }] },
      ],
    });
    expect((await call('anthropic.claude-3-5-sonnet-20240620-v1:0', history(reasoning.signature))).status).toBe(200);
    const tampered = await call('anthropic.claude-3-5-sonnet-20240620-v1:0', history('forged'));
    expect(tampered.status).toBe(400);
    expect((await jsonOf(tampered)).message).toMatch(/Invalid `signature`/);
  });

  it('answers structured output with a sample of the schema', async () => {
    const schema = { type: 'object', properties: { city: { type: 'string' }, population: { type: 'integer' } }, required: ['city', 'population'] };
    const answer = await jsonOf(
      await call('us.amazon.nova-micro-v1:0', {
        ...hello,
        outputConfig: { textFormat: { type: 'json_schema', structure: { jsonSchema: { schema: JSON.stringify(schema), name: 'city' } } } },
      }),
    );
    expect(JSON.parse(answer.output.message.content[0].text)).toEqual({ city: 'city', population: 0 });
  });

  it('sends a mid-stream exception message, a cut frame and a corrupt frame on request', async () => {
    mock.failStreamNext({ exceptionAfterEvents: 2, exceptionType: 'modelStreamErrorException', message: 'boom' }, { cutAfterEvents: 3 }, { corruptAfterEvents: 1 });
    const excepted = await streamMessages(await call('us.amazon.nova-micro-v1:0', hello, { stream: true }));
    expect(excepted).toHaveLength(3);
    expect(excepted[2]!.headers).toMatchObject({ ':message-type': 'exception', ':exception-type': 'modelStreamErrorException' });
    expect(payloadOf(excepted[2]!)).toEqual({ message: 'boom' });

    await expect(streamMessages(await call('us.amazon.nova-micro-v1:0', hello, { stream: true }))).rejects.toThrow(/ended in the middle of a message/);
    await expect(streamMessages(await call('us.amazon.nova-micro-v1:0', hello, { stream: true }))).rejects.toThrow(/CRC mismatch/);
  });

  it('answers Bedrock-shaped error faults', async () => {
    mock.failNext(bedrockErrorFault('ThrottlingException', 429, 'Too many requests, please wait before trying again.'));
    const response = await call('us.amazon.nova-micro-v1:0', hello);
    expect(response.status).toBe(429);
    expect(response.headers.get('x-amzn-errortype')).toBe('ThrottlingException:http://internal.amazon.com/coral/com.amazon.bedrock/');
    expect(await jsonOf(response)).toEqual({ message: 'Too many requests, please wait before trying again.' });
  });

  const lookup = fixturesFor('bedrock-converse');
  it.skipIf(!lookup.found)('replays recorded event-stream bytes exactly', async () => {
    if (!lookup.found) return;
    const answer = recordedAnswer(lookup.fixtures, 'text-stream', { chunkSize: 7 });
    mock.replayNext(answer);
    const response = await call('anthropic.claude-3-5-sonnet-20240620-v1:0', hello, { stream: true });
    expect(response.headers.get('x-amzn-requestid')).toBe('9af309ad-7b17-496d-997a-8ea2820e860d');
    expect(Buffer.from(await response.arrayBuffer())).toEqual(lookup.fixtures.bytes('text-stream.eventstream'));
  });
});
