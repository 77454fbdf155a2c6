import { type ChatRequest, type ChatResponse, type StreamEvent, UpstreamError, encodeAwsEventStreamMessage } from '@switchyard/core';
import {
  type BedrockMock,
  type ProviderFixtures,
  type TestCallContext,
  collectStreamEvents,
  createTestCallContext,
  recordedBedrockAnswer,
  replaySuite,
  startBedrockMock,
  streamedReasoning,
  streamedText,
  verifyAwsSignature,
} from '@switchyard/testkit';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createBedrockProvider } from '../src/index.js';

const suite = replaySuite('bedrock-converse', 'Bedrock replay');

const keys = { accessKeyId: 'AKIAREPLAYEXAMPLE', secretAccessKey: 'replay/secret', region: 'us-east-1' };
const claude35 = 'anthropic.claude-3-5-sonnet-20240620-v1:0';
const claude4 = 'us.anthropic.claude-sonnet-4-20250514-v1:0';
const claude37 = 'us.anthropic.claude-3-7-sonnet-20250219-v1:0';
const claude45 = 'us.anthropic.claude-sonnet-4-5-20250929-v1:0';
const nova = 'us.amazon.nova-micro-v1:0';

const user = (text: string): ChatRequest['messages'][number] => ({ role: 'user', content: [{ type: 'text', text }] });
const thinking1024: Partial<ChatRequest> = { reasoning: { budgetTokens: 1024 } };

/**
 * The canonical request that produces each recorded request body. The recorders of pydantic-ai
 * always send `system: []`, `inferenceConfig: {}` and `toolChoice: { auto: {} }`; the adapter
 * leaves out what is empty or the default, so those are normalised away before comparing.
 */
function recordedRequests(fixtures: ProviderFixtures): Record<string, ChatRequest> {
  const cacheRead = fixtures.json('usage-cache-read.request.json');
  const cacheUser = cacheRead.messages[0].content;
  return {
    text: { model: claude35, stream: false, messages: [user('Hello, how are you?')] },
    'text-stream': { model: claude35, stream: true, messages: [user('Hello, how are you?')] },
    'error-400-validation': { model: 'invalid-model-id', stream: false, maxOutputTokens: 50, messages: [user('This should fail')] },
    'error-400-validation-stream': { model: 'invalid-streaming-model-id', stream: true, messages: [user('This streaming request should fail')] },
    'image-input': {
      model: claude35,
      stream: false,
      maxOutputTokens: 100,
      temperature: 0.1,
      messages: [
        {
          role: 'user',
          content: [
            { type: 'text', text: "What's in this image?" },
            {
              type: 'image',
              source: { type: 'url', url: 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8/5+hHgAHggJ/PchI7wAAAABJRU5ErkJggg==' },
            },
          ],
        },
      ],
    },
    'tool-use': {
      model: claude35,
      stream: false,
      maxOutputTokens: 100,
      temperature: 0.1,
      messages: [user('What is 15 * 23?')],
      tools: [
        {
          name: 'calculate',
          description: 'Perform mathematical calculations',
          parameters: {
            type: 'object',
            properties: { expression: { type: 'string', description: 'Mathematical expression to evaluate' } },
            required: ['expression'],
          },
        },
      ],
    },
    reasoning: { model: claude4, stream: false, ...thinking1024, messages: [user('How do I cross the street?')] },
    'reasoning-stream': { model: claude4, stream: true, ...thinking1024, messages: [user('Hello')] },
    'redacted-reasoning': {
      model: claude37,
      stream: false,
      ...thinking1024,
      messages: [user('ANTHROPIC_MAGIC_STRING_TRIGGER_REDACTED_THINKING_46C9A13E193C177646C7398A98432ECCCE4C1253D5E2D82641AC0E52CC2876CB')],
    },
    'text-stream-nova': {
      model: nova,
      stream: true,
      temperature: 0,
      messages: [{ role: 'system', content: [{ type: 'text', text: 'You are a helpful chatbot.' }] }, user('What is the capital of France?')],
    },
    'structured-output-tool': {
      model: nova,
      stream: false,
      messages: [{ role: 'system', content: [{ type: 'text', text: 'You are a helpful chatbot.' }] }, user('What was the temperature in London 1st January 2022?')],
      tools: [
        {
          name: 'temperature',
          description: fixtures.json('structured-output-tool.request.json').toolConfig.tools[0].toolSpec.description,
          parameters: fixtures.json('structured-output-tool.request.json').toolConfig.tools[0].toolSpec.inputSchema.json,
        },
      ],
      responseFormat: {
        type: 'json_schema',
        name: 'final_result',
        description: 'The final response which ends this conversation',
        schema: fixtures.json('structured-output-tool.request.json').toolConfig.tools[1].toolSpec.inputSchema.json,
      },
      providerOptions: { bedrock: { structuredOutputMode: 'tool' } },
    },
    'usage-cache-read': {
      model: claude45,
      stream: false,
      messages: [
        { role: 'system', content: [{ type: 'text', text: cacheRead.system[0].text, cache: { type: 'ephemeral' } }] },
        {
          role: 'user',
          content: [
            { type: 'text', text: cacheUser[0].text },
            { type: 'file', source: { type: 'base64', mediaType: 'text/plain', data: cacheUser[1].document.source.bytes }, filename: 'Document 1' },
            { type: 'text', text: '\n', cache: { type: 'ephemeral' } },
            { type: 'text', text: 'What is 10 + 11?', cache: { type: 'ephemeral' } },
          ],
        },
      ],
      tools: [
        { name: 'catalog_lookup', parameters: { additionalProperties: false, properties: {}, type: 'object' } },
        { name: 'diagnostics', parameters: { additionalProperties: false, properties: {}, type: 'object' }, cache: { type: 'ephemeral' } },
      ],
      toolChoice: { type: 'auto' },
    },
  };
}

function normaliseRecordedBody(body: any): any {
  const copy = structuredClone(body);
  if (Array.isArray(copy.system) && copy.system.length === 0) delete copy.system;
  if (copy.inferenceConfig && Object.keys(copy.inferenceConfig).length === 0) delete copy.inferenceConfig;
  if (copy.toolConfig?.toolChoice?.auto) delete copy.toolConfig.toolChoice;
  return copy;
}

/** The model id of a recorded request, from its URL (`/model/<encoded id>/converse`). */
function recordedModel(fixtures: any, name: string): string | undefined {
  if (!fixtures.has(`${name}.headers.json`)) return undefined;
  const url: string = fixtures.json(`${name}.headers.json`).request.url;
  return decodeURIComponent(/\/model\/([^/]+)\//.exec(new URL(url).pathname)![1]!);
}

describe.skipIf(!suite.found)('Bedrock recordings replayed through the adapter', () => {
  const { fixtures } = suite;
  const adapter = createBedrockProvider();
  let mock: BedrockMock;
  let testCall: TestCallContext;
  let requests: Record<string, ChatRequest>;
  const context = () => testCall.context;

  async function generate(name: string, request: ChatRequest): Promise<ChatResponse> {
    mock.replayNext(recordedBedrockAnswer(fixtures, name));
    return adapter.chat.generate(request, context());
  }

  async function stream(name: string, request: ChatRequest, chunkSize = 7): Promise<StreamEvent[]> {
    mock.replayNext(recordedBedrockAnswer(fixtures, name, { chunkSize }));
    const started = await adapter.chat.stream(request, context());
    return collectStreamEvents(started.events);
  }

  function requestFor(name: string, fallbackModel = claude35): ChatRequest {
    return requests[name] ?? { model: recordedModel(fixtures, name) ?? fallbackModel, stream: false, messages: [user('replay')] };
  }

  /** What the mock received equals the recorded body, went to the recorded path, and carries a valid signature. */
  function expectRecordedRequest(name: string, stream: boolean) {
    const received = mock.received.at(-1)!;
    const model = recordedModel(fixtures, name);
    if (model !== undefined) {
      const recordedPath = new URL(fixtures.json(`${name}.headers.json`).request.url).pathname;
      expect(received.path).toBe(recordedPath);
    }
    expect(received.path.endsWith(stream ? '/converse-stream' : '/converse')).toBe(true);
    if (requests[name]) expect(received.json).toEqual(normaliseRecordedBody(fixtures.json(`${name}.request.json`)));
    expect(verifyAwsSignature(received, { ...keys, service: 'bedrock' })).toEqual({ ok: true });
  }

  /** Every recorded stream ends in exactly one finish, after a start, with no error. */
  function expectCleanStream(events: StreamEvent[]) {
    expect(events[0]?.type).toBe('start');
    expect(events.filter((event) => event.type === 'finish')).toHaveLength(1);
    expect(events.at(-1)?.type).toBe('finish');
    expect(events.filter((event) => event.type === 'error')).toEqual([]);
  }

  beforeAll(async () => {
    mock = await startBedrockMock(keys);
    requests = recordedRequests(fixtures);
  });
  afterAll(async () => {
    await mock?.close();
  });
  beforeEach(() => {
    mock.reset();
    testCall = createTestCallContext({ settings: { baseURL: mock.baseURL, options: keys } });
  });
  afterEach(() => testCall?.close());

  it('covers every recorded case', () => {
    const covered = [
      'text',
      'image-input',
      'reasoning',
      'reasoning-decoded-json',
      'redacted-reasoning',
      'structured-output-tool',
      'text-cache-fields',
      'tool-use',
      'usage-cache-read',
      'text-stream',
      'text-stream-nova',
      'reasoning-stream',
      'tool-use-stream',
      'text-stream-decoded',
      'error-400-validation',
      'error-400-validation-stream',
      'error-403-access-denied',
      'error-400-unsupported-content',
      'embeddings-titan-invoke',
    ];
    expect(fixtures.cases().sort()).toEqual(covered.sort());
  });

  it('embeddings-titan-invoke: InvokeModel on Titan v2 with the recorded body; the recorded vector and token count come back', async () => {
    mock.replayNext(recordedBedrockAnswer(fixtures, 'embeddings-titan-invoke', { chunkSize: 101 }));
    const model = 'amazon.titan-embed-text-v2:0';
    const response = await adapter.embeddings.create({ model, input: ['Test embedding dimensions'], dimensions: 256, extra: { normalize: true } }, testCall.context);
    const received = mock.received.at(-1)!;
    expect(received.path).toBe(new URL(fixtures.json('embeddings-titan-invoke.headers.json').request.url).pathname);
    expect(received.json).toEqual(fixtures.json('embeddings-titan-invoke.request.json'));
    expect(verifyAwsSignature(received, { ...keys, service: 'bedrock' })).toEqual({ ok: true });
    const recorded = fixtures.json('embeddings-titan-invoke.json');
    expect(response.embeddings).toEqual([recorded.embedding]);
    expect(response.embeddings[0]).toHaveLength(256);
    expect(response.usage).toMatchObject({ input: recorded.inputTextTokenCount, total: recorded.inputTextTokenCount });
    expect(testCall.warnings).toEqual([]);
  });

  it('text', async () => {
    const response = await generate('text', requestFor('text'));
    expectRecordedRequest('text', false);
    expect(response).toMatchObject({
      id: 'a0d610ed-fef1-41e8-b6c0-99c0cd96af0f',
      model: claude35,
      content: [{ type: 'text', text: "Hello! As an AI language model, I don't have feelings, but I'm functioning well and ready to assist you. How can I help you today?" }],
      finishReason: { unified: 'stop', raw: 'end_turn' },
      usage: { input: 13, output: 35, total: 48 },
      providerMetadata: { bedrock: { requestId: 'a0d610ed-fef1-41e8-b6c0-99c0cd96af0f', metrics: { latencyMs: 1071 } } },
    });
    expect(testCall.warnings).toEqual([]);
  });

  it('image-input (an image sent as bytes; max_tokens)', async () => {
    const response = await generate('image-input', requestFor('image-input'));
    expectRecordedRequest('image-input', false);
    expect(response.id).toBe('ba0bf584-a4bc-4f06-a5d9-a7c0db17553a');
    expect(response.content[0]).toMatchObject({ type: 'text', text: expect.stringMatching(/^This image appears to be a handwritten note/) });
    expect(response.finishReason).toEqual({ unified: 'length', raw: 'max_tokens' });
    expect(response.usage).toMatchObject({ input: 17, output: 100, total: 117 });
  });

  it('tool-use', async () => {
    const response = await generate('tool-use', requestFor('tool-use'));
    expectRecordedRequest('tool-use', false);
    expect(response.content).toEqual([
      { type: 'text', text: 'To calculate 15 * 23, I can use the "calculate" function. Let me do that for you.' },
      { type: 'tool-call', id: 'tooluse_RVjyNbnRRAqT_YlXqlJDUQ', name: 'calculate', arguments: '{"expression":"15 * 23"}' },
    ]);
    expect(response.finishReason).toEqual({ unified: 'tool-calls', raw: 'tool_use' });
    expect(response.usage).toMatchObject({ input: 369, output: 81, total: 450 });
  });

  it('reasoning (signed thinking, then text; no request id header was recorded)', async () => {
    const response = await generate('reasoning', requestFor('reasoning'));
    expectRecordedRequest('reasoning', false);
    const recorded = fixtures.json('reasoning.json').output.message.content;
    expect(response.content).toEqual([
      { type: 'reasoning', text: recorded[0].reasoningContent.reasoningText.text, signature: recorded[0].reasoningContent.reasoningText.signature, provider: 'bedrock' },
      { type: 'text', text: recorded[1].text },
    ]);
    expect(response.id).toMatch(/^bedrock-/);
    expect(response.providerMetadata).toMatchObject({ bedrock: { generatedId: true } });
    expect(response.usage).toMatchObject({ input: 42, output: 313, total: 355, cachedInput: 0, cacheWrite: 0 });
  });

  it('reasoning-decoded-json', async () => {
    const response = await generate('reasoning-decoded-json', requestFor('reasoning-decoded-json'));
    expect(response.content.map((part) => part.type)).toEqual(['reasoning', 'text']);
    expect(response.content[0]).toMatchObject({ text: expect.stringContaining('s-t-r-a-w-b-e-r-r-y'), signature: expect.stringMatching(/^EvYBCkgI/) });
    expect(response.usage).toMatchObject({ input: 51, output: 78, total: 129 });
  });

  it('redacted-reasoning', async () => {
    const response = await generate('redacted-reasoning', requestFor('redacted-reasoning'));
    expectRecordedRequest('redacted-reasoning', false);
    const recorded = fixtures.json('redacted-reasoning.json').output.message.content;
    expect(response.content[0]).toEqual({ type: 'reasoning', text: '', redactedData: recorded[0].reasoningContent.redactedContent, provider: 'bedrock' });
    expect(response.content[1]).toEqual({ type: 'text', text: recorded[1].text });
    expect(response.usage).toMatchObject({ input: 92, output: 176, total: 268 });
  });

  it('structured-output-tool (tool mode: the model called a user tool, not the answer tool)', async () => {
    const response = await generate('structured-output-tool', requestFor('structured-output-tool'));
    expectRecordedRequest('structured-output-tool', false);
    expect(response.content).toEqual([
      { type: 'tool-call', id: 'tooluse_Mj06ft-ITJik1Otgpkc1uA', name: 'temperature', arguments: '{"city":"London","date":"2022-01-01"}' },
    ]);
    expect(response.finishReason).toEqual({ unified: 'tool-calls', raw: 'tool_use' });
    expect(response.usage).toMatchObject({ input: 571, output: 22, total: 593 });
  });

  it('structured-output-tool read as the answer when the answer tool is the one called', async () => {
    const answer = structuredClone(fixtures.json('structured-output-tool.json'));
    answer.output.message.content[0].toolUse = { toolUseId: 'tooluse_x', name: 'final_result', input: { temperature: '30°C', date: '2022-01-01', city: 'London' } };
    mock.replayNext({ body: JSON.stringify(answer), contentType: 'application/json' });
    const response = await adapter.chat.generate(requestFor('structured-output-tool'), context());
    expect(response.content).toEqual([{ type: 'text', text: '{"temperature":"30°C","date":"2022-01-01","city":"London"}' }]);
    expect(response.finishReason).toEqual({ unified: 'stop', raw: 'tool_use' });
  });

  it('text-cache-fields (both spellings of the cache counters)', async () => {
    const response = await generate('text-cache-fields', requestFor('text-cache-fields'));
    expect(response.usage).toEqual({
      input: 22,
      output: 57,
      total: 79,
      cachedInput: 0,
      cacheWrite: 0,
      raw: fixtures.json('text-cache-fields.json').usage,
    });
  });

  it('usage-cache-read (cache points on system, user parts and tools; input counts the cached part)', async () => {
    const response = await generate('usage-cache-read', requestFor('usage-cache-read'));
    expectRecordedRequest('usage-cache-read', false);
    expect(response.content).toEqual([{ type: 'text', text: '21' }]);
    expect(response.usage).toMatchObject({ input: 1324, cachedInput: 1322, cacheWrite: 0, output: 5, total: 1329 });
  });

  it('text-stream (Claude: no contentBlockStart for text)', async () => {
    const events = await stream('text-stream', requestFor('text-stream'));
    expectRecordedRequest('text-stream', true);
    expectCleanStream(events);
    expect(events[0]).toEqual({ type: 'start', id: '9af309ad-7b17-496d-997a-8ea2820e860d', model: claude35 });
    expect(streamedText(events)).toBe(
      "Hello! As an AI language model, I don't have feelings, but I'm functioning well and ready to assist you. How can I help you today?",
    );
    expect(events.at(-1)).toMatchObject({
      type: 'finish',
      finishReason: { unified: 'stop', raw: 'end_turn' },
      usage: { input: 13, output: 35, total: 48 },
      providerMetadata: { bedrock: { metrics: { latencyMs: 1493 } } },
    });
  });

  it('text-stream-nova (system prompt, temperature 0)', async () => {
    const events = await stream('text-stream-nova', requestFor('text-stream-nova'), 1);
    expectRecordedRequest('text-stream-nova', true);
    expectCleanStream(events);
    expect(streamedText(events)).toMatch(/^The capital of France is Paris\. .* "The City of Love\."$/);
    expect(events.at(-1)).toMatchObject({ usage: { input: 13, output: 82, total: 95 } });
  });

  it('reasoning-stream (reasoning deltas, then the signature, then text)', async () => {
    const events = await stream('reasoning-stream', requestFor('reasoning-stream'), 64);
    expectRecordedRequest('reasoning-stream', true);
    expectCleanStream(events);
    expect(streamedReasoning(events)).toBe(
      'The user has greeted me with a simple "Hello". I should respond in a friendly and welcoming manner. This is a straightforward greeting, so I\'ll respond warmly and ask how I can help them today.',
    );
    const signatures = events.filter((event) => event.type === 'reasoning-delta' && event.signature);
    expect(signatures).toEqual([{ type: 'reasoning-delta', delta: '', signature: expect.stringMatching(/^Eu0CCkgI/), provider: 'bedrock' }]);
    const signatureAt = events.indexOf(signatures[0]!);
    const firstText = events.findIndex((event) => event.type === 'text-delta');
    expect(signatureAt).toBeLessThan(firstText);
    expect(streamedText(events)).toBe("Hello! It's nice to meet you. How can I help you today?");
    expect(events.at(-1)).toMatchObject({ usage: { input: 36, output: 73, total: 109 } });
  });

  it('tool-use-stream (text block 0, then a toolUse block with input deltas)', async () => {
    const events = await stream('tool-use-stream', requestFor('tool-use-stream'), 5);
    expectCleanStream(events);
    expect(streamedText(events)).toBe('To calculate the cosine of 7, we can use the "cosine" function that is available to us. Let\'s use this function to get the result.');
    expect(events.filter((event) => event.type.startsWith('tool-call'))).toEqual([
      { type: 'tool-call-start', index: 0, id: 'tooluse_QklrEHKjRu6Oc4BQUfy7ZQ', name: 'cosine' },
      { type: 'tool-call-delta', index: 0, argumentsDelta: '{"x": 7}' },
      { type: 'tool-call-end', index: 0 },
    ]);
    expect(events.at(-1)).toMatchObject({
      type: 'finish',
      finishReason: { unified: 'tool-calls', raw: 'tool_use' },
      usage: { input: 386, output: 75, total: 461 },
      providerMetadata: { bedrock: { serviceTier: 'default' } },
    });
  });

  it('text-stream-decoded (decoded events only: framed again, as the wire carries them)', async () => {
    const lines = fixtures
      .text('text-stream-decoded.ndjson')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    const body = Buffer.concat(
      lines.map((line) => {
        const [eventType, payload] = Object.entries(line)[0]!;
        return encodeAwsEventStreamMessage({ ':event-type': eventType, ':content-type': 'application/json', ':message-type': 'event' }, JSON.stringify(payload));
      }),
    );
    mock.replayNext({ body, contentType: 'application/vnd.amazon.eventstream', chunkSize: 11 });
    const started = await adapter.chat.stream({ ...requestFor('text-stream-decoded'), stream: true }, context());
    const events = await collectStreamEvents(started.events);
    expectCleanStream(events);
    expect(streamedText(events)).toBe('Let me count the "r"s in "strawberry":\n\ns-t-**r**-a-w-b-e-**r**-**r**-y\n\nThere are **3** r\'s in "strawberry."');
    expect(events.at(-1)).toMatchObject({
      usage: { input: 22, output: 55, total: 77 },
      providerMetadata: { bedrock: { additionalModelResponseFields: { delta: { stop_sequence: null } }, metrics: { latencyMs: 2040 } } },
    });
  });

  it('error-400-validation', async () => {
    const error = await generate('error-400-validation', requestFor('error-400-validation')).catch((caught: unknown) => caught);
    expectRecordedRequest('error-400-validation', false);
    expect(UpstreamError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({
      kind: 'invalid_request',
      status: 400,
      code: 'ValidationException',
      message: 'The provided model identifier is invalid.',
      provider: 'bedrock',
      retryable: false,
    });
    expect((error as UpstreamError).headers['x-amzn-requestid']).toBe('fe4e3f9c-abb5-4a80-996c-1bd403ee3d99');
  });

  it('error-400-validation-stream (a plain JSON error before any event: stream() rejects)', async () => {
    mock.replayNext(recordedBedrockAnswer(fixtures, 'error-400-validation-stream'));
    const error = await adapter.chat.stream(requestFor('error-400-validation-stream'), context()).catch((caught: unknown) => caught);
    expectRecordedRequest('error-400-validation-stream', true);
    expect(error).toMatchObject({ kind: 'invalid_request', status: 400, code: 'ValidationException', message: 'The provided model identifier is invalid.' });
  });

  it('error-403-access-denied', async () => {
    const error = await generate('error-403-access-denied', requestFor('error-403-access-denied')).catch((caught: unknown) => caught);
    expect(error).toMatchObject({
      kind: 'permission',
      status: 403,
      code: 'AccessDeniedException',
      message: "You don't have access to the model with the specified model ID.",
    });
  });

  it('error-400-unsupported-content (no x-amzn-ErrorType recorded: typed by the status)', async () => {
    const error = await generate('error-400-unsupported-content', requestFor('error-400-unsupported-content', claude45)).catch((caught: unknown) => caught);
    expect(error).toMatchObject({
      kind: 'invalid_request',
      status: 400,
      message: "This model doesn't support the video content block that you provided. Update the content block and try again.",
    });
  });
});
