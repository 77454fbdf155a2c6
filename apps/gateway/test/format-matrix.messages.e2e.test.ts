import Anthropic from '@anthropic-ai/sdk';
import { mockReasoningSignature, mockThinkingSignature } from '@switchyard/testkit';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  type FormatMatrix,
  type MatrixProvider,
  type ProviderKey,
  expectedCalls,
  matrixProviders,
  matrixTools,
  startFormatMatrix,
  tinyPngBase64,
  upstreamRequest,
} from './format-matrix-setup.js';

// The format matrix, Anthropic Messages column: the official @anthropic-ai/sdk (messages.create
// and messages.stream().finalMessage()) against every provider family through one gateway.
// Every cell is a named test; what cannot work by design asserts the documented warning.

const tools: Anthropic.Tool[] = matrixTools.map((tool) => ({ name: tool.name, description: tool.description, input_schema: { ...tool.parameters } as Anthropic.Tool.InputSchema }));
const modelOf = (provider: MatrixProvider) => `@${provider.slug}/${provider.model}`;
const reasoningModelOf = (provider: MatrixProvider) => `@${provider.reasoningSlug}/${provider.reasoningModel}`;
const thinking = { type: 'enabled', budget_tokens: 1024 } as const;

const toolUses = (message: Anthropic.Message) => message.content.filter((block): block is Anthropic.ToolUseBlock => block.type === 'tool_use');
const thinkingBlocks = (message: Anthropic.Message) => message.content.filter((block): block is Anthropic.ThinkingBlock => block.type === 'thinking');
const textOf = (message: Anthropic.Message) =>
  message.content
    .filter((block): block is Anthropic.TextBlock => block.type === 'text')
    .map((block) => block.text)
    .join('');

let matrix: FormatMatrix;
let client: Anthropic;

beforeAll(async () => {
  matrix = await startFormatMatrix('chat');
  client = new Anthropic({ baseURL: matrix.gateway.url, apiKey: 'client-key', maxRetries: 0, fetch: matrix.fetch });
});
afterAll(async () => {
  await matrix?.close();
});
beforeEach(() => matrix.reset());

/** The tool scenario's first turn, non-streamed unless asked: both calls, checked. */
async function askForTools(provider: MatrixProvider, extra: Partial<Anthropic.MessageCreateParamsNonStreaming> = {}, model = modelOf(provider), streamed = false) {
  const user: Anthropic.MessageParam = { role: 'user', content: 'please call tools' };
  const params = { model, max_tokens: 4096, tools, messages: [user], ...extra };
  const message = streamed ? await client.messages.stream(params).finalMessage() : await client.messages.create(params);
  expect(message.stop_reason).toBe('tool_use');
  const calls = toolUses(message);
  expect(calls.map(({ name, input }) => ({ name, arguments: input }))).toEqual(expectedCalls);
  const results: Anthropic.MessageParam = {
    role: 'user',
    content: calls.map((call) => ({ type: 'tool_result' as const, tool_use_id: call.id, content: `${call.name} is done` })),
  };
  return { user, message, calls, history: [user, { role: 'assistant' as const, content: message.content }, results] };
}

const reasoningCells: Record<ProviderKey, { title: string; run(provider: MatrixProvider): Promise<void> }> = {
  openai: {
    title: 'reasoning: Chat Completions takes no thinking budget and no reasoning history — both dropped, with warnings',
    async run(provider) {
      const message = await client.messages.create({
        model: reasoningModelOf(provider),
        max_tokens: 4096,
        thinking,
        messages: [
          { role: 'user', content: 'think first' },
          { role: 'assistant', content: [{ type: 'thinking', thinking: 'an earlier thought', signature: 'c2lnbmF0dXJl' }, { type: 'text', text: 'an earlier answer' }] },
          { role: 'user', content: 'and again' },
        ],
      });
      expect(textOf(message)).toBe('echo: and again');
      const sent = upstreamRequest(matrix, provider).json;
      expect(sent.reasoning_effort).toBeUndefined();
      expect(sent.messages[1]).toEqual({ role: 'assistant', content: 'an earlier answer' });
      expect(matrix.lastWarnings().map((warning) => warning.field)).toEqual(expect.arrayContaining(['reasoning.budgetTokens', 'messages[1].content[0]']));
    },
  },
  anthropic: {
    title: 'reasoning across turns: signed thinking from a streamed tool-use turn goes back untouched (bytes forwarded)',
    async run(provider) {
      const { message, history } = await askForTools(provider, { thinking }, reasoningModelOf(provider), true);
      const [block] = thinkingBlocks(message);
      expect(block).toEqual({ type: 'thinking', thinking: 'Thinking about: please call tools', signature: mockThinkingSignature('Thinking about: please call tools') });

      // The mock verifies the signature and that the tool loop keeps its thinking block.
      const second = await client.messages.create({ model: reasoningModelOf(provider), max_tokens: 4096, thinking, tools, messages: history });
      expect(textOf(second)).toBe('echo: get_weather is done get_time is done');
      expect(upstreamRequest(matrix, provider).json.messages[1].content[0]).toEqual(block);
      expect(matrix.lastWarnings()).toEqual([]);
      expect(matrix.gateway.records.every((record) => record.passthrough)).toBe(true);
    },
  },
  gemini: {
    title: 'reasoning across turns: the Gemini 3 thought signature rides in the tool_use id (the thinking block cannot carry it) and is restored',
    async run(provider) {
      const { message, calls, history } = await askForTools(provider, { thinking }, reasoningModelOf(provider), true);
      const [block] = thinkingBlocks(message);
      // Shown, but unsigned: a Gemini signature would not verify at Anthropic.
      expect(block).toEqual({ type: 'thinking', thinking: 'Thinking about: please call tools', signature: '' });
      expect(calls[0]!.id).toMatch(/__thought__/);

      const second = await client.messages.create({ model: reasoningModelOf(provider), max_tokens: 4096, thinking, tools, messages: history });
      expect(textOf(second)).toContain('echo: get_weather');
      const modelTurn = matrix.gemini3.received[1]!.json.contents[1];
      expect(modelTurn.parts[0].thoughtSignature).toBe(matrix.gemini3.issuedSignatures[0]);
      expect(matrix.lastWarnings()).toEqual([]);
    },
  },
  bedrock: {
    title: 'reasoning across turns: the Claude-on-Bedrock thinking signature survives a Messages round trip',
    async run(provider) {
      const { message, history } = await askForTools(provider, { thinking }, reasoningModelOf(provider), true);
      const text = 'thinking about: please call tools';
      const [block] = thinkingBlocks(message);
      expect(block).toEqual({ type: 'thinking', thinking: text, signature: mockReasoningSignature(text) });
      expect(upstreamRequest(matrix, provider, 0).json.additionalModelRequestFields).toEqual({ thinking: { type: 'enabled', budget_tokens: 1024 } });

      // The mock refuses reasoning whose signature it did not issue.
      await client.messages.create({ model: reasoningModelOf(provider), max_tokens: 4096, thinking, tools, messages: history });
      const assistant = upstreamRequest(matrix, provider, 1).json.messages[1];
      expect(assistant.content[0]).toEqual({ reasoningContent: { reasoningText: { text, signature: mockReasoningSignature(text) } } });
      expect(matrix.lastWarnings()).toEqual([]);
    },
  },
  deepseek: {
    title: 'reasoning across turns: the thinking text goes back as reasoning_content (the budget has no DeepSeek field, warned)',
    async run(provider) {
      const { message, history } = await askForTools(provider, { thinking }, reasoningModelOf(provider), true);
      expect(thinkingBlocks(message).map((block) => block.thinking)).toEqual(['Thinking about: please call tools']);
      expect(matrix.lastWarnings().map((warning) => warning.field)).toEqual(['reasoning.budgetTokens']);

      await client.messages.create({ model: reasoningModelOf(provider), max_tokens: 4096, tools, messages: history });
      expect(upstreamRequest(matrix, provider, 1).json.messages[1]).toMatchObject({ role: 'assistant', reasoning_content: 'Thinking about: please call tools' });
      // The thinking block came back with the empty signature the gateway gave it: nothing was lost.
      expect(matrix.lastWarnings()).toEqual([]);
    },
  },
};

describe.each(matrixProviders('chat'))('Messages client → $name', (provider) => {
  const passthrough = provider.passthrough.includes('anthropic-messages');

  it(`text: system and user turn, answered as a Message${passthrough ? ' (bytes forwarded)' : ''}`, async () => {
    // service_tier has no canonical home: it must reach a provider that has it, or be named in a warning.
    const body: Anthropic.MessageCreateParamsNonStreaming = {
      model: modelOf(provider),
      max_tokens: 200,
      system: 'be brief',
      messages: [{ role: 'user', content: 'hello matrix' }],
      service_tier: 'auto',
    };
    const message = await client.messages.create(body);
    expect(message).toMatchObject({ type: 'message', role: 'assistant', stop_reason: 'end_turn', content: [{ type: 'text', text: 'echo: hello matrix' }] });
    expect(message.id).toMatch(provider.responseIdPattern);

    const sent = upstreamRequest(matrix, provider);
    expect(provider.wire.streamed(sent)).toBe(false);
    expect(provider.wire.systemText(sent.json)).toBe('be brief');
    if (passthrough) expect(sent.json).toEqual({ ...body, model: provider.model });
    expect(matrix.gateway.records.at(-1)).toMatchObject({ provider: provider.slug, passthrough, status: 200 });
    expect(matrix.lastWarnings().map((warning) => warning.field)).toEqual(passthrough ? [] : ['service_tier']);
  });

  it('stream: MessageStream accumulates every event into the final message', async () => {
    const stream = client.messages.stream({ model: modelOf(provider), max_tokens: 200, messages: [{ role: 'user', content: 'stream these words' }] });
    let deltas = '';
    stream.on('text', (delta) => (deltas += delta));
    const final = await stream.finalMessage();
    expect(deltas).toBe('echo: stream these words');
    expect(final.content).toEqual([{ type: 'text', text: 'echo: stream these words' }]);
    expect(final.stop_reason).toBe('end_turn');
    expect(final.id).toMatch(provider.responseIdPattern);
    expect(provider.wire.streamed(upstreamRequest(matrix, provider))).toBe(true);
  });

  it(`tools: two tool_use blocks, then the tool_result turn arrives as ${provider.shapes.toolResults}`, async () => {
    const { calls, history } = await askForTools(provider);
    calls.forEach((call, index) => expect(call.id).toMatch(provider.callIdPattern(index)));
    expect(provider.wire.toolNames(upstreamRequest(matrix, provider).json)).toEqual(['get_weather', 'get_time']);

    const second = await client.messages.create({ model: modelOf(provider), max_tokens: 4096, tools, messages: history });
    expect(second.stop_reason).toBe('end_turn');
    expect(textOf(second)).toBe(provider.wire.echoOfToolResults(calls.map((call) => ({ name: call.name, text: `${call.name} is done` }))));
    const sent = upstreamRequest(matrix, provider).json;
    expect(provider.wire.historyCalls(sent)).toEqual(calls.map(({ id, name }) => ({ id, name })));
    expect(provider.wire.toolResults(sent)).toEqual(calls.map((call) => ({ callId: call.id, text: `${call.name} is done` })));
    expect(matrix.lastWarnings().map((warning) => warning.field)).toEqual([]);
  });

  it('parallel tools, streamed: MessageStream assembles both tool_use blocks from input_json_delta', async () => {
    const final = await client.messages.stream({ model: modelOf(provider), max_tokens: 4096, tools, messages: [{ role: 'user', content: 'please call tools' }] }).finalMessage();
    expect(final.stop_reason).toBe('tool_use');
    const calls = toolUses(final);
    expect(calls.map(({ name, input }) => ({ name, arguments: input }))).toEqual(expectedCalls);
    calls.forEach((call, index) => expect(call.id).toMatch(provider.callIdPattern(index)));
    expect(provider.wire.streamed(upstreamRequest(matrix, provider))).toBe(true);
    expect(matrix.lastWarnings().map((warning) => warning.field)).toEqual([]);
  });

  const imageMessage: Anthropic.MessageParam = {
    role: 'user',
    content: [
      { type: 'text', text: 'describe this image' },
      { type: 'image', source: { type: 'base64', media_type: 'image/png', data: tinyPngBase64 } },
    ],
  };
  if (provider.images) {
    it(`image input: a base64 image block arrives as ${provider.shapes.image}`, async () => {
      const message = await client.messages.create({ model: modelOf(provider), max_tokens: 200, messages: [imageMessage] });
      expect(textOf(message)).toBe('echo: describe this image');
      expect(provider.wire.image(upstreamRequest(matrix, provider).json)).toEqual({ mediaType: 'image/png', data: tinyPngBase64 });
      expect(matrix.lastWarnings().map((warning) => warning.field)).toEqual([]);
    });
  } else {
    it('image input: refused with a 400 before any upstream call (the provider declares no image input)', async () => {
      const error = await client.messages.create({ model: modelOf(provider), max_tokens: 200, messages: [imageMessage] }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(Anthropic.BadRequestError);
      expect((error as InstanceType<typeof Anthropic.BadRequestError>).message).toContain('does not support image input');
      expect(provider.upstream(matrix).received).toHaveLength(0);
    });
  }

  const reasoning = reasoningCells[provider.key];
  it(reasoning.title, () => reasoning.run(provider));

  it('usage: the upstream counts come back in Messages usage, streamed and not, and reach the request log', async () => {
    const params = { model: modelOf(provider), max_tokens: 200, messages: [{ role: 'user' as const, content: 'count these five words please' }] };
    const message = await client.messages.create(params);
    const expected = provider.wire.usage(upstreamRequest(matrix, provider).json);
    expect(message.usage).toMatchObject({ input_tokens: expected.input, output_tokens: expected.output });
    expect(matrix.gateway.records.at(-1)!.usage).toMatchObject({ input: expected.input, output: expected.output });

    const final = await client.messages.stream(params).finalMessage();
    const expectedStreamed = provider.wire.usage(upstreamRequest(matrix, provider).json);
    expect(final.usage).toMatchObject({ input_tokens: expectedStreamed.input, output_tokens: expectedStreamed.output });
    expect(matrix.gateway.records.at(-1)!.usage).toMatchObject({ input: expectedStreamed.input, output: expectedStreamed.output });
  });
});
