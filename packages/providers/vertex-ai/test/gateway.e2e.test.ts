import { generateKeyPairSync } from 'node:crypto';
import { type ServingGateway, serveGatewayForAdapters } from '@switchyard/server';
import { type VertexMock, gatewayWarnings, readChatCompletionStream, readChatCompletionStreamFailure, startVertexMock } from '@switchyard/testkit';
import OpenAI from 'openai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createVertexProvider } from '../src/index.js';

// The official openai SDK → the gateway's /v1/chat/completions → the Vertex AI adapter → the
// testkit Vertex mock (token endpoint + Vertex API) on loopback. Service-account keys are made
// here; the mock verifies each JWT with the public half, and issues tokens that expire by the
// same fake clock the adapter's cache reads.
function serviceAccount(clientEmail: string) {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const json = {
    type: 'service_account',
    project_id: 'sa-project-1',
    private_key_id: `kid-${clientEmail.split('@')[0]}`,
    private_key: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    client_email: clientEmail,
    client_id: '1234567890',
    // Set once the mock runs and its token endpoint has an address.
    token_uri: '',
  };
  return { json, publicKey };
}

describe('openai SDK through the gateway to Vertex AI', () => {
  let clock = Date.UTC(2026, 0, 15, 12, 0, 0);
  const now = () => clock;
  let upstream: VertexMock;
  let gateway: ServingGateway;
  let client: OpenAI;
  let main: ReturnType<typeof serviceAccount>;
  let cached: ReturnType<typeof serviceAccount>;
  let perRequest: ReturnType<typeof serviceAccount>;
  let unknown: ReturnType<typeof serviceAccount>;

  beforeAll(async () => {
    main = serviceAccount('gateway@my-project.iam.gserviceaccount.com');
    cached = serviceAccount('cache@my-project.iam.gserviceaccount.com');
    perRequest = serviceAccount('per-request@header-project.iam.gserviceaccount.com');
    // Not known to the token endpoint: its JWTs are refused.
    unknown = serviceAccount('stranger@elsewhere.iam.gserviceaccount.com');
    upstream = await startVertexMock({
      now,
      accessTokens: ['ya29.static-token'],
      projects: ['my-project', 'sa-project-1', 'header-project'],
      serviceAccounts: [main, cached, perRequest].map((account) => ({ clientEmail: account.json.client_email, publicKey: account.publicKey })),
    });
    for (const account of [main, cached, perRequest, unknown]) account.json.token_uri = upstream.tokenURL;

    const baseURL = upstream.baseURL;
    gateway = await serveGatewayForAdapters({
      adapters: [createVertexProvider({ now })],
      entries: [
        { slug: 'vx', adapter: 'vertex-ai', settings: { baseURL, options: { project: 'my-project', location: 'us-central1', serviceAccountJson: JSON.stringify(main.json) } } },
        { slug: 'vx-cache', adapter: 'vertex-ai', settings: { baseURL, options: { location: 'europe-west4', serviceAccountJson: cached.json } } },
        { slug: 'vx-token', adapter: 'vertex-ai', settings: { apiKey: 'ya29.static-token', baseURL, options: { project: 'my-project', location: 'global' } } },
        { slug: 'vx-bare', adapter: 'vertex-ai', settings: { apiKey: 'ya29.not-issued', baseURL, options: {} } },
        { slug: 'vx-stranger', adapter: 'vertex-ai', settings: { baseURL, options: { project: 'my-project', location: 'us-central1', serviceAccountJson: unknown.json } } },
      ],
    });
    client = new OpenAI({ baseURL: `${gateway.url}/v1`, apiKey: 'gateway-client', maxRetries: 0 });
  });
  afterAll(async () => {
    await gateway?.close();
    await upstream?.close();
  });
  beforeEach(() => upstream.reset());

  const received = (index = 0) => upstream.received[index]!;
  const geminiPath = (method: string, model = 'gemini-2.5-flash', location = 'us-central1', project = 'my-project') =>
    `/v1/projects/${project}/locations/${location}/publishers/google/models/${model}:${method}`;
  const claudeModel = 'claude-sonnet-4-5@20250929';
  const claudePath = (method: string) => `/v1/projects/my-project/locations/us-central1/publishers/anthropic/models/${claudeModel}:${method}`;

  const tools: OpenAI.ChatCompletionTool[] = [
    { type: 'function', function: { name: 'get_weather', description: 'Weather', parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] } } },
    { type: 'function', function: { name: 'get_time', parameters: { type: 'object', properties: {} } } },
  ];

  describe('Gemini models', () => {
    it('answers text with a service-account token, sending the Gemini body to the Vertex path', async () => {
      const completion = await client.chat.completions.create({
        model: '@vx/gemini-2.5-flash',
        messages: [
          { role: 'system', content: 'be brief' },
          { role: 'developer', content: 'answer in English' },
          { role: 'user', content: 'hello vertex' },
        ],
        temperature: 0.3,
        max_tokens: 50,
      });
      expect(completion.choices[0]!.message.content).toBe('echo: hello vertex');
      expect(completion.id).toMatch(/^vertexMock/);
      expect(completion.usage).toMatchObject({ prompt_tokens: 7, completion_tokens: 3, total_tokens: 10 });
      expect(received().path).toBe(geminiPath('generateContent'));
      expect(received().headers.authorization).toBe(`Bearer ${upstream.issuedTokens.at(-1)}`);
      expect(received().headers).not.toHaveProperty('x-goog-api-key');
      expect(received().json).toEqual({
        contents: [{ role: 'user', parts: [{ text: 'hello vertex' }] }],
        systemInstruction: { parts: [{ text: 'be brief' }, { text: 'answer in English' }] },
        generationConfig: { temperature: 0.3, maxOutputTokens: 50 },
      });
    });

    it('streams with usage over streamGenerateContent?alt=sse', async () => {
      const stream = await client.chat.completions.create({
        model: '@vx/gemini-2.5-flash',
        messages: [{ role: 'user', content: 'stream these four words' }],
        stream: true,
        stream_options: { include_usage: true },
      });
      const { text, finish, usage } = await readChatCompletionStream(stream);
      expect(text).toBe('echo: stream these four words');
      expect(finish).toBe('stop');
      expect(usage).toMatchObject({ prompt_tokens: 4, completion_tokens: 5, total_tokens: 9 });
      expect(received().path).toBe(geminiPath('streamGenerateContent?alt=sse'));
      expect(received().headers.accept).toBe('text/event-stream');
    });

    it('carries parallel tool calls and the follow-up tool-result turn', async () => {
      const first = await client.chat.completions.create({ model: '@vx/gemini-2.5-flash', messages: [{ role: 'user', content: 'please call tools' }], tools });
      const message = first.choices[0]!.message;
      expect(first.choices[0]!.finish_reason).toBe('tool_calls');
      expect(message.tool_calls!.map((call) => [call.type === 'function' && call.function.name, call.type === 'function' && call.function.arguments])).toEqual([
        ['get_weather', '{"city":"city"}'],
        ['get_time', '{}'],
      ]);
      expect(received().json.tools).toEqual([
        {
          functionDeclarations: [
            { name: 'get_weather', description: 'Weather', parametersJsonSchema: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] } },
            { name: 'get_time', parametersJsonSchema: { type: 'object', properties: {} } },
          ],
        },
      ]);

      const ids = message.tool_calls!.map((call) => call.id);
      const followUp = await client.chat.completions.create({
        model: '@vx/gemini-2.5-flash',
        tools,
        messages: [
          { role: 'user', content: 'please call tools' },
          message,
          { role: 'tool', tool_call_id: ids[0]!, content: 'sunny' },
          { role: 'tool', tool_call_id: ids[1]!, content: 'noon' },
        ],
      });
      expect(followUp.choices[0]!.message.content).toBe('echo: get_weather {"output":"sunny"} get_time {"output":"noon"}');
      expect(received(1).json.contents.map((content: { role: string }) => content.role)).toEqual(['user', 'model', 'user']);
      expect(received(1).json.contents[2].parts.map((part: { functionResponse: { name: string } }) => part.functionResponse.name)).toEqual(['get_weather', 'get_time']);
    });

    it('sends images inline or as fileData URIs, never downloading them', async () => {
      await client.chat.completions.create({
        model: '@vx/gemini-2.5-flash',
        messages: [
          {
            role: 'user',
            content: [
              { type: 'text', text: 'what are these' },
              { type: 'image_url', image_url: { url: 'data:image/png;base64,iVBORw0KGgo=' } },
              { type: 'image_url', image_url: { url: 'https://example.com/cat.jpg' } },
            ],
          },
        ],
      });
      expect(received().json.contents[0].parts).toEqual([
        { text: 'what are these' },
        { inlineData: { mimeType: 'image/png', data: 'iVBORw0KGgo=' } },
        { fileData: { fileUri: 'https://example.com/cat.jpg', mimeType: 'image/jpeg' } },
      ]);
    });

    it('thinks with a budget, streaming the thought summary as reasoning_content', async () => {
      const stream = await client.chat.completions.create({ model: '@vx/gemini-2.5-flash', reasoning_effort: 'low', messages: [{ role: 'user', content: 'think first' }], stream: true });
      const { text, reasoning } = await readChatCompletionStream(stream);
      expect(reasoning).toBe('Thinking about: think first');
      expect(text).toBe('echo: think first');
      expect(received().json.generationConfig.thinkingConfig).toMatchObject({ includeThoughts: true, thinkingBudget: expect.any(Number) });
    });
  });

  describe('Claude models', () => {
    it('answers text through rawPredict with the Messages body minus model, plus anthropic_version', async () => {
      const { data, response } = await client.chat.completions
        .create({ model: `@vx/${claudeModel}`, max_tokens: 100, messages: [{ role: 'system', content: 'be brief' }, { role: 'user', content: 'hello claude' }] })
        .withResponse();
      expect(data.choices[0]!.message.content).toBe('echo: hello claude');
      expect(data.model).toBe(claudeModel);
      expect(received().path).toBe(claudePath('rawPredict'));
      expect(received().headers.authorization).toMatch(/^Bearer ya29\.mock-token-/);
      expect(received().headers).not.toHaveProperty('x-api-key');
      expect(received().headers).not.toHaveProperty('anthropic-version');
      expect(received().json).toEqual({
        anthropic_version: 'vertex-2023-10-16',
        max_tokens: 100,
        system: [{ type: 'text', text: 'be brief' }],
        messages: [{ role: 'user', content: [{ type: 'text', text: 'hello claude' }] }],
        stream: false,
      });
      expect(gatewayWarnings(response)).toEqual([]);
    });

    it('streams parallel tool calls through streamRawPredict, then the tool-result turn', async () => {
      const stream = await client.chat.completions.create({ model: `@vx/${claudeModel}`, max_tokens: 200, messages: [{ role: 'user', content: 'please call tools' }], tools, stream: true });
      const { toolCalls: calls, finish } = await readChatCompletionStream(stream);
      expect(received().path).toBe(claudePath('streamRawPredict'));
      expect(received().json).toMatchObject({ anthropic_version: 'vertex-2023-10-16', stream: true });
      expect(received().json).not.toHaveProperty('model');
      expect(finish).toBe('tool_calls');
      expect(calls).toEqual([
        { id: 'toolu_mock_0', name: 'get_weather', arguments: '{"city":"city"}' },
        { id: 'toolu_mock_1', name: 'get_time', arguments: '{}' },
      ]);

      const followUp = await client.chat.completions.create({
        model: `@vx/${claudeModel}`,
        max_tokens: 200,
        tools,
        messages: [
          { role: 'user', content: 'please call tools' },
          { role: 'assistant', content: null, tool_calls: calls.map((call) => ({ id: call.id, type: 'function' as const, function: { name: call.name, arguments: call.arguments } })) },
          { role: 'tool', tool_call_id: 'toolu_mock_0', content: 'sunny' },
          { role: 'tool', tool_call_id: 'toolu_mock_1', content: 'noon' },
        ],
      });
      expect(followUp.choices[0]!.message.content).toBe('echo: sunny noon');
      expect(received(1).json.messages[2]).toEqual({
        role: 'user',
        content: [
          { type: 'tool_result', tool_use_id: 'toolu_mock_0', content: 'sunny' },
          { type: 'tool_result', tool_use_id: 'toolu_mock_1', content: 'noon' },
        ],
      });
    });

    it('sends images as Messages image blocks', async () => {
      await client.chat.completions.create({
        model: `@vx/${claudeModel}`,
        max_tokens: 50,
        messages: [{ role: 'user', content: [{ type: 'text', text: 'what is this' }, { type: 'image_url', image_url: { url: 'data:image/png;base64,iVBORw0KGgo=' } }] }],
      });
      expect(received().json.messages[0].content[1]).toEqual({ type: 'image', source: { type: 'base64', media_type: 'image/png', data: 'iVBORw0KGgo=' } });
    });

    it('thinks with a budget and returns the thinking as reasoning_content', async () => {
      const completion = await client.chat.completions.create({ model: `@vx/${claudeModel}`, max_completion_tokens: 3000, reasoning_effort: 'minimal', messages: [{ role: 'user', content: 'think briefly' }] });
      const message = completion.choices[0]!.message as OpenAI.ChatCompletionMessage & { reasoning_content?: string };
      expect(message.reasoning_content).toBe('Thinking about: think briefly');
      expect(received().json.thinking).toEqual({ type: 'enabled', budget_tokens: 1024 });
    });
  });

  describe('credentials', () => {
    it('exchanges a service account once for two requests, and again once the token expired', async () => {
      const ask = () => client.chat.completions.create({ model: '@vx-cache/gemini-2.5-flash', messages: [{ role: 'user', content: 'hi' }] });
      await ask();
      await ask();
      expect(upstream.tokenExchanges()).toBe(1);
      const tokenRequest = upstream.tokenServer.received[0]!;
      const form = new URLSearchParams(tokenRequest.body);
      expect(tokenRequest.headers['content-type']).toBe('application/x-www-form-urlencoded');
      expect(form.get('grant_type')).toBe('urn:ietf:params:oauth:grant-type:jwt-bearer');
      const claims = JSON.parse(Buffer.from(form.get('assertion')!.split('.')[1]!, 'base64url').toString());
      expect(claims).toEqual({
        iss: 'cache@my-project.iam.gserviceaccount.com',
        scope: 'https://www.googleapis.com/auth/cloud-platform',
        aud: upstream.tokenURL,
        iat: Math.floor(clock / 1000),
        exp: Math.floor(clock / 1000) + 3600,
      });
      const firstToken = received(0).headers.authorization;
      expect(received(1).headers.authorization).toBe(firstToken);
      // The project came from the service account; the location from the entry.
      expect(received(0).path).toBe(geminiPath('generateContent', 'gemini-2.5-flash', 'europe-west4', 'sa-project-1'));

      // An hour later the cached token has expired (the mock would refuse it): a new exchange.
      clock += 3600_000;
      await ask();
      expect(upstream.tokenExchanges()).toBe(2);
      expect(received(2).headers.authorization).not.toBe(firstToken);
      expect(received(2).headers.authorization).toBe(`Bearer ${upstream.issuedTokens.at(-1)}`);
    });

    it('uses an access token given as the API key as is, on the global endpoint', async () => {
      const completion = await client.chat.completions.create({ model: '@vx-token/gemini-2.5-flash', messages: [{ role: 'user', content: 'hi' }] });
      expect(completion.choices[0]!.message.content).toBe('echo: hi');
      expect(received().headers.authorization).toBe('Bearer ya29.static-token');
      expect(received().path).toBe(geminiPath('generateContent', 'gemini-2.5-flash', 'global'));
      expect(upstream.tokenExchanges()).toBe(0);
    });

    it('takes project, region and service account from Portkey request headers, warning about nothing', async () => {
      const { data, response } = await client.chat.completions
        .create(
          { model: '@vx-bare/gemini-2.5-flash', messages: [{ role: 'user', content: 'from headers' }] },
          {
            headers: {
              'x-portkey-vertex-project-id': 'header-project',
              'x-portkey-vertex-region': 'asia-northeast1',
              'x-portkey-vertex-service-account-json': JSON.stringify(perRequest.json),
            },
          },
        )
        .withResponse();
      expect(data.choices[0]!.message.content).toBe('echo: from headers');
      expect(received().path).toBe(geminiPath('generateContent', 'gemini-2.5-flash', 'asia-northeast1', 'header-project'));
      expect(upstream.tokenExchanges()).toBe(1);
      expect(gatewayWarnings(response)).toEqual([]);
    });

    it('refuses a project that is not a project id before calling anything', async () => {
      const refused = await client.chat.completions
        .create({ model: '@vx-token/gemini-2.5-flash', messages: [{ role: 'user', content: 'hi' }] }, { headers: { 'x-switchyard-vertex-project-id': 'evil.example/..' } })
        .catch((caught: unknown) => caught);
      expect(refused).toBeInstanceOf(OpenAI.BadRequestError);
      expect(upstream.received).toHaveLength(0);
    });

    it('reports a service account the token endpoint refuses as an authentication error, never echoing the key', async () => {
      const refused = await client.chat.completions.create({ model: '@vx-stranger/gemini-2.5-flash', messages: [{ role: 'user', content: 'hi' }] }).catch((caught: unknown) => caught);
      expect(refused).toBeInstanceOf(OpenAI.AuthenticationError);
      expect((refused as Error).message).toContain('invalid_grant');
      expect(JSON.stringify(refused)).not.toContain('PRIVATE KEY');
      expect(upstream.received).toHaveLength(0);
    });
  });

  describe('errors', () => {
    it('maps Vertex errors to OpenAI errors with the upstream status', async () => {
      upstream.failNext({ status: 429 });
      const limited = await client.chat.completions.create({ model: '@vx/gemini-2.5-flash', messages: [{ role: 'user', content: 'hi' }] }).catch((caught: unknown) => caught);
      expect(limited).toBeInstanceOf(OpenAI.RateLimitError);
      expect((limited as Error).message).toContain('Quota exceeded');

      const unauthorized = await client.chat.completions
        .create({ model: `@vx-bare/${claudeModel}`, max_tokens: 10, messages: [{ role: 'user', content: 'hi' }] }, { headers: { 'x-switchyard-vertex-project-id': 'my-project', 'x-switchyard-vertex-region': 'us-east5' } })
        .catch((caught: unknown) => caught);
      expect(unauthorized).toBeInstanceOf(OpenAI.AuthenticationError);
      expect((unauthorized as Error).message).toContain('invalid authentication credentials');

      const forbidden = await client.chat.completions
        .create({ model: '@vx-token/gemini-2.5-flash', messages: [{ role: 'user', content: 'hi' }], stream: true }, { headers: { 'x-switchyard-vertex-project-id': 'other-project' } })
        .catch((caught: unknown) => caught);
      expect(forbidden).toBeInstanceOf(OpenAI.PermissionDeniedError);
    });

    it('ends the SDK stream with an exception when Gemini sends an error chunk mid-stream', async () => {
      const sse = [
        'data: {"candidates": [{"content": {"parts": [{"text": "Hello"}],"role": "model"}}],"modelVersion": "gemini-2.5-flash","responseId": "cut-1"}\r\n\r\n',
        'data: {"error": {"code": 500,"message": "Internal error encountered.","status": "INTERNAL"}}\r\n\r\n',
      ].join('');
      upstream.replayNext({ body: sse, contentType: 'text/event-stream' });
      const stream = await client.chat.completions.create({ model: '@vx/gemini-2.5-flash', messages: [{ role: 'user', content: 'hi' }], stream: true });
      const { text, error: outcome } = await readChatCompletionStreamFailure(stream);
      expect(outcome).toBeInstanceOf(OpenAI.APIError);
      expect((outcome as Error).message).toContain('Internal error encountered.');
      expect(text).toBe('Hello');
    });

    it('ends the SDK stream with an exception when Claude sends an error event mid-stream', async () => {
      const sse = [
        'event: message_start\ndata: {"type":"message_start","message":{"id":"msg_cut","type":"message","role":"assistant","model":"claude-sonnet-4-5","content":[],"stop_reason":null,"stop_sequence":null,"usage":{"input_tokens":3,"output_tokens":1}}}\n\n',
        'event: content_block_start\ndata: {"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}\n\n',
        'event: content_block_delta\ndata: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Hello"}}\n\n',
        'event: error\ndata: {"type": "error", "error": {"type": "overloaded_error", "message": "Overloaded"}}\n\n',
      ].join('');
      upstream.replayNext({ body: sse, contentType: 'text/event-stream; charset=utf-8' });
      const stream = await client.chat.completions.create({ model: `@vx/${claudeModel}`, max_tokens: 10, messages: [{ role: 'user', content: 'hi' }], stream: true });
      const { text, error: outcome } = await readChatCompletionStreamFailure(stream);
      expect(outcome).toBeInstanceOf(OpenAI.APIError);
      expect((outcome as Error).message).toContain('Overloaded');
      expect(text).toBe('Hello');
    });
  });
});
