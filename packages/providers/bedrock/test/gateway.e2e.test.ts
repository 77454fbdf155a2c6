import type { ChatRequest } from '@switchyard/core';
import { type ServingGateway, serveGatewayForAdapters } from '@switchyard/server';
import {
  type BedrockMock,
  type TestCallContext,
  bedrockErrorFault,
  createTestCallContext,
  mockReasoningSignature,
  readChatCompletionStream,
  readChatCompletionStreamFailure,
  startBedrockMock,
  verifyAwsSignature,
} from '@switchyard/testkit';
import OpenAI from 'openai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createBedrockProvider } from '../src/index.js';

// The whole path: the official openai SDK -> the gateway's /v1/chat/completions -> the Bedrock
// adapter (SigV4-signed Converse / ConverseStream) -> the testkit Bedrock mock on loopback,
// which verifies every signature with its own verifier.
const keys = { accessKeyId: 'AKIAE2EEXAMPLE', secretAccessKey: 'e2e/Secret+Key', region: 'us-west-2' };
const claude = 'anthropic.claude-3-5-sonnet-20240620-v1:0';
const claudeThinking = 'us.anthropic.claude-sonnet-4-20250514-v1:0';
const pngBase64 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8/5+hHgAHggJ/PchI7wAAAABJRU5ErkJggg==';

describe('openai SDK through the gateway to Bedrock', () => {
  let upstream: BedrockMock;
  let gateway: ServingGateway;
  let client: OpenAI;

  beforeAll(async () => {
    upstream = await startBedrockMock({ ...keys, models: [claude, claudeThinking] });
    gateway = await serveGatewayForAdapters({
      adapters: [createBedrockProvider()],
      entries: [
        { slug: 'bedrock-test', adapter: 'bedrock', settings: { baseURL: upstream.baseURL, options: keys } },
        { slug: 'bedrock-wrong-secret', adapter: 'bedrock', settings: { baseURL: upstream.baseURL, options: { ...keys, secretAccessKey: 'not-the-secret' } } },
      ],
    });
    client = new OpenAI({ baseURL: `${gateway.url}/v1`, apiKey: 'not-a-provider-key', maxRetries: 0 });
  });
  afterAll(async () => {
    await gateway?.close();
    await upstream?.close();
  });
  beforeEach(() => upstream.reset());

  const received = () => upstream.received.at(-1)!;
  const expectSigned = () => expect(verifyAwsSignature(received(), { ...keys, service: 'bedrock' })).toEqual({ ok: true });

  it('answers a text completion with system and developer messages, signed with SigV4', async () => {
    const { data: completion, response } = await client.chat.completions
      .create({
        model: `@bedrock-test/${claude}`,
        messages: [
          { role: 'system', content: 'be brief' },
          { role: 'developer', content: 'answer in English' },
          { role: 'user', content: 'hello bedrock' },
        ],
        temperature: 0.2,
        max_tokens: 50,
        stop: ['STOP'],
      })
      .withResponse();
    expect(completion.choices[0]!.message.content).toBe('echo: hello bedrock');
    expect(completion.choices[0]!.finish_reason).toBe('stop');
    expect(completion.id).toMatch(/^00000000-0000-4000-8000-/);
    expect(completion.usage).toMatchObject({ prompt_tokens: 7, completion_tokens: 3, total_tokens: 10 });
    expect(response.headers.get('x-switchyard-warnings')).toBeNull();

    expect(received().path).toBe('/model/anthropic.claude-3-5-sonnet-20240620-v1%3A0/converse');
    expect(received().headers.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIAE2EEXAMPLE\/\d{8}\/us-west-2\/bedrock\/aws4_request, SignedHeaders=host;x-amz-content-sha256;x-amz-date, Signature=/);
    expectSigned();
    expect(received().json).toEqual({
      messages: [{ role: 'user', content: [{ text: 'hello bedrock' }] }],
      system: [{ text: 'be brief' }, { text: 'answer in English' }],
      inferenceConfig: { maxTokens: 50, temperature: 0.2, stopSequences: ['STOP'] },
    });
  });

  it('streams a completion from binary event-stream messages, usage included', async () => {
    const stream = await client.chat.completions.create({
      model: `@bedrock-test/${claude}`,
      messages: [{ role: 'user', content: 'stream these four words' }],
      stream: true,
      stream_options: { include_usage: true },
    });
    const { text, finish, usage } = await readChatCompletionStream(stream);
    expect(text).toBe('echo: stream these four words');
    expect(finish).toBe('stop');
    expect(usage).toMatchObject({ prompt_tokens: 4, completion_tokens: 5, total_tokens: 9 });
    expect(received().path).toBe('/model/anthropic.claude-3-5-sonnet-20240620-v1%3A0/converse-stream');
    expectSigned();
  });

  it('carries parallel tool calls (streamed) and the follow-up tool-result turn', async () => {
    const tools: OpenAI.ChatCompletionTool[] = [
      { type: 'function', function: { name: 'get_weather', parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] } } },
      { type: 'function', function: { name: 'get_time', parameters: { type: 'object', properties: {} } } },
    ];
    const runner = client.chat.completions.stream({ model: `@bedrock-test/${claude}`, messages: [{ role: 'user', content: 'please call tools' }], tools });
    const first = await runner.finalChatCompletion();
    const calls = first.choices[0]!.message.tool_calls!;
    expect(first.choices[0]!.finish_reason).toBe('tool_calls');
    expect(calls.map((call) => call.type === 'function' && [call.id, call.function.name, call.function.arguments])).toEqual([
      ['tooluse_mock0', 'get_weather', '{"city":"city"}'],
      ['tooluse_mock1', 'get_time', '{}'],
    ]);
    expect(received().json.toolConfig).toEqual({
      tools: [
        { toolSpec: { name: 'get_weather', inputSchema: { json: tools[0]!.type === 'function' ? tools[0]!.function.parameters : {} } } },
        { toolSpec: { name: 'get_time', inputSchema: { json: { type: 'object', properties: {} } } } },
      ],
    });

    const followUp = await client.chat.completions.create({
      model: `@bedrock-test/${claude}`,
      tools,
      messages: [
        { role: 'user', content: 'please call tools' },
        first.choices[0]!.message,
        { role: 'tool', tool_call_id: calls[0]!.id, content: 'sunny in Paris' },
        { role: 'tool', tool_call_id: calls[1]!.id, content: 'it is noon' },
      ],
    });
    expect(followUp.choices[0]!.message.content).toBe('echo: it is noon');
    // Both tool results in one user turn, after the assistant's toolUse turn (Bedrock wants alternation).
    expect(received().json.messages).toEqual([
      { role: 'user', content: [{ text: 'please call tools' }] },
      {
        role: 'assistant',
        content: [
          { toolUse: { toolUseId: 'tooluse_mock0', name: 'get_weather', input: { city: 'city' } } },
          { toolUse: { toolUseId: 'tooluse_mock1', name: 'get_time', input: {} } },
        ],
      },
      {
        role: 'user',
        content: [
          { toolResult: { toolUseId: 'tooluse_mock0', content: [{ text: 'sunny in Paris' }] } },
          { toolResult: { toolUseId: 'tooluse_mock1', content: [{ text: 'it is noon' }] } },
        ],
      },
    ]);
  });

  it('sends a data-URL image as bytes, and refuses an https image URL without calling Bedrock', async () => {
    const completion = await client.chat.completions.create({
      model: `@bedrock-test/${claude}`,
      messages: [
        {
          role: 'user',
          content: [
            { type: 'text', text: 'what is this' },
            { type: 'image_url', image_url: { url: `data:image/png;base64,${pngBase64}` } },
          ],
        },
      ],
    });
    expect(completion.choices[0]!.message.content).toBe('echo: what is this');
    expect(received().json.messages[0].content).toEqual([{ text: 'what is this' }, { image: { format: 'png', source: { bytes: pngBase64 } } }]);

    const before = upstream.received.length;
    const refused = await client.chat.completions
      .create({
        model: `@bedrock-test/${claude}`,
        messages: [{ role: 'user', content: [{ type: 'image_url', image_url: { url: 'https://example.com/cat.png' } }] }],
      })
      .catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(OpenAI.BadRequestError);
    expect((refused as InstanceType<typeof OpenAI.BadRequestError>).message).toMatch(/not a URL/);
    expect(upstream.received.length).toBe(before);
  });

  it('thinks (reasoning_content back, streamed and not) and warns when unsigned reasoning comes back next turn', async () => {
    const { data: completion, response } = await client.chat.completions
      .create({ model: `@bedrock-test/${claudeThinking}`, messages: [{ role: 'user', content: 'think first' }], reasoning_effort: 'low' })
      .withResponse();
    const message = completion.choices[0]!.message as OpenAI.ChatCompletionMessage & { reasoning_content?: string };
    expect(message.reasoning_content).toBe('thinking about: think first');
    expect(message.content).toBe('echo: think first');
    expect(received().json.additionalModelRequestFields).toEqual({ thinking: { type: 'enabled', budget_tokens: 2048 } });
    expect(JSON.parse(response.headers.get('x-switchyard-warnings')!)).toEqual([
      expect.objectContaining({ type: 'default-applied', field: 'reasoning_effort' }),
    ]);

    const stream = await client.chat.completions.create({
      model: `@bedrock-test/${claudeThinking}`,
      messages: [{ role: 'user', content: 'think while streaming' }],
      reasoning_effort: 'low',
      stream: true,
    });
    const { reasoning, text } = await readChatCompletionStream(stream);
    expect(reasoning).toBe('thinking about: think while streaming');
    expect(text).toBe('echo: think while streaming');

    // Chat Completions has no place for signatures, so the reasoning comes back unsigned: Bedrock
    // would refuse it, so it is left out of the history, with a warning.
    const { response: next } = await client.chat.completions
      .create({
        model: `@bedrock-test/${claudeThinking}`,
        reasoning_effort: 'low',
        messages: [
          { role: 'user', content: 'think first' },
          { role: 'assistant', content: 'echo: think first', reasoning_content: 'thinking about: think first' } as OpenAI.ChatCompletionAssistantMessageParam,
          { role: 'user', content: 'and now?' },
        ],
      })
      .withResponse();
    expect(received().json.messages[1]).toEqual({ role: 'assistant', content: [{ text: 'echo: think first' }] });
    expect(JSON.parse(next.headers.get('x-switchyard-warnings')!)).toEqual(
      expect.arrayContaining([expect.objectContaining({ type: 'unsupported-value', field: 'messages[1].content[0]' })]),
    );
  });

  it('maps an upstream ValidationException and a throttling answer to the SDK errors', async () => {
    const invalid = await client.chat.completions
      .create({ model: '@bedrock-test/not-a-model', messages: [{ role: 'user', content: 'hi' }] })
      .catch((error: unknown) => error);
    expect(invalid).toBeInstanceOf(OpenAI.BadRequestError);
    expect((invalid as InstanceType<typeof OpenAI.APIError>).message).toMatch(/The provided model identifier is invalid\./);

    upstream.failNext(bedrockErrorFault('ThrottlingException', 429, 'Too many requests, please wait before trying again.'));
    const throttled = await client.chat.completions
      .create({ model: `@bedrock-test/${claude}`, messages: [{ role: 'user', content: 'hi' }] })
      .catch((error: unknown) => error);
    expect(throttled).toBeInstanceOf(OpenAI.RateLimitError);
    expect((throttled as InstanceType<typeof OpenAI.APIError>).status).toBe(429);
  });

  it('is refused by Bedrock with a wrong secret, and per-request AWS headers override the entry', async () => {
    const refused = await client.chat.completions
      .create({ model: `@bedrock-wrong-secret/${claude}`, messages: [{ role: 'user', content: 'hi' }] })
      .catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(OpenAI.APIError);
    expect((refused as InstanceType<typeof OpenAI.APIError>).status).toBe(403);
    expect((refused as InstanceType<typeof OpenAI.APIError>).message).toMatch(/signature we calculated does not match/);

    const completion = await client.chat.completions.create(
      { model: `@bedrock-wrong-secret/${claude}`, messages: [{ role: 'user', content: 'with headers' }] },
      { headers: { 'x-portkey-aws-access-key-id': keys.accessKeyId, 'x-switchyard-aws-secret-access-key': keys.secretAccessKey } },
    );
    expect(completion.choices[0]!.message.content).toBe('echo: with headers');
    expectSigned();
  });

  it('ends the SDK stream with an exception on a mid-stream Bedrock exception', async () => {
    upstream.failStreamNext({ exceptionAfterEvents: 3, exceptionType: 'modelStreamErrorException', message: 'The model stream failed.' });
    const stream = await client.chat.completions.create({
      model: `@bedrock-test/${claude}`,
      messages: [{ role: 'user', content: 'this stream breaks' }],
      stream: true,
    });
    const { text, error: failure } = await readChatCompletionStreamFailure(stream);
    expect(text).toBe('echo: this');
    expect(failure).toBeInstanceOf(OpenAI.APIError);
    expect((failure as Error).message).toMatch(/The model stream failed\./);
  });

  it('ends the SDK stream with an exception when the event stream is cut mid-frame', async () => {
    upstream.failStreamNext({ cutAfterEvents: 2 });
    const stream = await client.chat.completions.create({
      model: `@bedrock-test/${claude}`,
      messages: [{ role: 'user', content: 'this stream is cut' }],
      stream: true,
    });
    const { error: failure } = await readChatCompletionStreamFailure(stream);
    expect(failure).toBeInstanceOf(OpenAI.APIError);
    expect((failure as Error).message).toMatch(/ended in the middle of a message/);
  });
});

describe('reasoning round trip through the adapter (no client format in between)', () => {
  let upstream: BedrockMock;
  let testCall: TestCallContext;
  const adapter = createBedrockProvider();
  const context = () => testCall.context;

  beforeAll(async () => {
    upstream = await startBedrockMock(keys);
    testCall = createTestCallContext({ settings: { baseURL: upstream.baseURL, options: keys } });
  });
  afterAll(async () => {
    await upstream?.close();
    await testCall?.close();
  });

  it('sends the signed reasoning of a tool-calling turn back unchanged, so multi-turn tool use with thinking works', async () => {
    const tools: ChatRequest['tools'] = [{ name: 'lookup', parameters: { type: 'object', properties: { q: { type: 'string' } }, required: ['q'] } }];
    const first: ChatRequest = {
      model: claudeThinking,
      stream: true,
      reasoning: { budgetTokens: 1024 },
      tools,
      messages: [{ role: 'user', content: [{ type: 'text', text: 'please call tools' }] }],
    };
    // Streamed: the signature arrives as its own reasoning delta and must be kept.
    const started = await adapter.chat.stream(first, context());
    let reasoningText = '';
    let signature: string | undefined;
    let call: { id: string; name: string; arguments: string } | undefined;
    for await (const event of started.events) {
      if (event.type === 'reasoning-delta') {
        reasoningText += event.delta;
        signature = event.signature ?? signature;
      } else if (event.type === 'tool-call-start') call = { id: event.id, name: event.name, arguments: '' };
      else if (event.type === 'tool-call-delta') call!.arguments += event.argumentsDelta;
    }
    expect(signature).toBe(mockReasoningSignature(reasoningText));
    expect(call).toEqual({ id: 'tooluse_mock0', name: 'lookup', arguments: '{"q":"q"}' });

    const second = await adapter.chat.generate(
      {
        ...first,
        stream: false,
        messages: [
          ...first.messages,
          {
            role: 'assistant',
            content: [
              { type: 'reasoning', text: reasoningText, signature, provider: 'bedrock' },
              { type: 'tool-call', ...call! },
            ],
          },
          { role: 'tool', content: [{ type: 'tool-result', toolCallId: call!.id, content: [{ type: 'text', text: 'found it' }] }] },
        ],
      },
      context(),
    );
    // The mock refuses a reasoning block whose signature does not match: this answer proves it came back intact.
    expect(second.content).toEqual([
      { type: 'reasoning', text: 'thinking about: found it', signature: mockReasoningSignature('thinking about: found it'), provider: 'bedrock' },
      { type: 'text', text: 'echo: found it' },
    ]);
    expect(upstream.received.at(-1)!.json.messages[1].content[0]).toEqual({ reasoningContent: { reasoningText: { text: reasoningText, signature } } });
  });

  it('sends redacted reasoning back as redactedContent', async () => {
    const answer = await adapter.chat.generate(
      { model: claudeThinking, stream: false, reasoning: { budgetTokens: 1024 }, messages: [{ role: 'user', content: [{ type: 'text', text: 'please redact' }] }] },
      context(),
    );
    const redacted = answer.content[0]!;
    expect(redacted).toMatchObject({ type: 'reasoning', text: '', redactedData: expect.any(String), provider: 'bedrock' });
    await adapter.chat.generate(
      {
        model: claudeThinking,
        stream: false,
        reasoning: { budgetTokens: 1024 },
        messages: [
          { role: 'user', content: [{ type: 'text', text: 'please redact' }] },
          { role: 'assistant', content: answer.content },
          { role: 'user', content: [{ type: 'text', text: 'again' }] },
        ],
      },
      context(),
    );
    expect(upstream.received.at(-1)!.json.messages[1].content[0]).toEqual({
      reasoningContent: { redactedContent: (redacted as { redactedData: string }).redactedData },
    });
  });
});
