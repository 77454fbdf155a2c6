import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSseParser, type SseEvent, type StreamEvent, type Usage } from '@switchyard/core';
import OpenAI from 'openai';

/** Splits recorded SSE text into frames with core's parser, as the gateway will. */
export function parseSse(text: string): SseEvent[] {
  const parser = createSseParser();
  return [...parser.push(text), ...parser.end()];
}

export interface ServedSse {
  baseURL: string;
  close(): Promise<void>;
}

/** Serves one SSE body on 127.0.0.1 for every request, so the official SDK can read it over real HTTP. */
export async function serveSse(body: string): Promise<ServedSse> {
  const server: Server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
      response.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}

export function sdkClient(baseURL: string): OpenAI {
  return new OpenAI({ baseURL, apiKey: 'x', maxRetries: 0 });
}

const sdkRequest = { model: 'gpt-4o', messages: [{ role: 'user' as const, content: 'hi' }] };

/** What a stream adds up to, from whichever side. */
export interface StreamSummary {
  id: string;
  model: string;
  text: string;
  reasoning: string;
  refusal: string;
  toolCalls: Array<{ id: string; name: string; arguments: string }>;
  finishReason: string | null;
  usage: Record<string, unknown> | null;
}

/** Reads an SSE body chunk by chunk with `chat.completions.create({ stream: true })`, as most clients do. */
export async function readWithSdkIterator(body: string): Promise<StreamSummary> {
  const served = await serveSse(body);
  try {
    const stream = await sdkClient(served.baseURL).chat.completions.create({ ...sdkRequest, stream: true });
    const summary: StreamSummary = {
      id: '',
      model: '',
      text: '',
      reasoning: '',
      refusal: '',
      toolCalls: [],
      finishReason: null,
      usage: null,
    };
    for await (const chunk of stream) {
      if (chunk.id) summary.id = chunk.id;
      if (chunk.model) summary.model = chunk.model;
      if (chunk.usage) summary.usage = chunk.usage as unknown as Record<string, unknown>;
      const choice = chunk.choices[0];
      if (!choice) continue;
      const delta = choice.delta as typeof choice.delta & { reasoning_content?: string | null };
      summary.text += delta.content ?? '';
      summary.reasoning += delta.reasoning_content ?? '';
      summary.refusal += delta.refusal ?? '';
      for (const call of delta.tool_calls ?? []) {
        const slot = (summary.toolCalls[call.index] ??= { id: '', name: '', arguments: '' });
        if (call.id) slot.id = call.id;
        if (call.function?.name) slot.name = call.function.name;
        slot.arguments += call.function?.arguments ?? '';
      }
      if (choice.finish_reason) summary.finishReason = choice.finish_reason;
    }
    return summary;
  } finally {
    await served.close();
  }
}

/** Reads an SSE body with the SDK's stream helper and returns its final ChatCompletion. */
export async function readWithSdkHelper(body: string): Promise<OpenAI.Chat.Completions.ChatCompletion> {
  const served = await serveSse(body);
  try {
    return await sdkClient(served.baseURL).chat.completions.stream(sdkRequest).finalChatCompletion();
  } finally {
    await served.close();
  }
}

/** The same summary, added up from canonical events. */
export function summarizeCanonical(events: StreamEvent[], encodeUsage: (usage: Usage) => Record<string, unknown>): StreamSummary {
  const summary: StreamSummary = {
    id: '',
    model: '',
    text: '',
    reasoning: '',
    refusal: '',
    toolCalls: [],
    finishReason: null,
    usage: null,
  };
  const calls = new Map<number, { id: string; name: string; arguments: string }>();
  for (const event of events) {
    switch (event.type) {
      case 'start':
        summary.id = event.id;
        summary.model = event.model;
        break;
      case 'text-delta':
        summary.text += event.delta;
        break;
      case 'reasoning-delta':
        summary.reasoning += event.delta;
        break;
      case 'refusal-delta':
        summary.refusal += event.delta;
        break;
      case 'tool-call-start': {
        const call = { id: event.id, name: event.name, arguments: '' };
        calls.set(event.index, call);
        summary.toolCalls.push(call);
        break;
      }
      case 'tool-call-delta':
        calls.get(event.index)!.arguments += event.argumentsDelta;
        break;
      case 'finish':
        summary.finishReason = event.finishReason.raw;
        if (event.usage) summary.usage = encodeUsage(event.usage);
        break;
      case 'usage':
        summary.usage = encodeUsage(event.usage);
        break;
      default:
        break;
    }
  }
  return summary;
}
