import { readdirSync } from 'node:fs';
import { GatewayError, type ChatRequest, type ChatResponse, type StreamEvent } from '@switchyard/core';
import { fixturesFor, type ProviderFixtures } from '@switchyard/testkit';
import { APIError } from 'openai';
import { describe, expect, it } from 'vitest';
import { decodeOpenAIChatError, openAIResponsesCodec } from '../src/index.js';
import {
  readResponsesWithSdkHelper,
  readResponsesWithSdkIterator,
  summarizeCanonicalEvents,
  withoutTypes,
} from '../src/openai-responses/openai-responses-sdk.test-support.js';
import { checkResponsesStream } from '../src/openai-responses/openai-responses-stream-checks.test-support.js';
import { parseSse } from './openai-sdk-harness.js';

/*
 * Replays every recorded Responses exchange through the codec: requests decode and encode
 * back to the same body (made stateless), answers decode and encode back to the same
 * Response object, recorded streams decode to the right canonical events, and every stream
 * the codec encodes — re-encoding a recording — is read by the official `openai` SDK over
 * real HTTP exactly as the recording itself is.
 */

type Json = Record<string, any>;

interface Source {
  provider: string;
  include?: (file: string) => boolean;
}

const sources: Source[] = [
  { provider: 'openai-responses' },
  // Azure's folder also holds Chat Completions recordings; those are the openai-chat replay's.
  { provider: 'azure-openai', include: (file) => file.startsWith('responses-') },
];

// ---------------------------------------------------------------------------------------
// What each recording must map to
// ---------------------------------------------------------------------------------------

/** Request bodies the front must refuse, with the error OpenAI itself answered (recorded beside them). */
const rejectedRequests: Record<string, string> = {
  'openai-responses/error-400-invalid-value.request.json': 'error-400-invalid-value.json',
};

const requestChecks: Record<string, (request: ChatRequest) => void> = {
  'openai-responses/text-stream.request.json': (request) => {
    expect(request.messages).toEqual([
      { role: 'user', content: [{ type: 'text', text: 'What is the capital of France?' }] },
      {
        role: 'assistant',
        content: [{ type: 'tool-call', id: 'fc_67e554a1de488191af0831d35cbe082e0794405d35281ae2', name: 'get_capital', arguments: '{"country":"France"}' }],
      },
      {
        role: 'tool',
        content: [
          {
            type: 'tool-result',
            toolCallId: 'fc_67e554a1de488191af0831d35cbe082e0794405d35281ae2',
            toolName: 'get_capital',
            content: [{ type: 'text', text: 'Paris' }],
          },
        ],
      },
    ]);
    expect(request).toMatchObject({ stream: true, toolChoice: { type: 'auto' } });
    expect(request.tools).toEqual([
      {
        name: 'get_capital',
        description: '',
        parameters: { additionalProperties: false, properties: { country: { type: 'string' } }, required: ['country'], type: 'object' },
        strict: true,
      },
    ]);
  },
  'openai-responses/structured-output-json-schema.request.json': (request) => {
    // The empty assistant message and the call that follows it are one turn.
    expect(request.messages[1]).toEqual({
      role: 'assistant',
      content: [
        { type: 'text', text: '' },
        { type: 'tool-call', id: 'call_tTAThu8l2S9hNky2krdwijGP', name: 'get_user_country', arguments: '{}' },
      ],
    });
    expect(request.responseFormat).toMatchObject({ type: 'json_schema', name: 'CityLocation', strict: true });
    expect(request.tools![0]!.strict).toBe(false);
  },
  'openai-responses/reasoning-summary.request.json': (request) => {
    expect(request.messages[0]).toEqual({ role: 'system', content: [{ type: 'text', text: 'You are a helpful coding assistant.' }] });
    expect(request.reasoning).toEqual({ effort: 'high', summary: 'auto' });
    expect(request.providerOptions).toEqual({ 'openai-responses': { include: ['reasoning.encrypted_content'] } });
  },
  'openai-responses/reasoning-tool-call-stream-usage.request.json': (request) => {
    expect(request.toolChoice).toEqual({ type: 'required' });
    expect(request.reasoning).toEqual({ effort: 'low' });
    expect(request.providerOptions?.['openai-responses']).toMatchObject({ service_tier: 'flex', previous_response_id: null });
  },
  'openai-responses/image-input.request.json': (request) => {
    expect(request.messages).toEqual([
      {
        role: 'user',
        content: [
          { type: 'text', text: 'hello' },
          {
            type: 'image',
            source: { type: 'url', url: 'https://t3.ftcdn.net/jpg/00/85/79/92/360_F_85799278_0BBGV9OAdQDTLnKwAPBCcg1J7QtiieJY.jpg' },
            detail: 'auto',
          },
        ],
      },
    ]);
  },
  'openai-responses/usage-cached-tokens.request.json': (request) => {
    expect(request.messages[0]!.content[0]).toMatchObject({ type: 'text', cache: { type: 'ephemeral' } });
    expect(request.messages[0]!.content[1]).toEqual({ type: 'text', text: 'Reply with exactly: OK' });
    expect(request.providerOptions).toEqual({
      'openai-responses': {
        include: ['reasoning.encrypted_content'],
        prompt_cache_key: 'pydantic-ai-prompt-cache-e2e-responses',
        prompt_cache_options: { mode: 'explicit', ttl: '30m' },
      },
    });
  },
  'azure-openai/responses-content-filters.request.json': (request) => {
    expect(request.reasoning).toBeUndefined();
    expect(request.providerOptions).toEqual({ 'openai-responses': { include: ['reasoning.encrypted_content'], reasoning: { context: 'all_turns' } } });
  },
};

/** Error bodies: the kind and status each decodes to (status from the recorded headers, or OpenAI's docs). */
const recordedErrors: Record<string, { kind: string; status: number }> = {
  'openai-responses/error-400-invalid-value.json': { kind: 'invalid_request', status: 400 },
  // OpenAI answers an unknown model on /v1/responses with 400 (Chat Completions says 404).
  'openai-responses/error-400-model-not-found.json': { kind: 'not_found', status: 400 },
  'openai-responses/error-429-insufficient-quota.json': { kind: 'rate_limit', status: 429 },
};

const responseChecks: Record<string, (response: ChatResponse) => void> = {
  'openai-responses/text.json': (response) => {
    expect(response.content).toEqual([{ type: 'text', text: 'The capital of France is Paris.' }]);
    expect(response).toMatchObject({ model: 'gpt-4o-2024-08-06', created: 1757604033, serviceTier: 'default', finishReason: { unified: 'stop', raw: 'completed' } });
    expect(response.usage).toMatchObject({ input: 14, output: 8, total: 22, cachedInput: 0, reasoning: 0 });
  },
  'openai-responses/tool-call.json': (response) => {
    expect(response.content).toEqual([{ type: 'tool-call', id: 'call_YfwRsW8sUxDKipwyhWTzOXCA', name: 'get_capital', arguments: '{"country":"PotatoLand"}' }]);
    expect(response.finishReason).toEqual({ unified: 'tool-calls', raw: 'completed' });
    expect(response.usage).toMatchObject({ input: 40, output: 18, total: 58 });
  },
  'openai-responses/reasoning-summary.json': (response) => {
    expect(response.content.map((part) => part.type)).toEqual(['reasoning', 'text']);
    expect(response.content[0]).toMatchObject({
      type: 'reasoning',
      text: expect.stringMatching(/^\*\*Generating factorial function\*\*\n\nI need to respond/),
      redactedData: expect.stringMatching(/^gAAAAABpQvTkJZft62qJ/),
      provider: 'openai',
    });
    expect((response.content[1] as { text: string }).text).toMatch(/^```python\ndef factorial/);
    expect(response.usage).toMatchObject({ input: 34, output: 226, total: 260, reasoning: 59 });
  },
  'openai-responses/reasoning-with-tool-calls.json': (response) => {
    expect(response.content.map((part) => part.type)).toEqual(['reasoning', 'tool-call']);
    // Five summary parts, joined by blank lines.
    expect((response.content[0] as { text: string }).text.split('\n\n**')).toHaveLength(5);
    expect(response.content[1]).toMatchObject({ type: 'tool-call', id: 'call_gL7JE6GDeGGsFubqO2XGytyO', name: 'update_plan' });
    expect(JSON.parse((response.content[1] as { arguments: string }).arguments).plan).toMatch(/^Plan:/);
    expect(response.usage).toMatchObject({ input: 124, output: 1926, total: 2050, reasoning: 1792 });
  },
  'openai-responses/structured-output-json-schema.json': (response) => {
    expect(JSON.parse((response.content[0] as { text: string }).text)).toEqual({ city: 'Mexico City', country: 'Mexico' });
  },
  'openai-responses/image-input.json': (response) => {
    expect(response.content).toEqual([{ type: 'text', text: "Hello! I see you've shared an image of a potato. How can I assist you today?" }]);
    expect(response.usage).toMatchObject({ input: 663, output: 20, total: 683 });
  },
  'openai-responses/usage-cached-tokens.json': (response) => {
    expect(response.usage).toMatchObject({ input: 4020, output: 5, total: 4025, cachedInput: 4012, cacheWrite: 0, reasoning: 0 });
  },
  'azure-openai/responses-content-filters.json': (response) => {
    expect(response.content).toEqual([{ type: 'text', text: 'Paris' }]);
    expect((response.providerMetadata!['openai-responses'] as Json).response.content_filters).toHaveLength(2);
  },
  'azure-openai/responses-tool-call.json': (response) => {
    expect(response.content).toEqual([{ type: 'tool-call', id: 'call_YunNGbIwdVJ2i0y0Mybva4Pw', name: 'weather', arguments: '{"location":"San Francisco"}' }]);
    expect(response.usage).toMatchObject({ input: 45, output: 24, total: 69 });
  },
};

const streamChecks: Record<string, (events: StreamEvent[]) => void> = {
  'openai-responses/text-stream.sse': (events) => {
    expect(events[0]).toMatchObject({ type: 'start', id: 'resp_67e554a21aa88191b65876ac5e5bbe0406c52f0e511c76ed', model: 'gpt-4o-2024-08-06', created: 1743082658 });
    expect(textOf(events)).toBe('The capital of France is Paris.');
    expect(events.filter((event) => event.type === 'text-delta')).toHaveLength(7);
    expect(events.at(-1)).toMatchObject({ type: 'finish', finishReason: { unified: 'stop', raw: 'completed' }, usage: { input: 278, output: 9, total: 287, cachedInput: 0 } });
  },
  'openai-responses/tool-call-stream.sse': (events) => {
    expect(events.map((event) => event.type)).toEqual(['start', 'tool-call-start', ...Array(5).fill('tool-call-delta'), 'tool-call-end', 'finish']);
    expect(events[1]).toEqual({ type: 'tool-call-start', index: 0, id: 'call_kL0PCQV7M2WMoVX8V8OtYSAL', name: 'get_capital' });
    expect(argumentsOf(events, 0)).toBe('{"country":"France"}');
    expect(events.at(-1)).toMatchObject({ finishReason: { unified: 'tool-calls', raw: 'completed' }, usage: { input: 255, output: 16, total: 271 } });
  },
  'openai-responses/reasoning-tool-call-stream-usage.sse': (events) => {
    expect(events[0]).toMatchObject({ type: 'start', id: 'resp_0050471a34b36ae60068c97b94a480819587a9d70cf2979b33', serviceTier: 'flex' });
    // The reasoning has no summary; its encrypted content (from output_item.done) is the whole of it.
    expect(events[1]).toEqual({ type: 'reasoning-delta', delta: '', redactedData: expect.stringMatching(/^gAAAAABoyXvxI6jwG5j6/), provider: 'openai' });
    expect(events[2]).toEqual({ type: 'tool-call-start', index: 0, id: 'call_CWXgs68YprAjp6t0371hiPOI', name: 'final_result' });
    expect(argumentsOf(events, 0)).toBe('{"result":6666}');
    expect(events.at(-1)).toMatchObject({
      type: 'finish',
      finishReason: { unified: 'tool-calls', raw: 'completed' },
      usage: { input: 53, output: 469, total: 522, cachedInput: 0, reasoning: 448 },
    });
  },
  'azure-openai/responses-text-stream.sse': (events) => {
    expect(events[0]).toMatchObject({ type: 'start', id: 'resp_02ce8deeb6197db200698c5196e9588197a572bbea62d38cd1', model: 'gpt-5.1' });
    expect(textOf(events)).toBe('Hello');
    const finish = events.at(-1) as Extract<StreamEvent, { type: 'finish' }>;
    expect(finish.usage).toMatchObject({ input: 11, output: 11, total: 22 });
    // Azure's content filter results arrive with the completed response and are kept for a Responses client.
    expect((finish.providerMetadata!['openai-responses'] as Json).response).toMatchObject({ completed_at: 1770803608, content_filters: expect.any(Array) });
  },
};

// ---------------------------------------------------------------------------------------

for (const source of sources) {
  const lookup = fixturesFor(source.provider);
  if (!lookup.found) console.warn(`[openai-responses replay] skipping ${source.provider}: ${lookup.reason}`);
  const fixtures: ProviderFixtures | undefined = lookup.found ? lookup.fixtures : undefined;
  const files = fixtures ? readdirSync(fixtures.dir).filter((file) => source.include?.(file) ?? true).sort() : [];
  const requests = files.filter((file) => file.endsWith('.request.json'));
  const answers = files.filter((file) => file.endsWith('.json') && !file.endsWith('.request.json') && !file.endsWith('.headers.json'));
  const streams = files.filter((file) => file.endsWith('.sse'));

  describe.skipIf(!fixtures)(`openai-responses codec replaying ${source.provider}`, () => {
    it('has recordings of every kind to replay', () => {
      expect(requests.length + answers.length + streams.length).toBeGreaterThan(0);
    });

    for (const file of requests) {
      const key = `${source.provider}/${file}`;
      it(`request ${file}`, () => {
        const body = fixtures!.json<Json>(file);
        const rejected = rejectedRequests[key];
        if (rejected) {
          // The gateway refuses it at the edge with the very error OpenAI gave.
          const error = catchError(() => openAIResponsesCodec.decodeRequest(body));
          const recorded = fixtures!.json<Json>(rejected).error;
          expect(openAIResponsesCodec.encodeError(error.toBody())).toEqual({ status: 400, body: { error: recorded } });
          return;
        }
        const decoded = openAIResponsesCodec.decodeRequest(body);
        expect(decoded.warnings).toEqual([]);
        requestChecks[key]?.(decoded.request);
        const encoded = openAIResponsesCodec.encodeRequest(decoded.request);
        expect(encoded.warnings).toEqual([]);
        expect(encoded.body.store).toBe(body.store ?? false);
        expect(normalizeRequest(encoded.body)).toEqual(normalizeRequest({ ...body, store: body.store ?? false }));
      });
    }

    for (const file of answers) {
      const key = `${source.provider}/${file}`;
      it(`answer ${file}`, () => {
        const body = fixtures!.json<Json>(file);
        const recordedError = recordedErrors[key];
        if (recordedError) {
          const decoded = decodeOpenAIChatError(body.error, recordedError.status);
          expect(decoded).toMatchObject({ kind: recordedError.kind, status: recordedError.status, message: body.error.message });
          expect(openAIResponsesCodec.encodeError(decoded)).toMatchObject({
            status: recordedError.status,
            body: { error: { message: body.error.message, param: body.error.param, code: body.error.code } },
          });
          // A 200 carrying this body is an error too.
          expect(catchError(() => openAIResponsesCodec.decodeResponse(body)).kind).toBe(recordedError.kind);
          return;
        }
        const decoded = openAIResponsesCodec.decodeResponse(body);
        expect(responseChecks[key], `no spelled-out checks for ${key}`).toBeDefined();
        responseChecks[key]!(decoded);
        expect(decoded.id).toBe(body.id);
        expect(decoded.usage?.raw).toEqual(body.usage);
        const encoded = openAIResponsesCodec.encodeResponse(decoded);
        // Everything the recording said comes back: ids, items, usage, status, the request echo, extras.
        expect(encoded).toMatchObject(body);
        expect(encoded.output).toEqual(body.output);
        expect(encoded.usage).toEqual(body.usage);
        // And it reads back to the same canonical answer (the echo may have gained OpenAI's defaults).
        const { providerMetadata: again, ...redecoded } = openAIResponsesCodec.decodeResponse(encoded);
        const { providerMetadata: first, ...original } = decoded;
        expect(redecoded).toEqual(original);
        expect((again!['openai-responses'] as Json).output).toEqual((first!['openai-responses'] as Json).output);
      });
    }

    for (const file of streams) {
      const key = `${source.provider}/${file}`;
      it(`stream ${file}`, async () => {
        const recorded = fixtures!.text(file);
        const events = decodeStream(recorded);
        expectWellFormed(events);
        expect(streamChecks[key], `no spelled-out checks for ${key}`).toBeDefined();
        streamChecks[key]!(events);
        const expected = summarizeCanonicalEvents(events);

        // The recording itself, read by the official SDK, is the oracle.
        const original = await readResponsesWithSdkIterator(recorded);
        expect(withoutTypes(original)).toEqual(expected);

        // Decoded then re-encoded: well-formed, and the SDK reads the same answer both ways.
        const encoder = openAIResponsesCodec.createStreamEncoder();
        const encoded = events.map((event) => encoder.encode(event)).join('') + encoder.end();
        const checked = checkResponsesStream(encoded);
        expect(checked.final.id).toBe((events[0] as { id: string }).id);
        expect(withoutTypes(await readResponsesWithSdkIterator(encoded))).toEqual(expected);
        const final = await readResponsesWithSdkHelper(encoded);
        expect(final.output_text).toBe(expected.text);
        expect(final.status).toBe(expected.status);
        expect(final.usage).toEqual(expected.usage);
        expect(final.output.filter((item) => item.type === 'function_call').map((item) => ({ callId: item.call_id, name: item.name, arguments: item.arguments }))).toEqual(
          expected.toolCalls,
        );
        // Reasoning carried statelessly comes through the SDK untouched.
        const reasoning = events.find((event) => event.type === 'reasoning-delta' && event.redactedData !== undefined) as { redactedData: string } | undefined;
        if (reasoning) expect(final.output.find((item) => item.type === 'reasoning')).toMatchObject({ encrypted_content: reasoning.redactedData });

        // And our own decoder reads our output back to the same events (start metadata aside).
        expect(withoutMetadata(decodeStream(encoded))).toEqual(withoutMetadata(events));
      });
    }
  });
}

// ---------------------------------------------------------------------------------------
// Streams that break
// ---------------------------------------------------------------------------------------

const recordings = fixturesFor('openai-responses');
describe.skipIf(!recordings.found)('openai-responses codec: broken recorded streams reach the SDK as errors', () => {
  const recorded = () => (recordings.found ? recordings.fixtures.text('reasoning-tool-call-stream-usage.sse') : '');

  it('OpenAI’s own streams pass the checks the encoder’s streams are held to', () => {
    const checked = checkResponsesStream(recorded());
    expect(checked.final.status).toBe('completed');
    const azure = fixturesFor('azure-openai');
    if (azure.found) checkResponsesStream(azure.fixtures.text('responses-text-stream.sse'));
  });

  it('a stream cut before response.completed becomes response.failed + error, and the SDK throws', async () => {
    const frames = parseSse(recorded()).slice(0, 8);
    const decoder = openAIResponsesCodec.createStreamDecoder();
    const events = [...frames.flatMap((frame) => decoder.decode(frame)), ...decoder.end()];
    expect(events.at(-1)).toMatchObject({ type: 'error', error: { kind: 'upstream', message: expect.stringContaining('ended before the response was complete') } });
    const encoder = openAIResponsesCodec.createStreamEncoder();
    const encoded = events.map((event) => encoder.encode(event)).join('') + encoder.end();
    expect(checkResponsesStream(encoded).final.status).toBe('failed');
    for (const read of [readResponsesWithSdkHelper, readResponsesWithSdkIterator]) {
      const thrown = await read(encoded).catch((error: unknown) => error);
      expect(thrown).toBeInstanceOf(APIError);
      expect((thrown as APIError).message).toContain('ended before the response was complete');
    }
  });

  it('an error event mid-stream is decoded and re-encoded so the SDK throws it', async () => {
    const frames = parseSse(recorded()).slice(0, 6);
    frames.push({
      event: 'error',
      data: JSON.stringify({
        type: 'error',
        sequence_number: 6,
        error: { type: 'server_error', code: 'server_error', message: 'The server had an error while processing your request.', param: null },
      }),
    });
    const decoder = openAIResponsesCodec.createStreamDecoder();
    const events = [...frames.flatMap((frame) => decoder.decode(frame)), ...decoder.end()];
    expect(events.at(-1)).toEqual({
      type: 'error',
      error: { kind: 'upstream', status: 502, message: 'The server had an error while processing your request.', code: 'server_error' },
    });
    const encoder = openAIResponsesCodec.createStreamEncoder();
    const encoded = events.map((event) => encoder.encode(event)).join('') + encoder.end();
    const thrown = await readResponsesWithSdkHelper(encoded).catch((error: unknown) => error);
    expect(thrown).toBeInstanceOf(APIError);
    expect((thrown as APIError).message).toContain('The server had an error while processing your request.');
  });

  it('response.failed upstream becomes an error the SDK throws', async () => {
    const frames = parseSse(recorded()).slice(0, 4);
    frames.push({
      event: 'response.failed',
      data: JSON.stringify({
        type: 'response.failed',
        sequence_number: 4,
        response: { id: 'resp_x', object: 'response', status: 'failed', model: 'gpt-5', output: [], error: { code: 'rate_limit_exceeded', message: 'Rate limit reached.' } },
      }),
    });
    const decoder = openAIResponsesCodec.createStreamDecoder();
    const events = [...frames.flatMap((frame) => decoder.decode(frame)), ...decoder.end()];
    expect(events.at(-1)).toEqual({ type: 'error', error: { kind: 'rate_limit', status: 429, message: 'Rate limit reached.', code: 'rate_limit_exceeded' } });
    const encoder = openAIResponsesCodec.createStreamEncoder();
    const encoded = events.map((event) => encoder.encode(event)).join('') + encoder.end();
    expect(checkResponsesStream(encoded).final.error).toEqual({ code: 'rate_limit_exceeded', message: 'Rate limit reached.' });
    const thrown = await readResponsesWithSdkIterator(encoded).catch((error: unknown) => error);
    expect(thrown).toBeInstanceOf(APIError);
    expect((thrown as APIError).message).toContain('Rate limit reached.');
  });
});

// ---------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------

function catchError(run: () => unknown): GatewayError {
  try {
    run();
  } catch (error) {
    if (GatewayError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected an error');
}

function decodeStream(text: string): StreamEvent[] {
  const decoder = openAIResponsesCodec.createStreamDecoder();
  return [...parseSse(text).flatMap((frame) => decoder.decode(frame)), ...decoder.end()];
}

/** start first, one finish last, no error, every started call ended before the finish. */
function expectWellFormed(events: StreamEvent[]): void {
  expect(events[0]?.type).toBe('start');
  expect(events.filter((event) => event.type === 'start')).toHaveLength(1);
  expect(events.at(-1)?.type).toBe('finish');
  expect(events.filter((event) => event.type === 'error')).toEqual([]);
  const started = events.flatMap((event) => (event.type === 'tool-call-start' ? [event.index] : []));
  const ended = events.flatMap((event) => (event.type === 'tool-call-end' ? [event.index] : []));
  expect(ended.sort()).toEqual([...started].sort());
}

function textOf(events: StreamEvent[]): string {
  return events.map((event) => (event.type === 'text-delta' ? event.delta : '')).join('');
}

function argumentsOf(events: StreamEvent[], index: number): string {
  return events.map((event) => (event.type === 'tool-call-delta' && event.index === index ? event.argumentsDelta : '')).join('');
}

function withoutMetadata(events: StreamEvent[]): StreamEvent[] {
  return events.map((event) => {
    if (event.type !== 'start' && event.type !== 'finish') return event;
    const { providerMetadata: _metadata, ...rest } = event;
    return rest as StreamEvent;
  });
}

/**
 * A request body reduced to its meaning: null is "not given", an empty `instructions` says
 * nothing, and `stream` defaults to false.
 */
function normalizeRequest(body: Json): Json {
  const out = dropNulls(structuredClone(body)) as Json;
  out.stream ??= false;
  if (out.instructions === '') delete out.instructions;
  return out;
}

function dropNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(dropNulls);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== null).map(([key, field]) => [key, dropNulls(field)]));
}
