import { serveGatewayForAdapters, type ServingGateway } from '@switchyard/server';
import { readChatCompletionStreamFailure, recordedAnswer, replaySuite, startAzureOpenAIMock, type AzureOpenAIMock } from '@switchyard/testkit';
import OpenAI from 'openai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createAzureOpenAIProvider } from '../src/index.js';

// The official openai SDK -> the gateway's /v1/chat/completions -> the Azure OpenAI adapter (byte
// passthrough: the client speaks Chat Completions) -> the testkit's Azure mock on loopback. An
// Anthropic Messages client (plain fetch on /v1/messages) takes the translated path.
describe('openai SDK through the gateway to an Azure OpenAI upstream', () => {
  const apiKey = 'azure-upstream-key';
  const adToken = 'eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.mock-entra-token';
  let upstream: AzureOpenAIMock;
  let gateway: ServingGateway;
  let client: OpenAI;
  const model = '@azure/gpt-4o';

  beforeAll(async () => {
    upstream = await startAzureOpenAIMock({ apiKey, adToken, deployments: ['gpt-4o', 'o4-mini', 'prod-gpt4o'] });
    gateway = await serveGatewayForAdapters({
      adapters: [createAzureOpenAIProvider()],
      entries: [
        { slug: 'azure', adapter: 'azure-openai', settings: { apiKey, baseURL: upstream.baseURL } },
        { slug: 'azure-wrong-key', adapter: 'azure-openai', settings: { apiKey: 'wrong', baseURL: upstream.baseURL } },
        { slug: 'azure-v1', adapter: 'azure-openai', settings: { apiKey, baseURL: upstream.baseURL, options: { apiVersion: 'v1', deploymentId: 'prod-gpt4o' } } },
        { slug: 'azure-entra', adapter: 'azure-openai', settings: { apiKey: adToken, baseURL: upstream.baseURL, options: { authMode: 'entra' } } },
      ],
    });
    client = new OpenAI({ baseURL: `${gateway.url}/v1`, apiKey: 'gateway-client-key', maxRetries: 0 });
  });
  afterAll(async () => {
    await gateway?.close();
    await upstream?.close();
  });
  beforeEach(() => upstream.reset());

  const received = (index = 0) => upstream.received[index]!;

  it('forwards a completion to the deployment URL with api-version and api-key, and returns Azure’s annotations', async () => {
    const completion = await client.chat.completions.create({
      model,
      messages: [
        { role: 'system', content: 'be brief' },
        { role: 'developer', content: 'answer in English' },
        { role: 'user', content: 'hello azure' },
      ],
      temperature: 0.2,
      stop: ['never-seen'],
    });
    expect(completion.choices[0]!.message.content).toBe('echo: hello azure');
    expect(completion.choices[0]!.finish_reason).toBe('stop');
    expect(completion.usage).toMatchObject({ prompt_tokens: 7, completion_tokens: 3, total_tokens: 10 });
    const raw = completion as unknown as Record<string, any>;
    expect(raw.prompt_filter_results[0].content_filter_results.jailbreak).toEqual({ filtered: false, detected: false });
    expect(raw.choices[0].content_filter_results.hate).toEqual({ filtered: false, severity: 'safe' });

    expect(received().path).toBe('/openai/deployments/gpt-4o/chat/completions?api-version=2024-10-21');
    expect(received().headers['api-key']).toBe(apiKey);
    expect(received().headers).not.toHaveProperty('authorization');
    expect(received().json).toEqual({
      model: 'gpt-4o',
      messages: [
        { role: 'system', content: 'be brief' },
        { role: 'developer', content: 'answer in English' },
        { role: 'user', content: 'hello azure' },
      ],
      temperature: 0.2,
      stop: ['never-seen'],
    });
  });

  it('streams through the SDK, Azure’s leading prompt-filter chunk included, with usage', async () => {
    const stream = await client.chat.completions.create({
      model,
      messages: [{ role: 'user', content: 'stream these words' }],
      stream: true,
      stream_options: { include_usage: true },
    });
    const chunks: OpenAI.ChatCompletionChunk[] = [];
    for await (const chunk of stream) chunks.push(chunk);
    // The SDK hands the leading chunk over as it came: no id, no choices, only prompt_filter_results.
    expect(chunks[0]).toMatchObject({ id: '', choices: [] });
    expect((chunks[0] as unknown as Record<string, unknown>).prompt_filter_results).toBeDefined();
    expect(chunks.map((chunk) => chunk.choices[0]?.delta.content ?? '').join('')).toBe('echo: stream these words');
    expect(chunks.at(-1)!.usage).toMatchObject({ prompt_tokens: 3, completion_tokens: 4, total_tokens: 7 });
    expect(received().headers.accept).toBe('text/event-stream');

    // The SDK's accumulating helper copes with it too.
    const final = await client.chat.completions.stream({ model, messages: [{ role: 'user', content: 'accumulate me' }] }).finalChatCompletion();
    expect(final.choices[0]!.message.content).toBe('echo: accumulate me');
    expect(final.id).toMatch(/^chatcmpl-azuremock/);
  });

  const tools: OpenAI.ChatCompletionTool[] = [
    { type: 'function', function: { name: 'get_weather', description: 'Weather', parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] } } },
    { type: 'function', function: { name: 'get_time', parameters: { type: 'object', properties: {} } } },
  ];

  it('carries parallel tool calls, streamed, and the follow-up tool-result turn', async () => {
    const first = await client.chat.completions.stream({ model, messages: [{ role: 'user', content: 'please call tools' }], tools }).finalChatCompletion();
    const message = first.choices[0]!.message;
    expect(first.choices[0]!.finish_reason).toBe('tool_calls');
    expect(message.tool_calls).toEqual([
      { id: 'call_0', type: 'function', function: { name: 'get_weather', arguments: '{"city":"city"}' } },
      { id: 'call_1', type: 'function', function: { name: 'get_time', arguments: '{}' } },
    ]);
    expect(received().json.tools).toEqual(tools);

    const followUp = await client.chat.completions.create({
      model,
      tools,
      messages: [
        { role: 'user', content: 'please call tools' },
        message,
        { role: 'tool', tool_call_id: 'call_0', content: 'sunny' },
        { role: 'tool', tool_call_id: 'call_1', content: 'noon' },
      ],
    });
    expect(followUp.choices[0]!.message.content).toBe('echo: sunny noon');
    expect(received(1).json.messages.slice(2)).toEqual([
      { role: 'tool', tool_call_id: 'call_0', content: 'sunny' },
      { role: 'tool', tool_call_id: 'call_1', content: 'noon' },
    ]);
  });

  it('forwards image URLs and data URLs as the client sent them', async () => {
    const content: OpenAI.ChatCompletionContentPart[] = [
      { type: 'text', text: 'what are these' },
      { type: 'image_url', image_url: { url: 'data:image/png;base64,iVBORw0KGgo=' } },
      { type: 'image_url', image_url: { url: 'https://example.com/cat.jpg', detail: 'low' } },
    ];
    const completion = await client.chat.completions.create({ model, messages: [{ role: 'user', content }] });
    expect(completion.choices[0]!.message.content).toBe('echo: what are these');
    expect(received().json.messages[0].content).toEqual(content);
  });

  it('sends reasoning_effort to a reasoning deployment on the API version named in the header, and reports reasoning tokens', async () => {
    const completion = await client.chat.completions.create(
      { model: '@azure/o4-mini', reasoning_effort: 'low', messages: [{ role: 'user', content: 'think briefly' }] },
      { headers: { 'x-switchyard-azure-api-version': '2025-04-01-preview' } },
    );
    expect(received().path).toBe('/openai/deployments/o4-mini/chat/completions?api-version=2025-04-01-preview');
    expect(received().json.reasoning_effort).toBe('low');
    expect(completion.usage?.completion_tokens_details?.reasoning_tokens).toBe(64);
  });

  it('speaks the v1 API: the deployment in model, no api-version in the URL', async () => {
    const completion = await client.chat.completions.create({ model: '@azure-v1/gpt-4o', messages: [{ role: 'user', content: 'v1 please' }] });
    expect(completion.choices[0]!.message.content).toBe('echo: v1 please');
    expect(received().path).toBe('/openai/v1/chat/completions');
    expect(received().json.model).toBe('prod-gpt4o');
  });

  it('takes the deployment and version from Portkey’s headers, and an Entra token from config or from the request', async () => {
    await client.chat.completions.create(
      { model, messages: [{ role: 'user', content: 'portkey style' }] },
      { headers: { 'x-portkey-azure-deployment-id': 'prod-gpt4o', 'x-portkey-azure-api-version': '2024-12-01-preview' } },
    );
    expect(received().path).toBe('/openai/deployments/prod-gpt4o/chat/completions?api-version=2024-12-01-preview');

    await client.chat.completions.create({ model: '@azure-entra/gpt-4o', messages: [{ role: 'user', content: 'entra' }] });
    expect(received(1).headers.authorization).toBe(`Bearer ${adToken}`);
    expect(received(1).headers).not.toHaveProperty('api-key');

    await client.chat.completions.create(
      { model: '@azure-wrong-key/gpt-4o', messages: [{ role: 'user', content: 'token wins' }] },
      { headers: { 'x-portkey-azure-ad-token': adToken } },
    );
    expect(received(2).headers.authorization).toBe(`Bearer ${adToken}`);
  });

  it('maps Azure’s errors: content filter, bad key, unknown deployment, unsupported version, throttling', async () => {
    const filtered = await client.chat.completions.create({ model, messages: [{ role: 'user', content: 'please trigger the content filter' }] }).catch((caught: unknown) => caught);
    expect(filtered).toBeInstanceOf(OpenAI.BadRequestError);
    expect((filtered as InstanceType<typeof OpenAI.APIError>).code).toBe('content_filter');
    expect(((filtered as InstanceType<typeof OpenAI.APIError>).error as any).innererror.code).toBe('ResponsibleAIPolicyViolation');

    const unauthorized = await client.chat.completions.create({ model: '@azure-wrong-key/gpt-4o', messages: [{ role: 'user', content: 'hi' }] }).catch((caught: unknown) => caught);
    expect(unauthorized).toBeInstanceOf(OpenAI.AuthenticationError);

    const missing = await client.chat.completions.create({ model: '@azure/gpt-3.5-gone', messages: [{ role: 'user', content: 'hi' }] }).catch((caught: unknown) => caught);
    expect(missing).toBeInstanceOf(OpenAI.NotFoundError);
    expect((missing as InstanceType<typeof OpenAI.APIError>).code).toBe('DeploymentNotFound');

    const badVersion = await client.chat.completions
      .create({ model, messages: [{ role: 'user', content: 'hi' }] }, { headers: { 'x-switchyard-azure-api-version': '2019-01-01' } })
      .catch((caught: unknown) => caught);
    expect(badVersion).toBeInstanceOf(OpenAI.BadRequestError);
    expect((badVersion as Error).message).toContain('API version not supported');

    upstream.failNext({ status: 429, headers: { 'retry-after': '6' } });
    const limited = await client.chat.completions.create({ model, messages: [{ role: 'user', content: 'hi' }], stream: true }).catch((caught: unknown) => caught);
    expect(limited).toBeInstanceOf(OpenAI.RateLimitError);
    expect((limited as InstanceType<typeof OpenAI.APIError>).headers?.get('retry-after')).toBe('6');

    const badResource = await client.chat.completions
      .create({ model, messages: [{ role: 'user', content: 'hi' }] }, { headers: { 'x-switchyard-azure-resource-name': 'evil.example.com#' } })
      .catch((caught: unknown) => caught);
    expect(badResource).toBeInstanceOf(OpenAI.BadRequestError);
    expect(upstream.received).toHaveLength(5);
  });

  it('ends the SDK stream with an exception on a mid-stream error chunk and on a cut connection', async () => {
    upstream.streamErrorNext({ afterChunks: 3, error: { code: 'InternalServerError', message: 'The server had an error while processing your request.' } });
    const stream = await client.chat.completions.create({ model, messages: [{ role: 'user', content: 'this will fail halfway' }], stream: true });
    const { text, error: outcome } = await readChatCompletionStreamFailure(stream);
    expect(outcome).toBeInstanceOf(OpenAI.APIError);
    expect((outcome as Error).message).toContain('The server had an error');
    expect(text).toBe('echo:');

    upstream.failNext({ cutAfterEvents: 3 });
    const cut = await client.chat.completions.create({ model, messages: [{ role: 'user', content: 'this stream will be cut short' }], stream: true });
    const { error: cutOutcome } = await readChatCompletionStreamFailure(cut);
    expect(cutOutcome).toBeInstanceOf(Error);
  });

  it('translates for an Anthropic Messages client: the prompt-filter chunk makes no bogus start', async () => {
    const response = await fetch(`${gateway.url}/v1/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': 'gateway-client-key', 'anthropic-version': '2023-06-01' },
      body: JSON.stringify({ model, max_tokens: 100, stream: true, messages: [{ role: 'user', content: 'translate me' }] }),
    });
    expect(response.status).toBe(200);
    const text = await response.text();
    const events = text.split('\n\n').filter((frame) => frame.includes('data:')).map((frame) => JSON.parse(frame.slice(frame.indexOf('data:') + 5)));
    expect(events.filter((event) => event.type === 'message_start')).toHaveLength(1);
    expect(events[0]).toMatchObject({ type: 'message_start', message: { id: expect.stringMatching(/^chatcmpl-azuremock/), model: 'gpt-4o' } });
    const streamed = events.filter((event) => event.type === 'content_block_delta').map((event) => event.delta.text).join('');
    expect(streamed).toBe('echo: translate me');
    expect(events.at(-1)).toMatchObject({ type: 'message_stop' });
    expect(received().json).toMatchObject({ model: 'gpt-4o', stream: true, stream_options: { include_usage: true }, max_completion_tokens: 100 });
  });
});

const recordings = replaySuite('azure-openai', 'azure-openai e2e replay');
describe.skipIf(!recordings.found)('the recorded Azure model-router stream through the gateway to the openai SDK', () => {
  let upstream: AzureOpenAIMock;
  let gateway: ServingGateway;
  let client: OpenAI;

  beforeAll(async () => {
    upstream = await startAzureOpenAIMock();
    gateway = await serveGatewayForAdapters({
      adapters: [createAzureOpenAIProvider()],
      entries: [{ slug: 'azure', adapter: 'azure-openai', settings: { apiKey: 'k', baseURL: upstream.baseURL } }],
    });
    client = new OpenAI({ baseURL: `${gateway.url}/v1`, apiKey: 'x', maxRetries: 0 });
  });
  afterAll(async () => {
    await gateway?.close();
    await upstream?.close();
  });

  it('reaches the SDK unchanged, and its accumulating helper reads the answer', async () => {
    upstream.replayNext(recordedAnswer(recordings.fixtures, 'chat-stream-model-router', { chunkSize: 50 }));
    const final = await client.chat.completions
      .stream({ model: '@azure/model-router', messages: [{ role: 'user', content: 'capital of Denmark?' }], stream_options: { include_usage: true } })
      .finalChatCompletion();
    expect(final.id).toBe('chatcmpl-CYPS1lijGoK8gd9lYzY3r9Sx50nbt');
    expect(final.choices[0]!.message.content).toBe('Capital of Denmark.');
    expect(final.choices[0]!.finish_reason).toBe('stop');
    expect(final.usage).toMatchObject({ prompt_tokens: 15, completion_tokens: 78 });
  });
});
