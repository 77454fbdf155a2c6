import { type ChatRequest, type ChatResponse, type StreamEvent, UpstreamError } from '@switchyard/core';
import {
  collectStreamEvents,
  createTestCallContext,
  recordedAnswer,
  replaySuite,
  startGoogleMock,
  streamedText,
  type GoogleMock,
  type TestCallContext,
} from '@switchyard/testkit';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createGoogleProvider } from '../src/index.js';
import { parseGoogleToolCallId } from '../src/google-tool-call-id.js';

/*
 * Every recording in shared/fixtures/google-gemini goes through the adapter for real: the
 * testkit Gemini mock serves the recorded bytes (cut into small pieces, so the SSE parser
 * meets split lines and CRLFs), the adapter calls it over HTTP, and the mapped values are
 * checked. Where a recording has its request, a canonical request is encoded and what the
 * mock received is compared with the recorded body.
 */
const suite = replaySuite('google-gemini', 'google replay');
const { fixtures } = suite;

const adapter = createGoogleProvider();
let mock: GoogleMock;
let testCall: TestCallContext;
const context = () => testCall.context;

function replay(name: string): void {
  mock.replayNext(recordedAnswer(fixtures, name, { chunkSize: 23 }));
}

async function generate(name: string, request: ChatRequest): Promise<ChatResponse> {
  replay(name);
  return adapter.chat.generate(request, context());
}

async function stream(name: string, request: ChatRequest): Promise<StreamEvent[]> {
  replay(name);
  const started = await adapter.chat.stream({ ...request, stream: true }, context());
  return collectStreamEvents(started.events);
}

async function failure(name: string, streamed: boolean): Promise<UpstreamError> {
  replay(name);
  const request = userRequest('hi');
  const call = streamed ? adapter.chat.stream({ ...request, stream: true }, context()) : adapter.chat.generate(request, context());
  const error = await call.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(UpstreamError.isInstance(error)).toBe(true);
  return error as UpstreamError;
}

function userRequest(text: string, extra: Partial<ChatRequest> = {}): ChatRequest {
  return { model: 'gemini-2.5-flash', stream: false, messages: [{ role: 'user', content: [{ type: 'text', text }] }], ...extra };
}

/**
 * The recorded body, as this adapter writes the same request: SDKs add a `role` to
 * systemInstruction (Gemini ignores it) and send an empty generationConfig; pydantic-ai
 * writes two keys in snake_case (proto JSON accepts both spellings).
 */
function recordedBody(name: string): any {
  const body = structuredClone(fixtures.json(`${name}.request.json`));
  delete body.systemInstruction?.role;
  if (body.generationConfig && Object.keys(body.generationConfig).length === 0) delete body.generationConfig;
  const thinking = body.generationConfig?.thinkingConfig;
  if (thinking && 'include_thoughts' in thinking) {
    thinking.includeThoughts = thinking.include_thoughts;
    delete thinking.include_thoughts;
  }
  for (const tool of body.tools ?? []) {
    for (const declaration of tool.functionDeclarations ?? []) {
      if ('parameters_json_schema' in declaration) {
        declaration.parametersJsonSchema = declaration.parameters_json_schema;
        delete declaration.parameters_json_schema;
      }
    }
  }
  return body;
}

function received(): any {
  const request = mock.received[mock.received.length - 1]!;
  expect(request.headers['x-goog-api-key']).toBe('test-key');
  return request.json;
}

// Cases of the folder that are not a chat exchange with the Gemini API, and why.
const outOfScope: Record<string, string> = {
  'count-tokens': 'countTokens is not part of the chat adapter',
  'embeddings-vertex': 'Vertex AI embeddings (predict): replayed by the vertex-ai adapter tests',
  'openai-compat-tool-call-thought-signature': "Gemini's OpenAI-compatible endpoint: served by an OpenAI-compatible adapter, not this one",
};

const covered = new Set([
  'text',
  'text-system-instruction',
  'function-call',
  'function-call-parallel',
  'function-response-followup',
  'image-input',
  'structured-output-response-json-schema',
  'structured-output-response-schema',
  'thinking',
  'thinking-thought-field',
  'vertex-text',
  'text-stream',
  'text-stream-wire-fragment',
  'function-call-stream',
  'function-call-stream-thought-signature-followup',
  'thinking-stream',
  'error-400-api-key-invalid',
  'error-429-resource-exhausted',
  'error-503-overloaded',
  'embeddings-error-404',
  'embeddings',
]);

describe.skipIf(!suite.found)('replaying the google-gemini recordings through the adapter', () => {
  beforeAll(async () => {
    mock = await startGoogleMock({ apiKey: 'test-key' });
  });
  afterAll(async () => {
    await mock?.close();
  });
  beforeEach(() => {
    mock.reset();
    testCall = createTestCallContext({ settings: { apiKey: 'test-key', baseURL: mock.baseURL } });
  });
  afterEach(() => testCall?.close());

  it('covers every case of the folder (or says why not)', () => {
    const unknown = fixtures.cases().filter((name) => !covered.has(name) && !(name in outOfScope));
    expect(unknown).toEqual([]);
  });

  describe('answers (generateContent)', () => {
    it('text: budget and candidate count encoded, MAX_TOKENS → length, thoughts counted as output', async () => {
      const response = await generate('text', userRequest('why is the sky blue?', { n: 1, maxOutputTokens: 200, reasoning: { budgetTokens: 50 } }));
      // The adapter also asks for thought summaries whenever reasoning is requested.
      const expected = recordedBody('text');
      expected.generationConfig.thinkingConfig.includeThoughts = true;
      expect(received()).toEqual(expected);
      expect(mock.received[0]!.path).toBe('/v1beta/models/gemini-2.5-flash:generateContent');
      expect(response.id).toBe('jy77aN2dK5v_1e8PlvqtsQ8');
      expect(response.model).toBe('gemini-2.5-flash');
      expect(response.content).toHaveLength(1);
      expect(response.content[0]).toMatchObject({ type: 'text', text: expect.stringMatching(/^The sky is blue because of something called \*\*Rayleigh Scattering\*\*/) });
      expect(response.finishReason).toEqual({ unified: 'length', raw: 'MAX_TOKENS' });
      expect(response.usage).toMatchObject({ input: 7, output: 197, reasoning: 48, total: 204 });
      expect(response.providerMetadata?.google).toMatchObject({ turnToken: expect.any(String), modelVersion: 'gemini-2.5-flash' });
      expect(testCall.warnings).toEqual([]);
    });

    it('text-system-instruction: the system message becomes systemInstruction', async () => {
      const response = await generate('text-system-instruction', {
        model: 'gemini-2.5-flash',
        stream: false,
        messages: [
          { role: 'system', content: [{ type: 'text', text: 'I say high you say low' }] },
          { role: 'user', content: [{ type: 'text', text: 'high' }] },
        ],
      });
      expect(received()).toEqual(recordedBody('text-system-instruction'));
      expect(response).toMatchObject({
        id: 'hi77aOvyCJ-jvr0P8syDgQw',
        content: [{ type: 'text', text: 'low' }],
        finishReason: { unified: 'stop', raw: 'STOP' },
        usage: { input: 9, output: 21, reasoning: 20, total: 30 },
      });
    });

    it('function-call: tools as OpenAPI Schema, ANY with allowed names; the call gets a stable id', async () => {
      const request = userRequest('What is the largest city in the user country?', {
        model: 'gemini-2.0-flash',
        tools: [
          { name: 'get_user_country', description: '', parameters: { type: 'object', properties: {} } },
          {
            name: 'final_result',
            description: 'The final response which ends this conversation',
            parameters: { type: 'object', properties: { city: { type: 'string' }, country: { type: 'string' } }, required: ['city', 'country'] },
          },
        ],
        toolChoice: { type: 'required' },
        providerOptions: {
          google: { schemaMode: 'openapi', toolConfig: { functionCallingConfig: { mode: 'ANY', allowedFunctionNames: ['get_user_country', 'final_result'] } } },
        },
      });
      const response = await generate('function-call', request);
      expect(received()).toEqual(recordedBody('function-call'));
      expect(response.content).toEqual([{ type: 'tool-call', id: 'call_LlteaIDvD9m7nvgPz5Sb0Aw_0', name: 'get_user_country', arguments: '{}' }]);
      expect(response.finishReason).toEqual({ unified: 'tool-calls', raw: 'STOP' });
      expect(response.usage).toMatchObject({ input: 33, output: 5, total: 38 });
      expect(response.providerMetadata?.google).toMatchObject({ avgLogprobs: 5.670217797160149e-6 });
    });

    it('function-response-followup: the call and its result go back with name and id', async () => {
      const response = await generate('function-response-followup', {
        model: 'gemini-2.0-flash',
        stream: false,
        messages: [
          { role: 'user', content: [{ type: 'text', text: 'What is the largest city in the user country?' }] },
          { role: 'assistant', content: [{ type: 'tool-call', id: 'pyd_ai_3fa5644dae1d4aad997ae39c70006fbd', name: 'get_user_country', arguments: '{}' }] },
          {
            role: 'tool',
            content: [{ type: 'tool-result', toolCallId: 'pyd_ai_3fa5644dae1d4aad997ae39c70006fbd', content: [{ type: 'text', text: '{"return_value":"Mexico"}' }] }],
          },
        ],
        tools: [
          { name: 'get_user_country', description: '', parameters: { type: 'object', properties: {} } },
          {
            name: 'final_result',
            description: 'The final response which ends this conversation',
            parameters: { type: 'object', properties: { city: { type: 'string' }, country: { type: 'string' } }, required: ['city', 'country'] },
          },
        ],
        providerOptions: {
          google: { schemaMode: 'openapi', toolConfig: { functionCallingConfig: { mode: 'ANY', allowedFunctionNames: ['get_user_country', 'final_result'] } } },
        },
      });
      expect(received()).toEqual(recordedBody('function-response-followup'));
      expect(response.content).toEqual([
        { type: 'tool-call', id: 'call_LlteaOzCOPOdnvgPrJbnoQg_0', name: 'final_result', arguments: '{"city":"Mexico City","country":"Mexico"}' },
      ]);
      expect(response.usage).toMatchObject({ input: 47, output: 8, total: 55 });
    });

    it('function-call-parallel: three calls in one answer, indexed ids, JSON Schema parameters kept whole', async () => {
      const recorded = fixtures.json('function-call-parallel.request.json');
      const printSchema = recorded.tools[0].functionDeclarations[0].parametersJsonSchema;
      const response = await generate(
        'function-call-parallel',
        userRequest(recorded.contents[0].parts[0].text, {
          model: 'gemini-2.0-flash',
          tools: [
            { name: 'print', parameters: printSchema },
            { name: 'beep', parameters: { properties: {}, type: 'object' } },
            {
              name: 'controlLight',
              parameters: {
                type: 'object',
                description: 'Set the brightness and color temperature of a room light.',
                properties: { brightness: { type: 'number' }, colorTemperature: { type: 'string' } },
                required: ['brightness', 'colorTemperature'],
              },
            },
          ],
          toolChoice: { type: 'auto' },
        }),
      );
      // The recording spreads the declarations over three tool objects; one holding all three is the same.
      const body = received();
      expect(body.toolConfig).toEqual(recorded.toolConfig);
      expect(body.tools).toHaveLength(1);
      expect(body.tools[0].functionDeclarations.map((declaration: any) => declaration.name)).toEqual(['print', 'beep', 'controlLight']);
      expect(body.tools[0].functionDeclarations[0].parametersJsonSchema).toEqual(printSchema);
      expect(response.content).toEqual([
        { type: 'tool-call', id: 'call_ojCtaMv-M-H9jrEP_aiggAo_0', name: 'print', arguments: '{"color":"blue","text":"hello"}' },
        { type: 'tool-call', id: 'call_ojCtaMv-M-H9jrEP_aiggAo_1', name: 'beep', arguments: '{}' },
        { type: 'tool-call', id: 'call_ojCtaMv-M-H9jrEP_aiggAo_2', name: 'controlLight', arguments: '{"brightness":50,"colorTemperature":"warm"}' },
      ]);
      expect(response.finishReason).toEqual({ unified: 'tool-calls', raw: 'STOP' });
      expect(response.usage).toMatchObject({ input: 96, output: 13, total: 109 });
    });

    it('image-input: a base64 image goes as inlineData, verbatim', async () => {
      const recorded = fixtures.json('image-input.request.json');
      const image = recorded.contents[0].parts[1].inlineData;
      const response = await generate('image-input', {
        model: 'gemini-2.0-flash',
        stream: false,
        messages: [
          { role: 'system', content: [{ type: 'text', text: 'You are a helpful chatbot.' }] },
          {
            role: 'user',
            content: [
              { type: 'text', text: 'What is this vegetable?' },
              { type: 'image', source: { type: 'base64', mediaType: image.mimeType, data: image.data } },
            ],
          },
        ],
      });
      expect(received()).toEqual(recordedBody('image-input'));
      expect(response.content).toEqual([{ type: 'text', text: 'That is a potato.' }]);
      expect(response.usage).toMatchObject({ input: 1817, output: 5, total: 1822 });
    });

    it.each(['structured-output-response-json-schema', 'structured-output-response-schema'])(
      '%s: json_schema goes as responseJsonSchema, unchanged',
      async (name) => {
        const recorded = fixtures.json(`${name}.request.json`);
        const response = await generate(
          name,
          userRequest('populate the following object', {
            responseFormat: { type: 'json_schema', name: 'out', schema: recorded.generationConfig.responseJsonSchema },
          }),
        );
        expect(received()).toEqual(recordedBody(name));
        const answer = JSON.parse((response.content[0] as { text: string }).text);
        expect(answer).toMatchObject({ stringWithEnum: 'enumvalue1', simpleBoolean: true });
        expect(response.finishReason.unified).toBe('stop');
      },
    );

    it('structured-output usage: cached tokens are part of the input and reported as cachedInput', async () => {
      const response = await generate('structured-output-response-schema', userRequest('x'));
      expect(response.usage).toMatchObject({ input: 5, cachedInput: 3, output: 279, reasoning: 41, total: 284 });
      const plain = await generate('structured-output-response-json-schema', userRequest('x'));
      expect(plain.usage).toMatchObject({ input: 5, output: 508, reasoning: 331, total: 513 });
      expect(plain.usage!.cachedInput).toBeUndefined();
    });

    it('thinking: the thought becomes reasoning signed with the signature of the text after it', async () => {
      const recorded = fixtures.json('thinking.json');
      const [thought, answer] = recorded.candidates[0].content.parts;
      const response = await generate('thinking', {
        model: 'gemini-3-pro-preview',
        stream: false,
        messages: [
          { role: 'system', content: [{ type: 'text', text: 'You are a helpful assistant.' }] },
          { role: 'user', content: [{ type: 'text', text: 'How do I cross the street?' }] },
        ],
        tools: [{ name: 'dummy', description: '', parameters: { additionalProperties: false, properties: {}, type: 'object' } }],
        reasoning: { summary: 'auto' },
        providerOptions: { google: { generationConfig: { responseModalities: ['TEXT'] } } },
      });
      expect(received()).toEqual(recordedBody('thinking'));
      expect(response.content).toEqual([
        { type: 'reasoning', text: thought.text, signature: answer.thoughtSignature, provider: 'google' },
        { type: 'text', text: answer.text },
      ]);
      expect(response.finishReason).toEqual({ unified: 'stop', raw: 'STOP' });
      expect(response.usage).toMatchObject({ input: 29, output: 1737, reasoning: 1001, total: 1766 });
    });

    it('thinking-thought-field: only a thought before MAX_TOKENS', async () => {
      const response = await generate(
        'thinking-thought-field',
        userRequest('What is the sum of natural numbers from 1 to 100?', { n: 1, maxOutputTokens: 20, reasoning: { summary: 'auto' } }),
      );
      expect(received()).toEqual(recordedBody('thinking-thought-field'));
      expect(response.content).toEqual([{ type: 'reasoning', text: expect.stringMatching(/^\*\*Breaking Down the Sum/), provider: 'google' }]);
      expect(response.finishReason).toEqual({ unified: 'length', raw: 'MAX_TOKENS' });
      expect(response.usage).toMatchObject({ input: 17, output: 19, reasoning: 19, total: 36 });
    });

    it('vertex-text: the Vertex AI answer decodes the same, createTime becoming created', async () => {
      const response = await generate('vertex-text', userRequest('why is the sky blue?', { n: 1, maxOutputTokens: 200, reasoning: { budgetTokens: 50 } }));
      const expected = recordedBody('vertex-text');
      expected.generationConfig.thinkingConfig.includeThoughts = true;
      expect(received()).toEqual(expected);
      expect(response).toMatchObject({
        id: 'jC77aI_PD-v8698Pl73V0QY',
        created: Math.floor(Date.parse('2025-10-24T07:45:16.255887Z') / 1000),
        finishReason: { unified: 'length', raw: 'MAX_TOKENS' },
        usage: { input: 6, output: 197, reasoning: 42, total: 203, raw: expect.objectContaining({ trafficType: 'ON_DEMAND' }) },
      });
      expect(response.providerMetadata?.google).toMatchObject({ score: -36.391902923583984 });
    });
  });

  describe('streams (streamGenerateContent?alt=sse)', () => {
    it('text-stream: deltas in order, the last cumulative usage, finish stop', async () => {
      const events = await stream('text-stream', {
        model: 'gemini-2.0-flash-exp',
        stream: true,
        messages: [
          { role: 'system', content: [{ type: 'text', text: 'You are a helpful chatbot.' }] },
          { role: 'user', content: [{ type: 'text', text: 'What is the capital of France?' }] },
        ],
        temperature: 0,
      });
      expect(received()).toEqual(recordedBody('text-stream'));
      expect(mock.received[0]!.path).toBe('/v1beta/models/gemini-2.0-flash-exp:streamGenerateContent?alt=sse');
      expect(events[0]).toEqual({ type: 'start', id: 'w1peaMz6INOvnvgPgYfPiQY', model: 'gemini-2.0-flash-exp' });
      expect(streamedText(events)).toBe('The capital of France is Paris.\n');
      const finish = events[events.length - 1]!;
      expect(finish).toMatchObject({ type: 'finish', finishReason: { unified: 'stop', raw: 'STOP' }, usage: { input: 13, output: 8, total: 21 } });
      expect(events.filter((event) => event.type === 'error')).toEqual([]);
    });

    it('function-call-stream: a whole call as start / one delta / end, finish tool-calls', async () => {
      const events = await stream(
        'function-call-stream',
        userRequest('what is the result of 100/2', {
          model: 'gemini-2.0-flash',
          tools: [
            {
              name: 'customDivide',
              description: 'Custom divide function',
              parameters: { type: 'object', properties: { denominator: { type: 'number' }, numerator: { type: 'number' } } },
            },
          ],
          providerOptions: { google: { schemaMode: 'openapi' } },
        }),
      );
      expect(received()).toEqual(recordedBody('function-call-stream'));
      expect(events).toEqual([
        { type: 'start', id: 'xtSfaIRs8_Sf2Q-skYe5Dg', model: 'gemini-2.0-flash' },
        { type: 'tool-call-start', index: 0, id: 'call_xtSfaIRs8_Sf2Q-skYe5Dg_0', name: 'customDivide' },
        { type: 'tool-call-delta', index: 0, argumentsDelta: '{"denominator":2,"numerator":100}' },
        { type: 'tool-call-end', index: 0 },
        {
          type: 'finish',
          finishReason: { unified: 'tool-calls', raw: 'STOP' },
          usage: expect.objectContaining({ input: 21, output: 6, total: 27 }),
          providerMetadata: { google: { modelVersion: 'gemini-2.0-flash' } },
        },
      ]);
    });

    it('function-call-stream-thought-signature-followup: the signature goes back on its functionCall', async () => {
      const recorded = fixtures.json('function-call-stream-thought-signature-followup.request.json');
      const call = recorded.contents[1].parts[0];
      const events = await stream('function-call-stream-thought-signature-followup', {
        model: 'gemini-3-pro-preview',
        stream: true,
        messages: [
          { role: 'user', content: [{ type: 'text', text: 'What is the capital of the user country? Call the tool' }] },
          {
            role: 'assistant',
            content: [
              { type: 'reasoning', text: '', signature: call.thoughtSignature, provider: 'google' },
              { type: 'tool-call', id: call.functionCall.id, name: 'get_country', arguments: '{}' },
            ],
          },
          { role: 'tool', content: [{ type: 'tool-result', toolCallId: call.functionCall.id, content: [{ type: 'text', text: '{"return_value":"Mexico"}' }] }] },
        ],
        tools: [{ name: 'get_country', description: '', parameters: { additionalProperties: false, properties: {}, type: 'object' } }],
        providerOptions: { google: { generationConfig: { responseModalities: ['TEXT'] } } },
      });
      expect(received()).toEqual(recordedBody('function-call-stream-thought-signature-followup'));
      expect(streamedText(events)).toBe('The capital of Mexico is Mexico City.');
      expect(events[events.length - 1]).toMatchObject({ type: 'finish', finishReason: { unified: 'stop' }, usage: { input: 257, output: 8, total: 265 } });
    });

    it('thinking-stream: thought deltas, then the signature, then the answer', async () => {
      const events = await stream('thinking-stream', {
        model: 'gemini-2.5-pro',
        stream: true,
        messages: [
          { role: 'system', content: [{ type: 'text', text: 'You are a helpful assistant.' }] },
          { role: 'user', content: [{ type: 'text', text: 'How do I cross the street?' }] },
        ],
        tools: [{ name: 'dummy', description: '', parameters: { type: 'object', properties: {} } }],
        reasoning: { summary: 'auto' },
        providerOptions: { google: { schemaMode: 'openapi' } },
      });
      expect(received()).toEqual(recordedBody('thinking-stream'));
      const reasoning = events.filter((event) => event.type === 'reasoning-delta') as Array<Extract<StreamEvent, { type: 'reasoning-delta' }>>;
      expect(reasoning).toHaveLength(5);
      expect(reasoning[0]!.delta).toMatch(/^\*\*Clarifying User Goals\*\*/);
      expect(reasoning[4]).toEqual({ type: 'reasoning-delta', delta: '', signature: expect.stringMatching(/^CiIB0e2Kb6Syj1a961Ef/), provider: 'google' });
      const signatureAt = events.indexOf(reasoning[4]!);
      expect(events[signatureAt + 1]).toEqual({ type: 'text-delta', delta: expect.stringMatching(/^This is a great question!/) });
      expect(streamedText(events)).toMatch(/stay alert and be predictable\*\*/);
      expect(events[events.length - 1]).toMatchObject({
        type: 'finish',
        finishReason: { unified: 'stop', raw: 'STOP' },
        usage: { input: 34, output: 1256, reasoning: 787, total: 1290 },
      });
    });

    it('text-stream-wire-fragment: a stream cut before its finish ends in an error event', async () => {
      const events = await stream('text-stream-wire-fragment', userRequest('x', { model: 'gemini-2.5-flash-preview-04-17' }));
      expect(events[0]).toMatchObject({ type: 'start', model: 'gemini-2.5-flash-preview-04-17' });
      expect(streamedText(events)).toMatch(/^<thinking>The user wants to connect the current project/);
      expect(events.some((event) => event.type === 'finish')).toBe(false);
      expect(events[events.length - 1]).toEqual({
        type: 'error',
        error: expect.objectContaining({ kind: 'upstream', provider: 'google', message: expect.stringContaining('ended before the provider finished') }),
      });
    });
  });

  describe('errors', () => {
    it('error-400-api-key-invalid: a bad key is authentication, the 400 kept', async () => {
      for (const streamed of [false, true]) {
        const error = await failure('error-400-api-key-invalid', streamed);
        expect(error).toMatchObject({ kind: 'authentication', status: 400, code: 'INVALID_ARGUMENT', provider: 'google', retryable: false });
        expect(error.message).toBe('API key not valid. Please pass a valid API key.');
      }
    });

    it('error-429-resource-exhausted: rate limit, retryable, details kept in the body', async () => {
      const error = await failure('error-429-resource-exhausted', false);
      expect(error).toMatchObject({ kind: 'rate_limit', status: 429, code: 'RESOURCE_EXHAUSTED', retryable: true });
      expect(JSON.stringify(error.body)).toContain('RetryInfo');
    });

    it('error-503-overloaded: overloaded, before any stream event', async () => {
      const error = await failure('error-503-overloaded', true);
      expect(error).toMatchObject({ kind: 'overloaded', status: 503, code: 'UNAVAILABLE', message: 'The model is overloaded. Please try again later.' });
    });

    it('embeddings-error-404: not found', async () => {
      const error = await failure('embeddings-error-404', false);
      expect(error).toMatchObject({ kind: 'not_found', status: 404, code: 'NOT_FOUND' });
    });

    it('embeddings-error-404 through the embeddings operation: the recorded request, and the error mapped', async () => {
      replay('embeddings-error-404');
      const error = await adapter.embeddings
        .create({ model: 'nonexistent-model', input: ['Hello, world!'], extra: { task_type: 'RETRIEVAL_QUERY' } }, context())
        .then(() => undefined, (caught: unknown) => caught);
      expect(received()).toEqual(fixtures.json('embeddings-error-404.request.json'));
      expect(mock.received[0]!.path).toBe('/v1beta/models/nonexistent-model:batchEmbedContents');
      expect(UpstreamError.isInstance(error)).toBe(true);
      expect(error).toMatchObject({ kind: 'not_found', status: 404, code: 'NOT_FOUND', message: expect.stringContaining('not supported for embedContent') });
    });
  });

  describe('embeddings (batchEmbedContents)', () => {
    it('embeddings: dimensions and task type encoded as recorded; the recorded vector comes back whole, with no usage', async () => {
      replay('embeddings');
      const response = await adapter.embeddings.create(
        { model: 'gemini-embedding-2-preview', input: ['Hello, world!'], dimensions: 768, extra: { task_type: 'retrieval_query' } },
        context(),
      );
      expect(received()).toEqual(fixtures.json('embeddings.request.json'));
      expect(mock.received[0]!.path).toBe('/v1beta/models/gemini-embedding-2-preview:batchEmbedContents');
      const recorded = fixtures.json('embeddings.json').embeddings[0].values;
      expect(response.model).toBe('gemini-embedding-2-preview');
      expect(response.embeddings).toEqual([recorded]);
      expect(response.embeddings[0]).toHaveLength(768);
      expect(response.usage).toBeUndefined();
      expect(testCall.warnings).toEqual([]);
    });
  });

  it('a tool-call id carrying a signature restores it on the next turn (recorded signature)', async () => {
    const recorded = fixtures.json('function-call-stream-thought-signature-followup.request.json');
    const call = recorded.contents[1].parts[0];
    const id = `call_x_0__thought__${call.thoughtSignature.replace(/=+$/, '')}`;
    expect(parseGoogleToolCallId(id).baseId).toBe('call_x_0');
    replay('function-call-stream-thought-signature-followup');
    const started = await adapter.chat.stream(
      {
        model: 'gemini-3-pro-preview',
        stream: true,
        messages: [
          { role: 'user', content: [{ type: 'text', text: 'q' }] },
          { role: 'assistant', content: [{ type: 'tool-call', id, name: 'get_country', arguments: '{}' }] },
          { role: 'tool', content: [{ type: 'tool-result', toolCallId: id, content: [{ type: 'text', text: 'Mexico' }] }] },
        ],
      },
      context(),
    );
    await collectStreamEvents(started.events);
    const sent = received().contents[1].parts[0];
    // The recorded signature is url-safe base64: same bytes, standard alphabet.
    expect(Buffer.from(sent.thoughtSignature, 'base64')).toEqual(Buffer.from(call.thoughtSignature, 'base64url'));
    expect(sent.functionCall).toEqual({ name: 'get_country', args: {}, id: 'call_x_0' });
    expect(received().contents[2].parts[0].functionResponse).toEqual({ name: 'get_country', response: { output: 'Mexico' }, id: 'call_x_0' });
  });
});
