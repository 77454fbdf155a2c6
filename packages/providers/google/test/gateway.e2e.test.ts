import { type ServingGateway, serveGatewayForAdapters } from '@switchyard/server';
import { type GoogleMock, readChatCompletionStream, readChatCompletionStreamFailure, startGoogleMock } from '@switchyard/testkit';
import OpenAI from 'openai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createGoogleProvider } from '../src/index.js';
import { parseGoogleToolCallId } from '../src/google-tool-call-id.js';

// The official openai SDK → the gateway's /v1/chat/completions → the Gemini adapter → the
// testkit Gemini mock on loopback, asserting what Gemini received as much as what came back.
describe('openai SDK through the gateway to Gemini', () => {
  let upstream: GoogleMock;
  // Behaves like Gemini 3: refuses a tool-result turn whose function call lost its signature.
  let strictUpstream: GoogleMock;
  let gateway: ServingGateway;
  let client: OpenAI;

  beforeAll(async () => {
    upstream = await startGoogleMock({ apiKey: 'gemini-secret' });
    strictUpstream = await startGoogleMock({ apiKey: 'gemini-secret', requireThoughtSignatures: true });
    gateway = await serveGatewayForAdapters({
      adapters: [createGoogleProvider()],
      entries: [
        { slug: 'gemini', adapter: 'google', settings: { apiKey: 'gemini-secret', baseURL: upstream.baseURL } },
        { slug: 'gemini-strict', adapter: 'google', settings: { apiKey: 'gemini-secret', baseURL: strictUpstream.baseURL } },
        { slug: 'gemini-bad-key', adapter: 'google', settings: { apiKey: 'not-the-key', baseURL: upstream.baseURL } },
      ],
    });
    client = new OpenAI({ baseURL: `${gateway.url}/v1`, apiKey: 'gateway-client', maxRetries: 0 });
  });
  afterAll(async () => {
    await gateway?.close();
    await upstream?.close();
    await strictUpstream?.close();
  });
  beforeEach(() => {
    upstream.reset();
    strictUpstream.reset();
  });

  const tools: OpenAI.ChatCompletionTool[] = [
    {
      type: 'function',
      function: {
        name: 'get_weather',
        description: 'Weather for a city',
        parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'], additionalProperties: false },
      },
    },
    { type: 'function', function: { name: 'get_time', parameters: { type: 'object', properties: {} } } },
  ];

  it('answers text, sending every system and developer message in order and the key in a header', async () => {
    const completion = await client.chat.completions.create({
      model: '@gemini/gemini-2.5-flash',
      messages: [
        { role: 'system', content: 'be brief' },
        { role: 'developer', content: 'answer in English' },
        { role: 'user', content: 'hello gemini' },
      ],
      temperature: 0.2,
      top_p: 0.9,
      max_completion_tokens: 50,
      stop: ['END'],
    });
    expect(completion.choices[0]!.message.content).toBe('echo: hello gemini');
    expect(completion.choices[0]!.finish_reason).toBe('stop');
    expect(completion.id).toMatch(/^mockResponse/);
    expect(completion.model).toBe('gemini-2.5-flash');
    expect(completion.usage).toMatchObject({ prompt_tokens: 7, completion_tokens: 3, total_tokens: 10 });

    const received = upstream.received[0]!;
    expect(received.path).toBe('/v1beta/models/gemini-2.5-flash:generateContent');
    expect(received.headers['x-goog-api-key']).toBe('gemini-secret');
    expect(received.path).not.toContain('key=');
    expect(received.json).toEqual({
      contents: [{ role: 'user', parts: [{ text: 'hello gemini' }] }],
      systemInstruction: { parts: [{ text: 'be brief' }, { text: 'answer in English' }] },
      generationConfig: { temperature: 0.2, topP: 0.9, maxOutputTokens: 50, stopSequences: ['END'] },
    });
  });

  it('streams text deltas with usage, from CRLF-framed Gemini SSE', async () => {
    const stream = await client.chat.completions.create({
      model: '@gemini/gemini-2.5-flash',
      messages: [{ role: 'user', content: 'stream these four words' }],
      stream: true,
      stream_options: { include_usage: true },
    });
    const { text, finish, usage, chunks } = await readChatCompletionStream(stream);
    const contentChunks = chunks.filter((chunk) => chunk.choices[0]?.delta.content).length;
    expect(text).toBe('echo: stream these four words');
    expect(contentChunks).toBe(5);
    expect(finish).toBe('stop');
    expect(usage).toMatchObject({ prompt_tokens: 4, completion_tokens: 5, total_tokens: 9 });
    expect(upstream.received[0]!.path).toBe('/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse');
  });

  it('carries parallel tool calls and sends the tool results back as functionResponse parts by name', async () => {
    const runner = client.chat.completions.stream({
      model: '@gemini/gemini-2.5-flash',
      messages: [{ role: 'user', content: 'please call tools' }],
      tools,
      tool_choice: 'auto',
    });
    const first = await runner.finalChatCompletion();
    const message = first.choices[0]!.message;
    const calls = message.tool_calls!.filter((call) => call.type === 'function');
    expect(first.choices[0]!.finish_reason).toBe('tool_calls');
    // Gemini gives calls no id: they are named after the answer's responseId.
    const responseId = first.id;
    expect(responseId).toMatch(/^mockResponse/);
    expect(calls.map((call) => [call.id, call.function.name, call.function.arguments])).toEqual([
      [`call_${responseId}_0`, 'get_weather', '{"city":"city"}'],
      [`call_${responseId}_1`, 'get_time', '{}'],
    ]);
    expect(upstream.received[0]!.json).toMatchObject({
      tools: [
        {
          functionDeclarations: [
            { name: 'get_weather', description: 'Weather for a city', parametersJsonSchema: tools[0]!.type === 'function' && tools[0]!.function.parameters },
            { name: 'get_time', parametersJsonSchema: { type: 'object', properties: {} } },
          ],
        },
      ],
      toolConfig: { functionCallingConfig: { mode: 'AUTO' } },
    });

    const followUp = await client.chat.completions.create({
      model: '@gemini/gemini-2.5-flash',
      tools,
      messages: [
        { role: 'user', content: 'please call tools' },
        message,
        { role: 'tool', tool_call_id: calls[0]!.id, content: '{"temperature":21}' },
        { role: 'tool', tool_call_id: calls[1]!.id, content: 'noon' },
      ],
    });
    expect(followUp.choices[0]!.message.content).toBe('echo: get_weather {"temperature":21} get_time {"output":"noon"}');
    expect(upstream.received[1]!.json.contents).toEqual([
      { role: 'user', parts: [{ text: 'please call tools' }] },
      {
        role: 'model',
        parts: [
          { functionCall: { name: 'get_weather', args: { city: 'city' }, id: `call_${responseId}_0` } },
          { functionCall: { name: 'get_time', args: {}, id: `call_${responseId}_1` } },
        ],
      },
      {
        role: 'user',
        parts: [
          { functionResponse: { name: 'get_weather', response: { temperature: 21 }, id: `call_${responseId}_0` } },
          { functionResponse: { name: 'get_time', response: { output: 'noon' }, id: `call_${responseId}_1` } },
        ],
      },
    ]);
  });

  it('maps a named tool choice to ANY with allowedFunctionNames', async () => {
    const completion = await client.chat.completions.create({
      model: '@gemini/gemini-2.5-flash',
      messages: [{ role: 'user', content: 'what time is it' }],
      tools,
      tool_choice: { type: 'function', function: { name: 'get_time' } },
    });
    const call = completion.choices[0]!.message.tool_calls![0]!;
    expect(call.type === 'function' && call.function.name).toBe('get_time');
    expect(upstream.received[0]!.json.toolConfig).toEqual({ functionCallingConfig: { mode: 'ANY', allowedFunctionNames: ['get_time'] } });
  });

  it('sends images inline or as fetchable URLs, and refuses a URL Gemini cannot type without calling it', async () => {
    const completion = await client.chat.completions.create({
      model: '@gemini/gemini-2.5-flash',
      messages: [
        {
          role: 'user',
          content: [
            { type: 'text', text: 'what is in these' },
            { type: 'image_url', image_url: { url: 'data:image/png;base64,iVBORw0KGgo=' } },
            { type: 'image_url', image_url: { url: 'https://example.com/photos/cat.jpg' } },
          ],
        },
      ],
    });
    expect(completion.choices[0]!.message.content).toBe('echo: what is in these');
    expect(upstream.received[0]!.json.contents[0].parts).toEqual([
      { text: 'what is in these' },
      { inlineData: { mimeType: 'image/png', data: 'iVBORw0KGgo=' } },
      { fileData: { fileUri: 'https://example.com/photos/cat.jpg', mimeType: 'image/jpeg' } },
    ]);

    const refused = await client.chat.completions
      .create({
        model: '@gemini/gemini-2.5-flash',
        messages: [{ role: 'user', content: [{ type: 'image_url', image_url: { url: 'https://example.com/render?id=7' } }] }],
      })
      .catch((caught: unknown) => caught);
    expect(refused).toBeInstanceOf(OpenAI.BadRequestError);
    expect((refused as InstanceType<typeof OpenAI.BadRequestError>).message).toContain('media type');
    expect(upstream.received).toHaveLength(1);
  });

  it('asks for JSON with the schema as responseJsonSchema', async () => {
    const schema = { type: 'object', properties: { echo: { type: 'string' } }, required: ['echo'], additionalProperties: false };
    const completion = await client.chat.completions.create({
      model: '@gemini/gemini-2.5-flash',
      messages: [{ role: 'user', content: 'structured please' }],
      response_format: { type: 'json_schema', json_schema: { name: 'reply', schema, strict: true } },
    });
    expect(JSON.parse(completion.choices[0]!.message.content!)).toEqual({ echo: 'structured please' });
    expect(upstream.received[0]!.json.generationConfig).toEqual({ responseMimeType: 'application/json', responseJsonSchema: schema });
  });

  it('streams thinking as reasoning_content and round-trips the thought signature on the next turn (Gemini 3 rules)', async () => {
    const stream = await client.chat.completions.create({
      model: '@gemini-strict/gemini-3-pro-preview',
      messages: [{ role: 'user', content: 'call tools about the weather' }],
      tools,
      reasoning_effort: 'low',
      stream: true,
    });
    const { reasoning, toolCalls: calls, chunks } = await readChatCompletionStream(stream);
    const responseId = chunks.at(-1)?.id ?? '';
    expect(reasoning).toBe('Thinking about: call tools about the weather');
    expect(strictUpstream.received[0]!.json.generationConfig).toEqual({ thinkingConfig: { thinkingLevel: 'low', includeThoughts: true } });
    expect(calls.map((call) => call.name)).toEqual(['get_weather', 'get_time']);
    // The first call carries Gemini's signature inside its id; the second has none, as Gemini sends it.
    const issued = strictUpstream.issuedSignatures[0]!;
    expect(parseGoogleToolCallId(calls[0]!.id)).toEqual({ baseId: `call_${responseId}_0`, thoughtSignature: issued });
    expect(calls[1]!.id).toBe(`call_${responseId}_1`);

    // The client sends the history back as any OpenAI client does: no signature field anywhere.
    const followUp = await client.chat.completions.create({
      model: '@gemini-strict/gemini-3-pro-preview',
      tools,
      reasoning_effort: 'low',
      messages: [
        { role: 'user', content: 'call tools about the weather' },
        {
          role: 'assistant',
          content: null,
          tool_calls: calls.map((call) => ({ id: call.id, type: 'function' as const, function: { name: call.name, arguments: call.arguments } })),
        },
        ...calls.map((call) => ({ role: 'tool' as const, tool_call_id: call.id, content: `${call.name} done` })),
      ],
    });
    expect(followUp.choices[0]!.message.content).toBe('echo: get_weather {"output":"get_weather done"} get_time {"output":"get_time done"}');
    const reasoningContent = (followUp.choices[0]!.message as { reasoning_content?: string }).reasoning_content;
    expect(reasoningContent).toMatch(/^Thinking about: /);
    const modelTurn = strictUpstream.received[1]!.json.contents[1];
    expect(modelTurn.parts[0]).toEqual({
      functionCall: { name: 'get_weather', args: { city: 'city' }, id: `call_${responseId}_0` },
      thoughtSignature: issued,
    });
    expect(modelTurn.parts[1].thoughtSignature).toBeUndefined();
  });

  it('maps a bad key (Gemini answers 400) to an authentication error', async () => {
    const error = await client.chat.completions
      .create({ model: '@gemini-bad-key/gemini-2.5-flash', messages: [{ role: 'user', content: 'hi' }] })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OpenAI.APIError);
    const apiError = error as InstanceType<typeof OpenAI.APIError>;
    expect(apiError.status).toBe(400);
    expect(apiError.error).toMatchObject({ type: 'authentication_error', code: 'INVALID_ARGUMENT', message: 'API key not valid. Please pass a valid API key.' });
  });

  it('maps RESOURCE_EXHAUSTED to a rate-limit error before any stream byte', async () => {
    upstream.failNext({ status: 429 });
    const error = await client.chat.completions
      .create({ model: '@gemini/gemini-2.5-flash', messages: [{ role: 'user', content: 'hi' }], stream: true })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OpenAI.RateLimitError);
    expect((error as InstanceType<typeof OpenAI.RateLimitError>).error).toMatchObject({ type: 'rate_limit_error', code: 'RESOURCE_EXHAUSTED' });
  });

  it('ends the SDK stream with an exception when Gemini sends an error chunk mid-stream', async () => {
    upstream.streamErrorNext({ afterChunks: 2, error: { code: 503, message: 'The model is overloaded. Please try again later.', status: 'UNAVAILABLE' } });
    const stream = await client.chat.completions.create({
      model: '@gemini/gemini-2.5-flash',
      messages: [{ role: 'user', content: 'this answer will break' }],
      stream: true,
    });
    const { text, finish, error: outcome } = await readChatCompletionStreamFailure(stream);
    expect(outcome).toBeInstanceOf(OpenAI.APIError);
    expect((outcome as Error).message).toContain('The model is overloaded');
    expect(text).toBe('echo: this');
    expect(finish).toBeNull();
  });

  it('ends the SDK stream with an exception when the Gemini connection is cut', async () => {
    upstream.failNext({ cutAfterEvents: 2 });
    const stream = await client.chat.completions.create({
      model: '@gemini/gemini-2.5-flash',
      messages: [{ role: 'user', content: 'this stream will be cut short' }],
      stream: true,
    });
    const { text, error: outcome } = await readChatCompletionStreamFailure(stream);
    expect(outcome).toBeInstanceOf(Error);
    expect(text.length).toBeLessThan('echo: this stream will be cut short'.length);
  });

  it('reports what Gemini cannot take in the warnings header', async () => {
    const { data, response } = await client.chat.completions
      .create({ model: '@gemini/gemini-2.5-flash', messages: [{ role: 'user', content: 'hi' }], logit_bias: { '50256': -100 }, user: 'u-1' })
      .withResponse();
    expect(data.choices[0]!.message.content).toBe('echo: hi');
    const header = response.headers.get('x-switchyard-warnings') ?? '';
    expect(header).toContain('logit_bias');
    expect(header).toContain('user');
  });
});
