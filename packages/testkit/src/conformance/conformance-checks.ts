import { type ChatCapabilities, speaksNatively } from '@switchyard/core';
import { expect } from 'vitest';
import type { ConformanceContext } from './conformance-context.js';
import type { ConformanceTool } from './conformance-upstream.js';
import { readChatSse } from './read-chat-sse.js';

/** One named check of the adapter contract; `requires` names the capability that makes it apply. */
export interface ConformanceCheck {
  name: string;
  requires?: Array<keyof ChatCapabilities>;
  run(context: ConformanceContext): Promise<void>;
}

const prompt = 'Conformance check one two three';
const weather: ConformanceTool = { name: 'get_weather', required: ['city'] };
const time: ConformanceTool = { name: 'get_time', required: ['zone'] };
const toolPrompt = 'Please call tools for the conformance check';

function toolsField(tools: ConformanceTool[]) {
  return tools.map((tool) => ({
    type: 'function',
    function: {
      name: tool.name,
      description: `Conformance tool ${tool.name}`,
      parameters: { type: 'object', properties: Object.fromEntries(tool.required.map((name) => [name, { type: 'string' }])), required: tool.required },
    },
  }));
}

function expectedCalls(tools: ConformanceTool[]) {
  return tools.map((tool) => ({ name: tool.name, arguments: Object.fromEntries(tool.required.map((name) => [name, name])) }));
}

function expectUsage(usage: any) {
  expect(usage, 'usage').toBeTruthy();
  expect(usage.prompt_tokens, 'usage.prompt_tokens').toBeGreaterThan(0);
  expect(usage.completion_tokens, 'usage.completion_tokens').toBeGreaterThan(0);
  expect(usage.total_tokens, 'usage.total_tokens').toBe(usage.prompt_tokens + usage.completion_tokens);
}

async function expectOneUpstreamCall(context: ConformanceContext, requests: { body: string }[], ...mentions: string[]) {
  expect(requests.length, 'requests the upstream received for one client call').toBe(1);
  for (const mention of mentions) expect(requests[0]!.body, `the upstream request carries "${mention}"`).toContain(mention);
}

async function readJson(response: Response, status = 200): Promise<any> {
  const text = await response.text();
  expect(response.status, `gateway status (body: ${text.slice(0, 300)})`).toBe(status);
  return JSON.parse(text);
}

/** Reads a streamed answer and checks the framing every OpenAI Chat client relies on; returns the chunks. */
async function readStream(context: ConformanceContext, response: Response, includeUsage: boolean): Promise<any[]> {
  const text = await response.text();
  expect(response.status, `gateway status (body: ${text.slice(0, 300)})`).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
  const payloads = readChatSse(text);
  expect(payloads.at(-1), 'the stream ends with data: [DONE]').toEqual({ done: true });
  expect(payloads.filter((payload) => payload.done).length, '[DONE] is sent once').toBe(1);
  // A passthrough stream is the provider's own bytes: keep-alive or annotation chunks it adds with
  // no choices and no usage (Azure's prompt_filter_results) are its wire format, not the contract's.
  const relayed = speaksNatively(context.adapter, 'openai-chat');
  const chunks = payloads
    .flatMap((payload) => (payload.done ? [] : [payload.chunk]))
    .filter((chunk) => !(relayed && Array.isArray(chunk.choices) && chunk.choices.length === 0 && chunk.usage == null));
  for (const chunk of chunks) {
    expect(chunk.object).toBe('chat.completion.chunk');
    expect(chunk.id, 'every chunk carries the id of the first').toBe(chunks[0].id);
  }
  expect(chunks[0]?.choices?.[0]?.delta?.role, 'the first chunk says the role').toBe('assistant');
  const finishing = chunks.flatMap((chunk, index) => (chunk.choices?.[0]?.finish_reason ? [index] : []));
  expect(finishing.length, 'exactly one chunk carries finish_reason').toBe(1);
  const after = chunks.slice(finishing[0]! + 1);
  for (const chunk of after) {
    expect(chunk.choices?.[0]?.delta?.content ?? '', 'no content after the finish_reason chunk').toBe('');
    expect(chunk.choices?.[0]?.delta?.tool_calls, 'no tool call deltas after the finish_reason chunk').toBeUndefined();
  }
  const withUsage = chunks.filter((chunk) => chunk.usage != null);
  if (includeUsage) {
    expect(withUsage.length, 'one usage chunk when stream_options.include_usage is set').toBe(1);
    const last = chunks.at(-1);
    expect(last.usage, 'the usage chunk is the last before [DONE]').toBeTruthy();
    expect(last.choices, 'the usage chunk has no choices').toEqual([]);
    expectUsage(last.usage);
  } else {
    expect(withUsage.length, 'no usage chunk unless stream_options.include_usage is set').toBe(0);
  }
  return chunks;
}

function streamedText(chunks: any[]): string {
  return chunks.map((chunk) => chunk.choices?.[0]?.delta?.content ?? '').join('');
}

function streamedToolCalls(chunks: any[]) {
  const calls: Array<{ id: string; name: string; arguments: string }> = [];
  for (const chunk of chunks) {
    for (const delta of chunk.choices?.[0]?.delta?.tool_calls ?? []) {
      expect(typeof delta.index, 'each tool call delta has an index').toBe('number');
      const call = calls[delta.index];
      if (!call) {
        expect(delta.id, 'a tool call starts with its id').toBeTruthy();
        expect(delta.type).toBe('function');
        expect(delta.function?.name, 'a tool call starts with its name').toBeTruthy();
        calls[delta.index] = { id: delta.id, name: delta.function.name, arguments: delta.function.arguments ?? '' };
      } else {
        calls[delta.index] = { ...call, arguments: call.arguments + (delta.function?.arguments ?? '') };
      }
    }
  }
  return calls;
}

function expectCalls(calls: Array<{ id: string; name: string; arguments: string }>, tools: ConformanceTool[]) {
  expect(calls.map((call) => ({ name: call.name, arguments: JSON.parse(call.arguments) }))).toEqual(expectedCalls(tools));
  for (const call of calls) expect(call.id, 'tool call id').toBeTruthy();
  expect(new Set(calls.map((call) => call.id)).size, 'tool call ids are distinct').toBe(calls.length);
}

function textCheck(stream: boolean, includeUsage = false): ConformanceCheck['run'] {
  return async (context) => {
    const reply = `echo: ${prompt}`;
    const body: Record<string, unknown> = { messages: [{ role: 'user', content: prompt }], stream };
    if (includeUsage) body.stream_options = { include_usage: true };
    const { response, upstreamRequests } = await context.call({ kind: 'text', stream, prompt, reply, finishReason: 'stop' }, body);
    if (stream) {
      const chunks = await readStream(context, response, includeUsage);
      expect(streamedText(chunks)).toBe(reply);
      expect(chunks.find((chunk) => chunk.choices?.[0]?.finish_reason)?.choices[0].finish_reason).toBe('stop');
    } else {
      const completion = await readJson(response);
      expect(completion.object).toBe('chat.completion');
      expect(completion.choices[0].message).toMatchObject({ role: 'assistant', content: reply });
      expect(completion.choices[0].finish_reason).toBe('stop');
      expectUsage(completion.usage);
    }
    expect(response.headers.get('x-switchyard-provider'), 'x-switchyard-provider names the entry').toBe(context.slug);
    await expectOneUpstreamCall(context, upstreamRequests, prompt);
  };
}

function lengthCheck(stream: boolean): ConformanceCheck['run'] {
  return async (context) => {
    const reply = `echo: ${prompt}`.split(' ').slice(0, 3).join(' ');
    const body = { messages: [{ role: 'user', content: prompt }], stream, max_tokens: 3 };
    const { response, upstreamRequests } = await context.call({ kind: 'text', stream, prompt, reply, maxTokens: 3, finishReason: 'length' }, body);
    if (stream) {
      const chunks = await readStream(context, response, false);
      expect(streamedText(chunks)).toBe(reply);
      expect(chunks.find((chunk) => chunk.choices?.[0]?.finish_reason)?.choices[0].finish_reason).toBe('length');
    } else {
      const completion = await readJson(response);
      expect(completion.choices[0].message.content).toBe(reply);
      expect(completion.choices[0].finish_reason).toBe('length');
    }
    await expectOneUpstreamCall(context, upstreamRequests, prompt);
  };
}

function toolsCheck(stream: boolean, tools: ConformanceTool[]): ConformanceCheck['run'] {
  return async (context) => {
    const body = { messages: [{ role: 'user', content: toolPrompt }], tools: toolsField(tools), stream };
    const { response, upstreamRequests } = await context.call({ kind: 'tool-calls', stream, prompt: toolPrompt, tools, calls: expectedCalls(tools) }, body);
    if (stream) {
      const chunks = await readStream(context, response, false);
      expectCalls(streamedToolCalls(chunks), tools);
      expect(chunks.find((chunk) => chunk.choices?.[0]?.finish_reason)?.choices[0].finish_reason).toBe('tool_calls');
    } else {
      const completion = await readJson(response);
      const calls = (completion.choices[0].message.tool_calls ?? []).map((call: any) => {
        expect(call.type).toBe('function');
        return { id: call.id, name: call.function.name, arguments: call.function.arguments };
      });
      expectCalls(calls, tools);
      expect(completion.choices[0].finish_reason).toBe('tool_calls');
      expectUsage(completion.usage);
    }
    await expectOneUpstreamCall(context, upstreamRequests, toolPrompt, ...tools.flatMap((tool) => [tool.name, ...tool.required]));
  };
}

const errorTypes = { 400: 'invalid_request_error', 429: 'rate_limit_error', 500: 'api_error' } as const;

function errorCheck(status: 400 | 429 | 500, stream: boolean): ConformanceCheck['run'] {
  return async (context) => {
    const body = { messages: [{ role: 'user', content: prompt }], stream };
    const { response, upstreamRequests } = await context.call({ kind: 'error', stream, prompt, status }, body);
    const answer = await readJson(response, status);
    // An adapter that speaks OpenAI Chat natively relays its upstream's error body as it came.
    // (Azure's carries `code` and no `type`), so only the gateway's own error bodies are held to the type.
    if (!speaksNatively(context.adapter, 'openai-chat')) expect(answer.error?.type, 'error.type').toBe(errorTypes[status]);
    expect(typeof answer.error?.message === 'string' && answer.error.message.length > 0, 'error.message is a non-empty string').toBe(true);
    expect(upstreamRequests.length, 'the upstream was called').toBeGreaterThan(0);
  };
}

function abortCheck(stream: boolean): ConformanceCheck['run'] {
  return async (context) => {
    const before = context.upstream.received.length;
    const controller = new AbortController();
    const body = { messages: [{ role: 'user', content: prompt }], stream };
    const pending = context
      .call({ kind: 'hang', stream, prompt }, body, { signal: controller.signal })
      .then(({ response }) => response.body?.cancel())
      .catch(() => undefined);
    const request = await poll(() => context.upstream.received[before], 10_000, 'the upstream to receive the call');
    // Give the answer time to start (a stream's headers reach the adapter), then go away.
    await new Promise((resolve) => setTimeout(resolve, 200));
    controller.abort();
    await pending;
    await poll(() => (request.aborted ? true : undefined), 3_000, 'the adapter to close the upstream connection after the client went away');
  };
}

async function poll<T>(read: () => T | undefined, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** The checks, in the order they run; each is a vitest test named by `name`. */
export const conformanceChecks: readonly ConformanceCheck[] = [
  { name: 'text: answer, finish reason stop, usage', run: textCheck(false) },
  { name: 'text: finish reason length when max_tokens cuts the answer', run: lengthCheck(false) },
  { name: 'streaming: role first, content deltas, one finish_reason chunk, [DONE]', requires: ['streaming'], run: textCheck(true) },
  { name: 'streaming: usage chunk last when stream_options.include_usage is set', requires: ['streaming'], run: textCheck(true, true) },
  { name: 'streaming: finish reason length', requires: ['streaming'], run: lengthCheck(true) },
  { name: 'tools: one call with JSON arguments, finish reason tool_calls', requires: ['tools'], run: toolsCheck(false, [weather]) },
  { name: 'tools: streamed call by index', requires: ['tools', 'streaming'], run: toolsCheck(true, [weather]) },
  { name: 'parallel tools: two calls in order', requires: ['parallelTools', 'tools'], run: toolsCheck(false, [weather, time]) },
  { name: 'parallel tools: two streamed calls in order', requires: ['parallelTools', 'streaming'], run: toolsCheck(true, [weather, time]) },
  { name: 'errors: upstream 400 -> 400 invalid_request_error', run: errorCheck(400, false) },
  { name: 'errors: upstream 429 -> 429 rate_limit_error', run: errorCheck(429, false) },
  { name: 'errors: upstream 500 -> 500 api_error', run: errorCheck(500, false) },
  { name: 'errors: a refused stream answers with the error status before any chunk', requires: ['streaming'], run: errorCheck(429, true) },
  { name: 'abort: a client that goes away mid-call closes the upstream call', run: abortCheck(false) },
  { name: 'abort: a client that goes away mid-stream closes the upstream stream', requires: ['streaming'], run: abortCheck(true) },
];
