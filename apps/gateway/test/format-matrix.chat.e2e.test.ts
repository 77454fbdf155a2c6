import OpenAI from 'openai';
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
  tinyPngDataUrl,
  upstreamRequest,
} from './format-matrix-setup.js';

// The format matrix, Chat Completions column: the official openai SDK (chat.completions.create
// and .stream().finalChatCompletion()) against every provider family through one gateway.
// Every cell is a named test; what cannot work by design asserts the documented warning.

type ReasoningMessage = OpenAI.ChatCompletionMessage & { reasoning_content?: string };

const tools: OpenAI.ChatCompletionTool[] = matrixTools.map((tool) => ({ type: 'function', function: { ...tool, parameters: { ...tool.parameters } } }));
const modelOf = (provider: MatrixProvider) => `@${provider.slug}/${provider.model}`;
const reasoningModelOf = (provider: MatrixProvider) => `@${provider.reasoningSlug}/${provider.reasoningModel}`;

function callsOf(message: OpenAI.ChatCompletionMessage) {
  return (message.tool_calls ?? []).map((call) => {
    if (call.type !== 'function') throw new Error(`unexpected ${call.type} call`);
    return { id: call.id, name: call.function.name, arguments: JSON.parse(call.function.arguments) as unknown };
  });
}

/** What a provider warns about a plain request from this client (nothing, unless a default had to be filled in). */
const plainWarnings: Record<ProviderKey, string[]> = {
  openai: [],
  // Messages requires max_tokens; Chat Completions does not.
  anthropic: ['maxOutputTokens'],
  gemini: [],
  bedrock: [],
  deepseek: [],
};

/** The text scenario's warnings: service_tier reaches OpenAI-style servers verbatim and is named everywhere else. */
const textWarnings: Record<ProviderKey, string[]> = {
  openai: [],
  anthropic: ['maxOutputTokens', 'service_tier'],
  gemini: ['service_tier'],
  bedrock: ['service_tier'],
  deepseek: [],
};

let matrix: FormatMatrix;
let client: OpenAI;

beforeAll(async () => {
  matrix = await startFormatMatrix('chat');
  client = new OpenAI({ baseURL: `${matrix.gateway.url}/v1`, apiKey: 'client-key', maxRetries: 0, fetch: matrix.fetch });
});
afterAll(async () => {
  await matrix?.close();
});
beforeEach(() => matrix.reset());

/** The tool scenario's first turn, non-streamed: both calls, checked. */
async function askForTools(provider: MatrixProvider, extra: Partial<OpenAI.ChatCompletionCreateParamsNonStreaming> = {}, model = modelOf(provider)) {
  const user: OpenAI.ChatCompletionMessageParam = { role: 'user', content: 'please call tools' };
  const completion = await client.chat.completions.create({ model, tools, messages: [user], ...extra });
  expect(completion.choices[0]!.finish_reason).toBe('tool_calls');
  const message = completion.choices[0]!.message as ReasoningMessage;
  const calls = callsOf(message);
  expect(calls.map(({ name, arguments: args }) => ({ name, arguments: args }))).toEqual(expectedCalls);
  return { user, message, calls, results: calls.map((call) => ({ role: 'tool' as const, tool_call_id: call.id, content: `${call.name} is done` })) };
}

const reasoningCells: Record<ProviderKey, { title: string; run(provider: MatrixProvider): Promise<void> }> = {
  openai: {
    title: 'reasoning: stays server-side at OpenAI — reasoning_effort forwarded, reasoning_tokens reported, history forwarded as sent',
    async run(provider) {
      const first = await client.chat.completions.create({ model: reasoningModelOf(provider), reasoning_effort: 'low', messages: [{ role: 'user', content: 'think first' }] });
      expect(first.usage?.completion_tokens_details?.reasoning_tokens).toBe(0);
      expect(upstreamRequest(matrix, provider).json).toEqual({ model: provider.reasoningModel, reasoning_effort: 'low', messages: [{ role: 'user', content: 'think first' }] });
      const history = [{ role: 'user' as const, content: 'think first' }, first.choices[0]!.message, { role: 'user' as const, content: 'and again' }];
      await client.chat.completions.create({ model: reasoningModelOf(provider), reasoning_effort: 'low', messages: history });
      expect(upstreamRequest(matrix, provider).json.messages).toEqual(JSON.parse(JSON.stringify(history)));
    },
  },
  anthropic: {
    title: 'reasoning across turns: the thinking signature has no field here — thinking is dropped from history and turned off for the tool loop, with warnings',
    async run(provider) {
      const settings = { reasoning_effort: 'low' as const, max_completion_tokens: 4096 };
      const { user, message, results } = await askForTools(provider, settings, reasoningModelOf(provider));
      expect(message.reasoning_content).toBe('Thinking about: please call tools');
      expect(upstreamRequest(matrix, provider, 0).json.thinking).toEqual({ type: 'enabled', budget_tokens: 2048 });

      const second = await client.chat.completions.create({ model: reasoningModelOf(provider), tools, ...settings, messages: [user, message, ...results] });
      expect(second.choices[0]!.message.content).toBe('echo: get_weather is done get_time is done');
      const sent = upstreamRequest(matrix, provider, 1).json;
      expect(sent.thinking).toBeUndefined();
      expect(sent.messages[1].content.map((block: { type: string }) => block.type)).toEqual(['tool_use', 'tool_use']);
      expect(matrix.lastWarnings()).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ field: 'messages[1].content[0]', message: expect.stringContaining('only with the signature it issued') }),
          expect.objectContaining({ field: 'reasoning', message: expect.stringContaining('thinking was turned off for this request') }),
        ]),
      );
    },
  },
  gemini: {
    title: 'reasoning across turns: the Gemini 3 thought signature rides in the tool-call id and is restored on the functionCall',
    async run(provider) {
      const { user, message, calls, results } = await askForTools(provider, { reasoning_effort: 'low' }, reasoningModelOf(provider));
      expect(message.reasoning_content).toBe('Thinking about: please call tools');
      expect(calls[0]!.id).toMatch(/__thought__/);
      expect(matrix.gemini3.received[0]!.json.generationConfig.thinkingConfig).toEqual({ thinkingLevel: 'low', includeThoughts: true });

      // The Gemini 3 mock refuses a tool loop whose first call lost its signature.
      const second = await client.chat.completions.create({ model: reasoningModelOf(provider), tools, reasoning_effort: 'low', messages: [user, message, ...results] });
      expect(second.choices[0]!.message.content).toContain('echo: get_weather');
      const modelTurn = matrix.gemini3.received[1]!.json.contents[1];
      expect(modelTurn.role).toBe('model');
      expect(modelTurn.parts[0].thoughtSignature).toBe(matrix.gemini3.issuedSignatures[0]);
      expect(modelTurn.parts.map((part: { functionCall: { id: string } }) => part.functionCall.id)).toEqual(calls.map((call) => call.id.split('__thought__')[0]));
    },
  },
  bedrock: {
    title: 'reasoning across turns: the Bedrock signature has no field here — reasoning is left out of the history, with a warning',
    async run(provider) {
      const settings = { reasoning_effort: 'low' as const, max_completion_tokens: 4096 };
      const { user, message, results } = await askForTools(provider, settings, reasoningModelOf(provider));
      expect(message.reasoning_content).toBe('thinking about: please call tools');
      expect(upstreamRequest(matrix, provider, 0).json.additionalModelRequestFields).toEqual({ thinking: { type: 'enabled', budget_tokens: 2048 } });

      await client.chat.completions.create({ model: reasoningModelOf(provider), tools, ...settings, messages: [user, message, ...results] });
      const assistant = upstreamRequest(matrix, provider, 1).json.messages[1];
      expect(assistant.content.every((block: object) => !('reasoningContent' in block))).toBe(true);
      expect(matrix.lastWarnings()).toEqual(
        expect.arrayContaining([expect.objectContaining({ field: 'messages[1].content[0]', message: expect.stringContaining('only takes back reasoning it signed') })]),
      );
    },
  },
  deepseek: {
    title: 'reasoning across turns: reasoning_content goes back after a thinking tool-call turn, as DeepSeek requires',
    async run(provider) {
      const { user, message, results } = await askForTools(provider, {}, reasoningModelOf(provider));
      expect(message.reasoning_content).toBe('Thinking about: please call tools');
      await client.chat.completions.create({ model: reasoningModelOf(provider), tools, messages: [user, message, ...results] });
      const assistant = upstreamRequest(matrix, provider, 1).json.messages[1];
      expect(assistant).toMatchObject({ role: 'assistant', reasoning_content: 'Thinking about: please call tools' });
      expect(matrix.lastWarnings()).toEqual([]);
    },
  },
};

describe.each(matrixProviders('chat'))('Chat Completions client → $name', (provider) => {
  const passthrough = provider.passthrough.includes('openai-chat');

  it(`text: system and user turn, answered as a chat.completion${passthrough ? ' (bytes forwarded)' : ''}`, async () => {
    const body: OpenAI.ChatCompletionCreateParamsNonStreaming = {
      model: modelOf(provider),
      messages: [
        { role: 'system', content: 'be brief' },
        { role: 'user', content: 'hello matrix' },
      ],
      // A field with no canonical home: it must reach a provider that has it, or be named in a warning.
      service_tier: 'auto',
    };
    const completion = await client.chat.completions.create(body);
    expect(completion.object).toBe('chat.completion');
    expect(completion.id).toMatch(provider.responseIdPattern);
    expect(completion.choices[0]!.message.content).toBe('echo: hello matrix');
    expect(completion.choices[0]!.finish_reason).toBe('stop');

    const sent = upstreamRequest(matrix, provider);
    expect(provider.wire.streamed(sent)).toBe(false);
    expect(provider.wire.systemText(sent.json)).toBe('be brief');
    if (passthrough) expect(sent.json).toEqual({ ...body, model: provider.model });
    expect(matrix.gateway.records.at(-1)).toMatchObject({ provider: provider.slug, passthrough, status: 200 });
    expect(matrix.lastWarnings().map((warning) => warning.field)).toEqual(textWarnings[provider.key]);
    if (!textWarnings[provider.key].includes('service_tier')) expect(sent.json.service_tier).toBe('auto');
  });

  it('stream: ChatCompletionStream accumulates every chunk into the final completion', async () => {
    const runner = client.chat.completions.stream({ model: modelOf(provider), messages: [{ role: 'user', content: 'stream these words' }] });
    let deltas = '';
    runner.on('content', (delta) => (deltas += delta));
    const final = await runner.finalChatCompletion();
    expect(deltas).toBe('echo: stream these words');
    expect(final.choices[0]!.message.content).toBe('echo: stream these words');
    expect(final.choices[0]!.finish_reason).toBe('stop');
    expect(final.id).toMatch(provider.responseIdPattern);
    expect(provider.wire.streamed(upstreamRequest(matrix, provider))).toBe(true);
  });

  it(`tools: two calls, then the tool-result turn arrives as ${provider.shapes.toolResults}`, async () => {
    const { user, message, calls, results } = await askForTools(provider);
    calls.forEach((call, index) => expect(call.id).toMatch(provider.callIdPattern(index)));
    expect(provider.wire.toolNames(upstreamRequest(matrix, provider).json)).toEqual(['get_weather', 'get_time']);

    const second = await client.chat.completions.create({ model: modelOf(provider), tools, messages: [user, message, ...results] });
    expect(second.choices[0]!.finish_reason).toBe('stop');
    expect(second.choices[0]!.message.content).toBe(provider.wire.echoOfToolResults(calls.map((call) => ({ name: call.name, text: `${call.name} is done` }))));
    const sent = upstreamRequest(matrix, provider).json;
    expect(provider.wire.historyCalls(sent)).toEqual(calls.map(({ id, name }) => ({ id, name })));
    expect(provider.wire.toolResults(sent)).toEqual(calls.map((call) => ({ callId: call.id, text: `${call.name} is done` })));
    expect(matrix.lastWarnings().map((warning) => warning.field)).toEqual(plainWarnings[provider.key]);
  });

  it('parallel tools, streamed: the SDK assembles both calls from the streamed deltas', async () => {
    const final = await client.chat.completions
      .stream({ model: modelOf(provider), tools, parallel_tool_calls: true, messages: [{ role: 'user', content: 'please call tools' }] })
      .finalChatCompletion();
    expect(final.choices[0]!.finish_reason).toBe('tool_calls');
    const calls = callsOf(final.choices[0]!.message);
    expect(calls.map(({ name, arguments: args }) => ({ name, arguments: args }))).toEqual(expectedCalls);
    calls.forEach((call, index) => expect(call.id).toMatch(provider.callIdPattern(index)));
    expect(provider.wire.streamed(upstreamRequest(matrix, provider))).toBe(true);
    expect(matrix.lastWarnings().map((warning) => warning.field)).toEqual(plainWarnings[provider.key]);
  });

  if (provider.images) {
    it(`image input: a base64 data URL arrives as ${provider.shapes.image}`, async () => {
      const completion = await client.chat.completions.create({
        model: modelOf(provider),
        messages: [{ role: 'user', content: [{ type: 'text', text: 'describe this image' }, { type: 'image_url', image_url: { url: tinyPngDataUrl } }] }],
      });
      expect(completion.choices[0]!.message.content).toBe('echo: describe this image');
      expect(provider.wire.image(upstreamRequest(matrix, provider).json)).toEqual({ mediaType: 'image/png', data: tinyPngBase64 });
      expect(matrix.lastWarnings().map((warning) => warning.field)).toEqual(plainWarnings[provider.key]);
    });
  } else {
    it('image input: refused with a 400 before any upstream call (the provider declares no image input)', async () => {
      const error = await client.chat.completions
        .create({
          model: modelOf(provider),
          messages: [{ role: 'user', content: [{ type: 'text', text: 'describe this image' }, { type: 'image_url', image_url: { url: tinyPngDataUrl } }] }],
        })
        .catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(OpenAI.BadRequestError);
      expect((error as InstanceType<typeof OpenAI.BadRequestError>).message).toContain('does not support image input');
      expect(provider.upstream(matrix).received).toHaveLength(0);
    });
  }

  const reasoning = reasoningCells[provider.key];
  it(reasoning.title, () => reasoning.run(provider));

  it('usage: the upstream counts come back in Chat Completions usage, streamed and not, and reach the request log', async () => {
    const messages: OpenAI.ChatCompletionMessageParam[] = [{ role: 'user', content: 'count these five words please' }];
    const completion = await client.chat.completions.create({ model: modelOf(provider), messages });
    const expected = provider.wire.usage(upstreamRequest(matrix, provider).json);
    expect(completion.usage).toMatchObject({ prompt_tokens: expected.input, completion_tokens: expected.output, total_tokens: expected.input + expected.output });
    expect(matrix.gateway.records.at(-1)!.usage).toMatchObject({ input: expected.input, output: expected.output });

    const stream = await client.chat.completions.create({ model: modelOf(provider), messages, stream: true, stream_options: { include_usage: true } });
    let usage: OpenAI.CompletionUsage | undefined;
    for await (const chunk of stream) if (chunk.usage) usage = chunk.usage;
    const expectedStreamed = provider.wire.usage(upstreamRequest(matrix, provider).json);
    expect(usage).toMatchObject({ prompt_tokens: expectedStreamed.input, completion_tokens: expectedStreamed.output, total_tokens: expectedStreamed.input + expectedStreamed.output });
    expect(matrix.gateway.records.at(-1)!.usage).toMatchObject({ input: expectedStreamed.input, output: expectedStreamed.output });
  });
});
