import { readdirSync } from 'node:fs';
import { GatewayError, type StreamEvent } from '@switchyard/core';
import { fixturesFor, type ProviderFixtures } from '@switchyard/testkit';
import { APIError } from 'openai';
import { describe, expect, it } from 'vitest';
import { decodeOpenAIChatError, encodeOpenAIChatUsage, openAIChatCodec } from '../src/index.js';
import { parseSse, readWithSdkHelper, readWithSdkIterator, summarizeCanonical, type StreamSummary } from './openai-sdk-harness.js';

/*
 * Replays every recorded Chat Completions exchange through the codec: requests decode and
 * encode back to an equivalent body, answers decode and encode back to the same meaning,
 * and every recorded stream, decoded and re-encoded, reads the same through the official
 * `openai` SDK over real HTTP as the recording itself does.
 */

type Json = Record<string, any>;

interface Source {
  provider: string;
  /** Which files of the folder are plain OpenAI shape (all, unless stated). */
  include?: (file: string) => boolean;
}

const sources: Source[] = [
  { provider: 'openai-chat' },
  { provider: 'openai-compatible' },
  { provider: 'mistral' },
  // Only the Chat Completions stream of Azure's folder; its Responses files are another format.
  { provider: 'azure-openai', include: (file) => file === 'chat-stream-model-router.sse' },
];

// ---------------------------------------------------------------------------------------
// What each recording must map to (beyond the generic round-trip checks)
// ---------------------------------------------------------------------------------------

/** Request bodies the front must refuse, and the field it must name. */
const rejectedRequests: Record<string, { param: string; code?: string }> = {
  // Embeddings bodies are not chat requests.
  'openai-chat/embeddings.request.json': { param: 'messages', code: 'missing_required_parameter' },
  'openai-chat/embeddings-error-400.request.json': { param: 'messages', code: 'missing_required_parameter' },
  'openai-chat/error-400-missing-messages.request.json': { param: 'messages', code: 'empty_array' },
  'openai-chat/error-400-unsupported-parameter.request.json': { param: 'messages[0].content', code: 'invalid_type' },
  // Magistral history with a `thinking` part is Mistral's shape, not OpenAI's: the mistral adapter's business.
  'mistral/reasoning.request.json': { param: 'messages[1].content[0].type', code: 'invalid_value' },
};

/** Fields the decoder must drop (and say so). */
const expectedRequestWarnings: Record<string, string[]> = {
  'mistral/usage-cached-tokens.request.json': ['messages[2].prefix'],
};

const requestChecks: Record<string, (decoded: ReturnType<typeof openAIChatCodec.decodeRequest>['request']) => void> = {
  'openai-chat/image-input.request.json': (request) => {
    expect(request.messages[0]!.content[1]).toMatchObject({
      type: 'image',
      source: { type: 'base64', mediaType: 'image/png', data: expect.stringMatching(/^iVBORw0KGgo/) },
    });
  },
  'openai-chat/structured-output-json-schema.request.json': (request) => {
    expect(request.responseFormat).toMatchObject({ type: 'json_schema', name: 'result', strict: false });
    expect(request.messages[1]!.content).toEqual([
      { type: 'tool-call', id: 'call_PkRGedQNRFUzJp2R7dO7avWR', name: 'get_user_country', arguments: '{}' },
    ]);
    expect(request.messages[2]).toEqual({
      role: 'tool',
      content: [{ type: 'tool-result', toolCallId: 'call_PkRGedQNRFUzJp2R7dO7avWR', content: [{ type: 'text', text: 'Mexico' }] }],
    });
    expect(request.toolChoice).toEqual({ type: 'auto' });
    expect(request.n).toBe(1);
  },
  'openai-chat/text-stream-include-usage.request.json': (request) => {
    expect(request).toMatchObject({ maxOutputTokens: 100, temperature: 1, stream: true, streamUsage: true });
    expect(request.messages[0]!.role).toBe('developer');
  },
  'openai-chat/tool-call-stream-parallel.request.json': (request) => {
    expect(request.toolChoice).toEqual({ type: 'required' });
    expect(request.tools!.map((tool) => tool.name)).toContain('get_product_name');
    expect(request.tools![0]!.strict).toBe(true);
  },
  'openai-chat/tool-call-parallel-enabled-single-call.request.json': (request) => {
    expect(request.parallelToolCalls).toBe(true);
  },
  'openai-chat/usage-cached-tokens.request.json': (request) => {
    expect(request.messages[0]!.content[0]).toMatchObject({ cache: { type: 'ephemeral' } });
    expect(request.providerOptions).toEqual({
      'openai-chat': { prompt_cache_key: 'pydantic-ai-prompt-cache-e2e-chat', prompt_cache_options: { mode: 'explicit', ttl: '30m' } },
    });
  },
  'openai-compatible/groq-reasoning.request.json': (request) => {
    expect(request.providerOptions).toEqual({ 'openai-chat': { reasoning_format: 'raw' } });
  },
};

/** Error bodies: the kind each must decode to (status from the recording's headers or its README row). */
const recordedErrors: Record<string, { kind: string; status: number }> = {
  'openai-chat/embeddings-error-400.json': { kind: 'invalid_request', status: 400 },
  'openai-chat/error-400-missing-messages.json': { kind: 'invalid_request', status: 400 },
  'openai-chat/error-400-unsupported-parameter.json': { kind: 'invalid_request', status: 400 },
  'openai-chat/error-401-invalid-api-key.json': { kind: 'authentication', status: 401 },
  'openai-chat/error-404-model-not-found.json': { kind: 'not_found', status: 404 },
  'openai-chat/error-429-request-too-large-tpm.json': { kind: 'rate_limit', status: 429 },
  'openai-compatible/groq-error-400-tool-use-failed.json': { kind: 'invalid_request', status: 400 },
  'openai-compatible/groq-error-404-model.json': { kind: 'not_found', status: 404 },
};

/** Answers that are not chat completions at all. */
const notChatAnswers = new Set(['openai-chat/embeddings.json']);

const responseChecks: Record<string, (decoded: ReturnType<typeof openAIChatCodec.decodeResponse>) => void> = {
  'openai-chat/tool-call.json': (response) => {
    expect(response.content).toEqual([
      {
        type: 'tool-call',
        id: 'call_8fxy20OEu9ulvvaa5b5CzVA4',
        name: 'get_current_weather',
        arguments: '{"location":"Boston, MA","unit":"fahrenheit"}',
      },
    ]);
    expect(response.finishReason).toEqual({ unified: 'tool-calls', raw: 'tool_calls' });
    expect(response.usage).toMatchObject({ input: 162, output: 287, total: 449, cachedInput: 0, reasoning: 256 });
    expect(response).toMatchObject({ id: 'chatcmpl-C4GmWI2Sl7HnrQsKorSAZkJy94dpT', created: 1755133856, serviceTier: 'default', systemFingerprint: null });
  },
  'openai-chat/usage-cached-tokens.json': (response) => {
    expect(response.usage).toMatchObject({ input: 4020, output: 4, total: 4024, cachedInput: 4012, cacheWrite: 0, reasoning: 0 });
  },
  'openai-chat/usage-detailed.json': (response) => {
    expect(response.content).toEqual([{ type: 'text', text: '' }]);
    expect(response.finishReason).toEqual({ unified: 'length', raw: 'length' });
    expect(response.usage).toMatchObject({ output: 100, reasoning: 100 });
  },
  'openai-chat/structured-output-json-schema.json': (response) => {
    expect(response.systemFingerprint).toBe('fp_f5bdcc3276');
    expect(JSON.parse((response.content[0] as { text: string }).text)).toEqual({ city: 'Mexico City', country: 'Mexico' });
  },
  'openai-compatible/deepseek-reasoning.json': (response) => {
    expect(response.content.map((part) => part.type)).toEqual(['reasoning', 'text']);
    expect((response.content[0] as { text: string }).text).toMatch(/^Okay, the user is asking how to cross the street/);
  },
  'openai-compatible/deepseek-tool-call.json': (response) => {
    expect(response.content.map((part) => part.type)).toEqual(['reasoning', 'text', 'tool-call']);
    expect(response.content[2]).toEqual({
      type: 'tool-call',
      id: 'call_00_9V0vrf86Pc9aelHCJMZqnJBo',
      name: 'weather',
      arguments: '{"location": "San Francisco"}',
    });
    expect(response.usage).toMatchObject({ input: 339, output: 92, cachedInput: 320, reasoning: 48 });
  },
  'openai-compatible/xai-tool-call.json': (response) => {
    expect(response.usage).toMatchObject({ input: 291, output: 26, total: 506, cachedInput: 244, reasoning: 189 });
  },
  'openai-compatible/groq-tool-call.json': (response) => {
    expect(response.content).toEqual([{ type: 'tool-call', id: 'ax9fskhev', name: 'weather', arguments: '{}' }]);
    expect(response.serviceTier).toBe('on_demand');
  },
  'mistral/tool-call.json': (response) => {
    expect(response.content).toEqual([{ type: 'tool-call', id: 'gSIMJiOkT', name: 'weather', arguments: '{"location": "San Francisco"}' }]);
    expect(response.finishReason).toEqual({ unified: 'tool-calls', raw: 'tool_calls' });
  },
  'mistral/reasoning.json': (response) => {
    expect(response.content.map((part) => part.type)).toEqual(['reasoning', 'text']);
  },
  'mistral/usage-cached-tokens.json': (response) => {
    expect(response.usage).toMatchObject({ input: 268, output: 5, total: 273, cachedInput: 224 });
  },
};

/** The stream summaries the recordings must add up to, where spelled out. */
const streamChecks: Record<string, (events: StreamEvent[], summary: StreamSummary) => void> = {
  'openai-chat/tool-call-stream-parallel.sse': (events) => {
    expect(events.filter((event) => event.type === 'tool-call-start')).toEqual([
      { type: 'tool-call-start', index: 0, id: 'call_q2UyBRP7eXNTzAoR8lEhjc9Z', name: 'get_country' },
      { type: 'tool-call-start', index: 1, id: 'call_b51ijcpFkDiTQG1bQzsrmtW5', name: 'get_product_name' },
    ]);
    expect(events.filter((event) => event.type === 'tool-call-end')).toHaveLength(2);
    expect(events.find((event) => event.type === 'finish')).toEqual({
      type: 'finish',
      finishReason: { unified: 'tool-calls', raw: 'tool_calls' },
    });
    expect(events.at(-1)).toMatchObject({ type: 'usage', usage: { input: 364, output: 40, total: 404, cachedInput: 0, reasoning: 0 } });
  },
  'openai-chat/tool-call-stream-long-arg-deltas.sse': (events, summary) => {
    expect(summary.toolCalls).toHaveLength(1);
    expect(summary.toolCalls[0]).toMatchObject({ id: 'call_TJi2Gf3aj68Ijw5LdRJXWmzA', name: 'final_result' });
    expect(JSON.parse(summary.toolCalls[0]!.arguments)).toHaveProperty('answers');
    expect(events.filter((event) => event.type === 'tool-call-delta').length).toBeGreaterThan(50);
    expect(events.at(-1)).toMatchObject({ type: 'usage', usage: { input: 482, output: 68, total: 550 } });
  },
  'openai-chat/text-stream.sse': (events, summary) => {
    expect(events[0]).toEqual({
      type: 'start',
      id: 'chatcmpl-C4HqHBe4xca0k0EzsCnf1t6V3YFXp',
      model: 'gpt-5-nano-2025-08-07',
      created: 1755137933,
      systemFingerprint: null,
      serviceTier: 'default',
    });
    expect(summary.text).toMatch(/^Hi there! How can I help today\?/);
    expect(summary.finishReason).toBe('stop');
    expect(summary.usage).toBeNull();
  },
  'openai-chat/text-stream-include-usage.sse': (events) => {
    expect(events.map((event) => event.type)).toEqual(['start', 'finish', 'usage']);
    expect(events[1]).toMatchObject({ finishReason: { unified: 'length', raw: 'length' } });
    expect(events[2]).toMatchObject({ usage: { input: 12, output: 100, total: 112, reasoning: 100, cachedInput: 0 } });
  },
  'openai-compatible/deepseek-reasoning-stream.sse': (events, summary) => {
    expect(summary.reasoning).toMatch(/^Hmm, the user just/);
    expect(summary.text.length).toBeGreaterThan(0);
    const firstText = events.findIndex((event) => event.type === 'text-delta');
    expect(events.slice(firstText).some((event) => event.type === 'reasoning-delta')).toBe(false);
    expect(events.at(-1)).toMatchObject({
      type: 'finish',
      finishReason: { unified: 'stop', raw: 'stop' },
      usage: { input: 6, output: 212, total: 218, reasoning: 198, cachedInput: 0 },
    });
  },
  'openai-compatible/deepseek-tool-call-stream.sse': (events, summary) => {
    expect(summary.reasoning.length).toBeGreaterThan(0);
    expect(summary.toolCalls).toEqual([{ id: expect.stringMatching(/^call_/), name: 'weather', arguments: '{"location": "San Francisco"}' }]);
    expect(events.at(-1)).toMatchObject({ type: 'finish', usage: { input: 339, output: 83, cachedInput: 320, reasoning: 39 } });
  },
  'openai-compatible/groq-tool-call-stream.sse': (events, summary) => {
    expect(summary.toolCalls).toEqual([{ id: 'tk85n1k4m', name: 'weather', arguments: '{}' }]);
    expect(events.at(-1)).toMatchObject({ type: 'finish', usage: { input: 210, output: 15, total: 225 } });
  },
  'mistral/text-stream.sse': (events, summary) => {
    expect(summary.text).toBe('Hello, world! This is a test response.');
    expect(events.at(-1)).toMatchObject({ type: 'finish', usage: { input: 13, output: 8, total: 21 } });
  },
  // Mistral sends the whole call in one chunk, without `index` or `type`.
  'mistral/tool-call-stream.sse': (events, summary) => {
    expect(events.map((event) => event.type)).toEqual(['start', 'tool-call-start', 'tool-call-delta', 'tool-call-end', 'finish']);
    expect(events[1]).toEqual({ type: 'tool-call-start', index: 0, id: 'gSIMJiOkT', name: 'weather' });
    expect(summary).toMatchObject({
      toolCalls: [{ id: 'gSIMJiOkT', name: 'weather', arguments: '{"location": "San Francisco"}' }],
      finishReason: 'tool_calls',
      usage: { prompt_tokens: 124, total_tokens: 146, completion_tokens: 22 },
    });
  },
  'azure-openai/chat-stream-model-router.sse': (events, summary) => {
    expect(events[0]).toMatchObject({ type: 'start', id: 'chatcmpl-CYPS1lijGoK8gd9lYzY3r9Sx50nbt' });
    expect(summary.text).toBe('Capital of Denmark.');
  },
};

/** Recordings the SDK cannot read as recorded (tool calls without `index`); they get spelled-out checks only. */
const notSdkReadable = new Set(['mistral/tool-call-stream.sse']);

// ---------------------------------------------------------------------------------------

for (const source of sources) {
  const lookup = fixturesFor(source.provider);
  if (!lookup.found) console.warn(`[openai-chat replay] skipping ${source.provider}: ${lookup.reason}`);
  const fixtures: ProviderFixtures | undefined = lookup.found ? lookup.fixtures : undefined;
  const files = fixtures ? readdirSync(fixtures.dir).filter((file) => source.include?.(file) ?? true).sort() : [];
  const requests = files.filter((file) => file.endsWith('.request.json'));
  const answers = files.filter((file) => file.endsWith('.json') && !file.endsWith('.request.json') && !file.endsWith('.headers.json'));
  const streams = files.filter((file) => file.endsWith('.sse'));

  describe.skipIf(!fixtures)(`openai-chat codec replaying ${source.provider}`, () => {
    for (const file of requests) {
      const key = `${source.provider}/${file}`;
      it(`request ${file}`, () => {
        const body = fixtures!.json<Json>(file);
        const rejected = rejectedRequests[key];
        if (rejected) {
          const error = catchError(() => openAIChatCodec.decodeRequest(body));
          expect(error.kind).toBe('invalid_request');
          expect(error.status).toBe(400);
          expect(error.param).toBe(rejected.param);
          if (rejected.code) expect(error.code).toBe(rejected.code);
          return;
        }
        const decoded = openAIChatCodec.decodeRequest(body);
        expect(decoded.warnings.map((warning) => warning.field)).toEqual(expectedRequestWarnings[key] ?? []);
        requestChecks[key]?.(decoded.request);
        const encoded = openAIChatCodec.encodeRequest(decoded.request);
        expect(encoded.warnings).toEqual([]);
        const dropped = new Set(expectedRequestWarnings[key] ?? []);
        expect(normalizeRequest(encoded.body)).toEqual(normalizeRequest(withoutPaths(body, dropped)));
      });
    }

    for (const file of answers) {
      const key = `${source.provider}/${file}`;
      it(`answer ${file}`, () => {
        const body = fixtures!.json<Json>(file);
        const recordedError = recordedErrors[key];
        if (recordedError) {
          const decoded = decodeOpenAIChatError(body.error, recordedError.status);
          expect(decoded.kind).toBe(recordedError.kind);
          expect(decoded.message).toBe(body.error.message);
          expect(decoded.param ?? null).toBe(body.error.param ?? null);
          expect(decoded.code ?? null).toBe(body.error.code ?? null);
          // Encoded back for an OpenAI client, message, param and code survive unchanged.
          const encoded = openAIChatCodec.encodeError(decoded);
          expect(encoded.status).toBe(recordedError.status);
          expect(encoded.body.error).toMatchObject({
            message: body.error.message,
            param: body.error.param ?? null,
            code: body.error.code ?? null,
          });
          // A 200 carrying this body is an error too.
          expect(catchError(() => openAIChatCodec.decodeResponse(body)).kind).toBe(recordedError.kind);
          return;
        }
        if (notChatAnswers.has(key)) {
          expect(catchError(() => openAIChatCodec.decodeResponse(body)).kind).toBe('upstream');
          return;
        }
        const decoded = openAIChatCodec.decodeResponse(body);
        responseChecks[key]?.(decoded);
        expect(decoded.id).toBe(body.id);
        expect(decoded.usage?.raw).toEqual(body.usage);
        const encoded = openAIChatCodec.encodeResponse(decoded);
        expect(normalizeResponse(encoded)).toEqual(normalizeResponse(body));
      });
    }

    for (const file of streams) {
      const key = `${source.provider}/${file}`;
      it(`stream ${file}`, async () => {
        const recorded = fixtures!.text(file);
        const events = decodeStream(recorded);
        expectWellFormed(events);
        const summary = summarizeCanonical(events, encodeOpenAIChatUsage);
        streamChecks[key]?.(events, summary);

        // The recording itself, read by the official SDK, is the oracle.
        if (!notSdkReadable.has(key)) {
          const original = await readWithSdkHelper(recorded);
          expect(finalSummary(original)).toEqual(pick(summary));
        }

        // Decoded then re-encoded: the SDK must read the same answer, chunk by chunk and with its helper.
        const encoder = openAIChatCodec.createStreamEncoder({ includeUsage: summary.usage !== null });
        const encoded = events.map((event) => encoder.encode(event)).join('') + encoder.end();
        expect(encoded.endsWith('data: [DONE]\n\n')).toBe(true);
        expect(await readWithSdkIterator(encoded)).toEqual(summary);
        expect(finalSummary(await readWithSdkHelper(encoded))).toEqual(pick(summary));
        // And our own decoder reads its own output back to the same answer.
        expect(summarizeCanonical(decodeStream(encoded), encodeOpenAIChatUsage)).toEqual(summary);
      });
    }
  });
}

const openAIChat = fixturesFor('openai-chat');
describe.skipIf(!openAIChat.found)('openai-chat codec: broken recorded streams reach the SDK as errors', () => {
  const recorded = () => (openAIChat.found ? openAIChat.fixtures.text('text-stream.sse') : '');

  it('a stream cut before its finish becomes an error chunk, and the SDK throws', async () => {
    const frames = parseSse(recorded()).slice(0, 5);
    const decoder = openAIChatCodec.createStreamDecoder();
    const events = [...frames.flatMap((frame) => decoder.decode(frame)), ...decoder.end()];
    expect(events.at(-1)).toMatchObject({ type: 'error', error: { kind: 'upstream' } });
    const encoder = openAIChatCodec.createStreamEncoder();
    const encoded = events.map((event) => encoder.encode(event)).join('') + encoder.end();
    expect(encoded).not.toContain('data: [DONE]');
    const thrown = await readWithSdkIterator(encoded).catch((error: unknown) => error);
    expect(thrown).toBeInstanceOf(APIError);
    expect((thrown as APIError).message).toContain('ended before the answer was complete');
  });

  it('an error chunk mid-stream becomes an error event, re-encoded so the SDK throws it', async () => {
    const frames = parseSse(recorded()).slice(0, 4);
    frames.push({
      data: JSON.stringify({ error: { message: 'The server had an error while processing your request.', type: 'server_error', param: null, code: null } }),
    });
    const decoder = openAIChatCodec.createStreamDecoder();
    const events = [...frames.flatMap((frame) => decoder.decode(frame)), ...decoder.end()];
    expect(events.at(-1)).toEqual({
      type: 'error',
      error: { kind: 'upstream', status: 502, message: 'The server had an error while processing your request.' },
    });
    const encoder = openAIChatCodec.createStreamEncoder({ includeUsage: true });
    const encoded = events.map((event) => encoder.encode(event)).join('') + encoder.end();
    const thrown = await readWithSdkHelper(encoded).catch((error: unknown) => error);
    expect(thrown).toBeInstanceOf(APIError);
    expect((thrown as APIError).message).toContain('The server had an error while processing your request.');
    expect((thrown as APIError).type).toBe('api_error');
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
  const decoder = openAIChatCodec.createStreamDecoder();
  return [...parseSse(text).flatMap((frame) => decoder.decode(frame)), ...decoder.end()];
}

/** start first, one finish, no error, every started call ended before the finish. */
function expectWellFormed(events: StreamEvent[]): void {
  expect(events[0]?.type).toBe('start');
  expect(events.filter((event) => event.type === 'start')).toHaveLength(1);
  expect(events.filter((event) => event.type === 'finish')).toHaveLength(1);
  expect(events.filter((event) => event.type === 'error')).toEqual([]);
  const finishAt = events.findIndex((event) => event.type === 'finish');
  const started = events.flatMap((event) => (event.type === 'tool-call-start' ? [event.index] : []));
  const ended = events.slice(0, finishAt).flatMap((event) => (event.type === 'tool-call-end' ? [event.index] : []));
  expect(new Set(started).size).toBe(started.length);
  expect(ended.sort()).toEqual([...started].sort());
}

/** The part of a summary the SDK's final ChatCompletion can show (it keeps no reasoning). */
function pick(summary: StreamSummary) {
  return {
    id: summary.id,
    text: summary.text,
    refusal: summary.refusal,
    toolCalls: summary.toolCalls,
    finishReason: summary.finishReason,
    usage: summary.usage,
  };
}

function finalSummary(completion: Json) {
  const message = completion.choices[0].message;
  return {
    id: completion.id,
    text: message.content ?? '',
    refusal: message.refusal ?? '',
    toolCalls: (message.tool_calls ?? []).map((call: Json) => ({
      id: call.id,
      name: call.function.name,
      arguments: call.function.arguments,
    })),
    finishReason: completion.choices[0].finish_reason,
    usage: completion.usage ?? null,
  };
}

/**
 * A request body reduced to its meaning, so equivalent spellings compare equal: null is
 * "not given", a string content is one text part, a string stop is a one-element list,
 * stream defaults to false, and max_tokens is max_completion_tokens.
 */
function normalizeRequest(body: Json): Json {
  const out = dropNulls(structuredClone(body)) as Json;
  out.stream ??= false;
  if (!out.stream) delete out.stream_options;
  if (out.max_tokens !== undefined && out.max_completion_tokens === undefined) {
    out.max_completion_tokens = out.max_tokens;
    delete out.max_tokens;
  }
  if (typeof out.stop === 'string') out.stop = [out.stop];
  for (const message of out.messages ?? []) {
    if (typeof message.content === 'string') message.content = [{ type: 'text', text: message.content }];
    if (message.role === 'assistant') message.content ??= null;
    if (Array.isArray(message.tool_calls)) {
      if (message.tool_calls.length === 0) delete message.tool_calls;
      else for (const call of message.tool_calls) call.type ??= 'function';
    }
  }
  for (const tool of out.tools ?? []) {
    if (tool.function) tool.function.parameters ??= { type: 'object', properties: {} };
  }
  return out;
}

/** A response reduced to what OpenAI defines, defaults filled in, Mistral's array content flattened. */
function normalizeResponse(body: Json): Json {
  const out = structuredClone(body);
  for (const choice of out.choices) {
    choice.logprobs ??= null;
    const message = choice.message;
    if (Array.isArray(message.content)) {
      const parts = message.content as Json[];
      message.content = parts.filter((part) => part.type === 'text').map((part) => part.text).join('');
      const thinking = parts
        .filter((part) => part.type === 'thinking')
        .map((part) => (part.thinking as Json[]).map((inner) => inner.text).join(''))
        .join('');
      if (thinking) message.reasoning_content = thinking;
    }
    message.content ??= null;
    message.refusal ??= null;
    message.annotations ??= [];
    if (message.reasoning_content === '' || message.reasoning_content === null) delete message.reasoning_content;
    if (message.tool_calls == null) delete message.tool_calls;
    else {
      message.tool_calls = message.tool_calls.map(({ index: _index, ...call }: Json) => ({ ...call, type: call.type ?? 'function' }));
    }
  }
  return out;
}

function dropNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(dropNulls);
  if (value === null || typeof value !== 'object') return value;
  const out: Json = {};
  for (const [key, field] of Object.entries(value)) {
    // `content: null` is meaningful on an assistant turn; the normaliser restores it.
    if (field !== null) out[key] = dropNulls(field);
  }
  return out;
}

/** The body without the fields (paths like `messages[2].prefix`) the decoder reported dropping. */
function withoutPaths(body: Json, paths: ReadonlySet<string>): Json {
  const out = structuredClone(body);
  for (const path of paths) {
    const keys = path.match(/[^.[\]]+/g)!;
    let target: any = out;
    for (const key of keys.slice(0, -1)) target = target[/^\d+$/.test(key) ? Number(key) : key];
    delete target[keys.at(-1)!];
  }
  return out;
}
