import type { AssistantContentPart, ChatRequest, StreamEvent } from '@switchyard/core';
import { collectStreamEvents, createTestCallContext, redactedThinkingTrigger, startAnthropicMock, type AnthropicMock, type TestCallContext } from '@switchyard/testkit';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createAnthropicProvider } from '../src/index.js';

// The adapter on its own against the mock, which verifies thinking signatures as the API does:
// reasoning must come back byte for byte on the next turn for a tool loop with thinking to work.
const adapter = createAnthropicProvider();
const apiKey = 'sk-ant-adapter';
let mock: AnthropicMock;
let testCall: TestCallContext;

/** This test's call context, with the client's request headers given. */
function context(requestHeaders: Record<string, string> = {}) {
  return { ...testCall.context, requestHeaders };
}

beforeAll(async () => {
  mock = await startAnthropicMock({ apiKey });
});
afterAll(() => mock.close());
beforeEach(() => {
  mock.reset();
  testCall = createTestCallContext({ settings: { apiKey, baseURL: mock.baseURL } });
});
afterEach(() => testCall.close());

const tools: ChatRequest['tools'] = [
  { name: 'get_weather', parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] } },
  { name: 'get_time', parameters: { type: 'object', properties: {} } },
];

function request(messages: ChatRequest['messages'], stream: boolean): ChatRequest {
  return { model: 'claude-sonnet-4-5', maxOutputTokens: 4000, reasoning: { budgetTokens: 1024 }, tools, stream, messages };
}

const question: ChatRequest['messages'][number] = { role: 'user', content: [{ type: 'text', text: 'please call tools' }] };

function resultsFor(content: AssistantContentPart[]): ChatRequest['messages'][number] {
  return {
    role: 'tool',
    content: content.flatMap((part) =>
      part.type === 'tool-call' ? [{ type: 'tool-result' as const, toolCallId: part.id, content: [{ type: 'text' as const, text: `${part.name} done` }] }] : [],
    ),
  };
}

/** Rebuilds the assistant turn from a canonical stream, as a gateway front would. */
function contentOf(events: StreamEvent[]): AssistantContentPart[] {
  const content: AssistantContentPart[] = [];
  const calls = new Map<number, Extract<AssistantContentPart, { type: 'tool-call' }>>();
  for (const event of events) {
    if (event.type === 'reasoning-delta') {
      const last = content.at(-1);
      if (last?.type === 'reasoning' && last.signature === undefined && event.redactedData === undefined) {
        last.text += event.delta;
        if (event.signature) last.signature = event.signature;
      } else {
        content.push({
          type: 'reasoning',
          text: event.delta,
          provider: event.provider,
          ...(event.signature && { signature: event.signature }),
          ...(event.redactedData && { redactedData: event.redactedData }),
        });
      }
    } else if (event.type === 'text-delta') {
      const last = content.at(-1);
      if (last?.type === 'text') last.text += event.delta;
      else content.push({ type: 'text', text: event.delta });
    } else if (event.type === 'tool-call-start') {
      const call = { type: 'tool-call' as const, id: event.id, name: event.name, arguments: '' };
      calls.set(event.index, call);
      content.push(call);
    } else if (event.type === 'tool-call-delta') calls.get(event.index)!.arguments += event.argumentsDelta;
  }
  return content;
}

describe('thinking carried losslessly into the next turn', () => {
  it('non-streamed: the signed thinking block goes back exactly and the tool loop continues', async () => {
    const first = await adapter.chat!.generate(request([question], false), context());
    expect(first.content.map((part) => part.type)).toEqual(['reasoning', 'tool-call', 'tool-call']);
    expect(first.content[0]).toMatchObject({ provider: 'anthropic', signature: expect.any(String) });

    const second = await adapter.chat!.generate(request([question, { role: 'assistant', content: first.content }, resultsFor(first.content)], false), context());
    expect(second.content.at(-1)).toEqual({ type: 'text', text: 'echo: get_weather done get_time done' });
    expect(mock.received[1]!.json.thinking).toEqual({ type: 'enabled', budget_tokens: 1024 });
    expect(mock.received[1]!.json.messages[1].content[0]).toEqual({ type: 'thinking', thinking: 'Thinking about: please call tools', signature: (first.content[0] as { signature: string }).signature });
    expect(testCall.warnings).toEqual([]);
  });

  it('streamed: reasoning deltas and the signature rebuild a block the API accepts', async () => {
    const started = await adapter.chat!.stream(request([question], true), context());
    const events = await collectStreamEvents(started.events);
    expect(started.headers?.['request-id']).toMatch(/^req_mock/);
    const content = contentOf(events);
    expect(content[0]).toMatchObject({ type: 'reasoning', text: 'Thinking about: please call tools', provider: 'anthropic' });

    const next = await adapter.chat!.stream(request([question, { role: 'assistant', content }, resultsFor(content)], true), context());
    const nextEvents = await collectStreamEvents(next.events);
    expect(nextEvents.at(-1)).toMatchObject({ type: 'finish', finishReason: { unified: 'stop', raw: 'end_turn' } });
    expect(contentOf(nextEvents).at(-1)).toEqual({ type: 'text', text: 'echo: get_weather done get_time done' });
    expect(testCall.warnings).toEqual([]);
  });

  it('redacted thinking goes back as redacted_thinking with its data', async () => {
    const trigger: ChatRequest['messages'][number] = { role: 'user', content: [{ type: 'text', text: `${redactedThinkingTrigger} then call tools` }] };
    const first = await adapter.chat!.generate(request([trigger], false), context());
    expect(first.content[0]).toMatchObject({ type: 'reasoning', text: '', redactedData: expect.any(String) });
    await adapter.chat!.generate(request([trigger, { role: 'assistant', content: first.content }, resultsFor(first.content)], false), context());
    expect(mock.received[1]!.json.messages[1].content[0]).toEqual({ type: 'redacted_thinking', data: (first.content[0] as { redactedData: string }).redactedData });
  });

  it('a tampered signature is refused by the upstream and surfaces as an invalid request', async () => {
    const first = await adapter.chat!.generate(request([question], false), context());
    const tampered = first.content.map((part) => (part.type === 'reasoning' ? { ...part, text: `${part.text}!` } : part));
    const error = await adapter.chat!.generate(request([question, { role: 'assistant', content: tampered }, resultsFor(first.content)], false), context()).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ name: 'UpstreamError', kind: 'invalid_request', status: 400, message: 'messages.1.content.0: Invalid `signature` in `thinking` block' });
  });
});

describe('passthrough and headers', () => {
  it('forwards the client bytes to {base}/messages with the client betas and version', async () => {
    const body = '{"model":"claude-sonnet-4-5","max_tokens":20,"messages":[{"role":"user","content":"raw bytes"}]}';
    const answer = await adapter.passthrough!(
      { format: 'anthropic-messages', body, model: 'claude-sonnet-4-5', stream: false },
      context({ 'anthropic-beta': 'interleaved-thinking-2025-05-14', 'anthropic-version': '2023-06-01', 'x-api-key': 'client-key-not-forwarded' }),
    );
    const chunks: Uint8Array[] = [];
    for await (const chunk of answer.body) chunks.push(chunk);
    expect(answer.status).toBe(200);
    expect(JSON.parse(Buffer.concat(chunks).toString('utf8')).content).toEqual([{ type: 'text', text: 'echo: raw bytes' }]);
    expect(mock.received[0]!.body).toBe(body);
    expect(mock.received[0]!.path).toBe('/v1/messages');
    expect(mock.received[0]!.headers).toMatchObject({ 'x-api-key': apiKey, 'anthropic-beta': 'interleaved-thinking-2025-05-14', 'anthropic-version': '2023-06-01' });
  });

  it('adds the Files API beta when a translated request uses a file id', async () => {
    await adapter.chat!.generate(
      {
        model: 'claude-sonnet-4-5',
        maxOutputTokens: 50,
        stream: false,
        messages: [{ role: 'user', content: [{ type: 'text', text: 'summarise' }, { type: 'file', source: { type: 'file-id', fileId: 'file_011' } }] }],
      },
      context({ 'x-portkey-anthropic-beta': 'context-1m-2025-08-07' }),
    );
    expect(mock.received[0]!.headers['anthropic-beta']).toBe('context-1m-2025-08-07,files-api-2025-04-14');
    expect(mock.received[0]!.json.messages[0].content[1]).toEqual({ type: 'document', source: { type: 'file', file_id: 'file_011' } });
  });
});
