import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fixturesFor } from './fixtures.js';
import { googleJson } from './encode-google-reply.js';
import { type GoogleMock, startGoogleMock } from './google-mock.js';
import { recordedAnswer } from './recorded-answer.js';

let mock: GoogleMock;

beforeAll(async () => {
  mock = await startGoogleMock({ apiKey: 'gem-key' });
});
afterAll(() => mock.close());
beforeEach(() => mock.reset());

async function post(model: string, method: string, body: unknown, headers: Record<string, string> = { 'x-goog-api-key': 'gem-key' }) {
  const response = await fetch(`${mock.baseURL}/v1beta/models/${model}:${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, contentType: response.headers.get('content-type'), text: await response.text() };
}

function sseChunks(text: string): any[] {
  expect(text.endsWith('\r\n\r\n')).toBe(true);
  return text
    .split('\r\n\r\n')
    .filter(Boolean)
    .map((event) => {
      expect(event.startsWith('data: ')).toBe(true);
      return JSON.parse(event.slice('data: '.length));
    });
}

const user = (text: string) => ({ role: 'user', parts: [{ text }] });
const tools = [
  {
    functionDeclarations: [
      { name: 'get_weather', parametersJsonSchema: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] } },
      { name: 'get_time', parameters: { type: 'OBJECT', properties: {} } },
    ],
  },
];

describe('Gemini mock', () => {
  it('echoes the last user text with usage, responseId and modelVersion', async () => {
    const { status, contentType, text } = await post('gemini-2.5-flash', 'generateContent', {
      systemInstruction: { parts: [{ text: 'be brief' }] },
      contents: [user('hello there world')],
    });
    expect(status).toBe(200);
    expect(contentType).toBe('application/json; charset=UTF-8');
    const body = JSON.parse(text);
    expect(body).toEqual({
      candidates: [{ content: { parts: [{ text: 'echo: hello there world' }], role: 'model' }, finishReason: 'STOP', index: 0 }],
      usageMetadata: { promptTokenCount: 5, candidatesTokenCount: 4, totalTokenCount: 9, promptTokensDetails: [{ modality: 'TEXT', tokenCount: 5 }] },
      modelVersion: 'gemini-2.5-flash',
      responseId: expect.stringMatching(/^mockResponse/),
    });
    expect(mock.received[0]!.headers['x-goog-api-key']).toBe('gem-key');
  });

  it('streams CRLF-framed SSE in Google JSON style with running usage and the finish on the last chunk', async () => {
    const { contentType, text } = await post('gemini-2.5-flash', 'streamGenerateContent?alt=sse', { contents: [user('one two three')] });
    expect(contentType).toBe('text/event-stream');
    const chunks = sseChunks(text);
    expect(chunks.map((chunk) => chunk.candidates[0].content.parts[0].text).join('')).toBe('echo: one two three');
    expect(chunks.map((chunk) => chunk.usageMetadata.candidatesTokenCount)).toEqual([1, 2, 3, 4]);
    expect(chunks.map((chunk) => chunk.candidates[0].finishReason)).toEqual([undefined, undefined, undefined, 'STOP']);
    expect(new Set(chunks.map((chunk) => chunk.responseId)).size).toBe(1);
    // Byte for byte the way Gemini writes JSON in a stream.
    expect(text.split('\r\n\r\n')[0]).toBe(`data: ${googleJson(chunks[0])}`);
    expect(text).toContain('{"candidates": [{"content": {"parts": [{"text": "echo:"}],"role": "model"},"index": 0}],"usageMetadata": {');
  });

  it('streams one JSON array without alt=sse', async () => {
    const { contentType, text } = await post('gemini-2.5-flash', 'streamGenerateContent', { contents: [user('hi')] });
    expect(contentType).toBe('application/json; charset=UTF-8');
    const chunks = JSON.parse(text);
    expect(chunks).toHaveLength(2);
    expect(chunks[1].candidates[0].finishReason).toBe('STOP');
  });

  it('calls every tool in parallel when asked to "call tools", honouring the calling mode', async () => {
    const asked = JSON.parse((await post('m', 'generateContent', { contents: [user('Please call tools')], tools })).text);
    expect(asked.candidates[0].content.parts).toEqual([
      { functionCall: { name: 'get_weather', args: { city: 'city' } } },
      { functionCall: { name: 'get_time', args: {} } },
    ]);
    expect(asked.candidates[0].finishReason).toBe('STOP');

    const named = JSON.parse(
      (await post('m', 'generateContent', {
        contents: [user('whatever')],
        tools,
        toolConfig: { functionCallingConfig: { mode: 'ANY', allowedFunctionNames: ['get_time'] } },
      })).text,
    );
    expect(named.candidates[0].content.parts).toEqual([{ functionCall: { name: 'get_time', args: {} } }]);

    const none = JSON.parse(
      (await post('m', 'generateContent', { contents: [user('call tools')], tools, toolConfig: { functionCallingConfig: { mode: 'NONE' } } })).text,
    );
    expect(none.candidates[0].content.parts).toEqual([{ text: 'echo: call tools' }]);
  });

  it('echoes function responses of a tool-result turn', async () => {
    const body = JSON.parse(
      (await post('m', 'generateContent', {
        contents: [
          user('call tools'),
          { role: 'model', parts: [{ functionCall: { name: 'get_time', args: {} } }] },
          { role: 'user', parts: [{ functionResponse: { name: 'get_time', response: { output: '12:00' } } }] },
        ],
        tools,
      })).text,
    );
    expect(body.candidates[0].content.parts).toEqual([{ text: 'echo: get_time {"output":"12:00"}' }]);
  });

  it('sends thoughts and a signature on the first answer part when thinking is configured', async () => {
    const streamed = sseChunks(
      (await post('gemini-2.5-flash', 'streamGenerateContent?alt=sse', {
        contents: [user('why')],
        generationConfig: { thinkingConfig: { includeThoughts: true, thinkingBudget: 1024 } },
      })).text,
    );
    expect(streamed[0].candidates[0].content.parts).toEqual([{ text: 'Thinking about: why', thought: true }]);
    expect(streamed[0].usageMetadata).toMatchObject({ thoughtsTokenCount: 3, totalTokenCount: 4 });
    expect(streamed[1].candidates[0].content.parts[0]).toEqual({ text: 'echo:', thoughtSignature: mock.issuedSignatures[0] });
    expect(mock.issuedSignatures[0]).toMatch(/^\+\+\+/);

    const calls = JSON.parse(
      (await post('m', 'generateContent', { contents: [user('call tools')], tools, generationConfig: { thinkingConfig: {} } })).text,
    );
    expect(calls.candidates[0].content.parts[0].thoughtSignature).toBe(mock.issuedSignatures[1]);
    expect(calls.candidates[0].content.parts[1].thoughtSignature).toBeUndefined();
  });

  it('cuts at maxOutputTokens and answers JSON for responseMimeType application/json', async () => {
    const cut = JSON.parse((await post('m', 'generateContent', { contents: [user('a b c d')], generationConfig: { maxOutputTokens: 2 } })).text);
    expect(cut.candidates[0]).toMatchObject({ content: { parts: [{ text: 'echo: a' }] }, finishReason: 'MAX_TOKENS' });
    const json = JSON.parse((await post('m', 'generateContent', { contents: [user('x y')], generationConfig: { responseMimeType: 'application/json' } })).text);
    expect(JSON.parse(json.candidates[0].content.parts[0].text)).toEqual({ echo: 'x y' });
  });

  it("answers Gemini's own errors: bad key 400, missing key 403, bad body 400", async () => {
    const bad = await post('m', 'generateContent', { contents: [user('hi')] }, { 'x-goog-api-key': 'wrong' });
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.text).error).toMatchObject({ code: 400, status: 'INVALID_ARGUMENT', message: 'API key not valid. Please pass a valid API key.' });
    expect(bad.text).toContain('\n  "error": {');

    const missing = await post('m', 'generateContent', { contents: [user('hi')] }, {});
    expect(missing.status).toBe(403);
    expect(JSON.parse(missing.text).error.status).toBe('PERMISSION_DENIED');

    const empty = await post('m', 'generateContent', { contents: [] });
    expect(JSON.parse(empty.text).error.message).toContain('contents is not specified');
  });

  it('ends a stream with an error chunk when asked to', async () => {
    mock.streamErrorNext({ afterChunks: 1, error: { code: 503, message: 'The model is overloaded.', status: 'UNAVAILABLE' } });
    const chunks = sseChunks((await post('m', 'streamGenerateContent?alt=sse', { contents: [user('a b c')] })).text);
    expect(chunks).toHaveLength(2);
    expect(chunks[1]).toEqual({ error: { code: 503, message: 'The model is overloaded.', status: 'UNAVAILABLE' } });
  });

  it('answers faults in Google error shape', async () => {
    mock.failNext({ status: 429 });
    const limited = await post('m', 'generateContent', { contents: [user('hi')] });
    expect(limited.status).toBe(429);
    expect(JSON.parse(limited.text).error).toMatchObject({ code: 429, status: 'RESOURCE_EXHAUSTED' });
  });
});

describe('Gemini mock with thought-signature checks', () => {
  let strict: GoogleMock;
  beforeAll(async () => {
    strict = await startGoogleMock({ requireThoughtSignatures: true });
  });
  afterAll(() => strict.close());

  it('refuses a current-turn function call without its signature, accepts it with the issued one', async () => {
    const first = await fetch(`${strict.baseURL}/v1beta/models/gemini-3-pro-preview:generateContent`, {
      method: 'POST',
      body: JSON.stringify({ contents: [user('call tools')], tools, generationConfig: { thinkingConfig: { thinkingLevel: 'low' } } }),
    });
    const calls = ((await first.json()) as any).candidates[0].content.parts;
    const followUp = (modelParts: unknown[]) =>
      fetch(`${strict.baseURL}/v1beta/models/gemini-3-pro-preview:generateContent`, {
        method: 'POST',
        body: JSON.stringify({
          contents: [
            user('call tools'),
            { role: 'model', parts: modelParts },
            { role: 'user', parts: [{ functionResponse: { name: 'get_weather', response: { output: 'sunny' } } }] },
          ],
        }),
      });
    const unsigned = await followUp(calls.map(({ thoughtSignature: _, ...part }: any) => part));
    expect(unsigned.status).toBe(400);
    expect(((await unsigned.json()) as any).error.message).toContain('missing a thought_signature');

    const forged = await followUp([{ ...calls[0], thoughtSignature: 'Zm9yZ2Vk' }, calls[1]]);
    expect(((await forged.json()) as any).error.message).toBe('Corrupted thought signature.');

    const signed = await followUp(calls);
    expect(signed.status).toBe(200);
  });
});

const lookup = fixturesFor('google-gemini');
if (!lookup.found) console.warn(`google mock replay tests skipped: ${lookup.reason}`);

describe.skipIf(!lookup.found)('Gemini mock replaying recordings', () => {
  it('replays a recorded stream byte for byte', async () => {
    if (!lookup.found) return;
    const answer = recordedAnswer(lookup.fixtures, 'text-stream', { chunkSize: 17 });
    mock.replayNext(answer);
    const { status, contentType, text } = await post('gemini-2.0-flash-exp', 'streamGenerateContent?alt=sse', { contents: [user('x')] });
    expect(status).toBe(200);
    expect(contentType).toBe('text/event-stream');
    expect(text).toBe(lookup.fixtures.text('text-stream.sse'));
  });
});
