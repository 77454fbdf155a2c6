import { mockReasoningSignature, mockThinkingSignature } from '@switchyard/testkit';
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

// The format matrix, OpenAI Responses column: the official openai SDK (responses.create and
// responses.stream().finalResponse()) against every provider family through one gateway. The
// OpenAI entry here points at a Responses upstream, since Responses clients are forwarded to
// OpenAI's /v1/responses byte for byte. What cannot work by design asserts the documented warning.

type Responses = OpenAI.Responses.Response;
type InputItem = OpenAI.Responses.ResponseInputItem;

const tools: OpenAI.Responses.FunctionTool[] = matrixTools.map((tool) => ({ type: 'function', ...tool, parameters: { ...tool.parameters }, strict: false }));
const modelOf = (provider: MatrixProvider) => `@${provider.slug}/${provider.model}`;
const reasoningModelOf = (provider: MatrixProvider) => `@${provider.reasoningSlug}/${provider.reasoningModel}`;
/** Upstream ids are kept, prefixed `resp_` unless they already are Responses ids. */
const responseIdPattern = (provider: MatrixProvider) =>
  provider.key === 'openai' ? provider.responseIdPattern : new RegExp(`^resp_${provider.responseIdPattern.source.slice(1)}`);

const functionCalls = (response: Responses) => response.output.filter((item): item is OpenAI.Responses.ResponseFunctionToolCall => item.type === 'function_call');
const reasoningItems = (response: Responses) => response.output.filter((item): item is OpenAI.Responses.ResponseReasoningItem => item.type === 'reasoning');
const summaryOf = (item: OpenAI.Responses.ResponseReasoningItem) => item.summary.map((part) => part.text).join('');

/** The `swy1:` envelope the gateway puts in encrypted_content for another provider's signature. */
function openEnvelope(value: string | null | undefined): Record<string, string> {
  expect(value).toMatch(/^swy1:[A-Za-z0-9_-]+$/);
  return JSON.parse(Buffer.from(value!.slice('swy1:'.length), 'base64url').toString('utf8')) as Record<string, string>;
}

const plainWarnings: Record<ProviderKey, string[]> = {
  openai: [],
  // Messages requires max_tokens; Responses does not.
  anthropic: ['maxOutputTokens'],
  gemini: [],
  bedrock: [],
  deepseek: [],
};

let matrix: FormatMatrix;
let client: OpenAI;

beforeAll(async () => {
  matrix = await startFormatMatrix('responses');
  client = new OpenAI({ baseURL: `${matrix.gateway.url}/v1`, apiKey: 'client-key', maxRetries: 0, fetch: matrix.fetch });
});
afterAll(async () => {
  await matrix?.close();
});
beforeEach(() => matrix.reset());

/** The tool scenario's first turn (streamed or not): both function calls, checked, and the next turn's input. */
async function askForTools(provider: MatrixProvider, extra: Omit<Partial<OpenAI.Responses.ResponseCreateParamsNonStreaming>, 'stream'> = {}, model = modelOf(provider), streamed = false) {
  const user: InputItem = { role: 'user', content: 'please call tools' };
  const params = { model, tools, input: [user], ...extra };
  const response = streamed ? await client.responses.stream(params).finalResponse() : await client.responses.create(params);
  expect(response.status).toBe('completed');
  const calls = functionCalls(response);
  expect(calls.map((call) => ({ name: call.name, arguments: JSON.parse(call.arguments) as unknown }))).toEqual(expectedCalls);
  const outputs: InputItem[] = calls.map((call) => ({ type: 'function_call_output', call_id: call.call_id, output: `${call.name} is done` }));
  return { response, calls, next: [user, ...(response.output as InputItem[]), ...outputs] };
}

const reasoningCells: Record<ProviderKey, { title: string; run(provider: MatrixProvider): Promise<void> }> = {
  openai: {
    title: "reasoning across turns: OpenAI's own encrypted_content goes back untouched (bytes forwarded)",
    async run(provider) {
      const settings = { reasoning: { effort: 'low' as const }, include: ['reasoning.encrypted_content' as const], store: false };
      const { response, next } = await askForTools(provider, settings, reasoningModelOf(provider), true);
      const [item] = reasoningItems(response);
      expect(item!.encrypted_content).toBe(matrix.responses.issuedEncryptedContent[0]);

      // The upstream refuses encrypted_content it did not issue.
      const second = await client.responses.create({ model: reasoningModelOf(provider), tools, ...settings, input: next });
      expect(second.output_text).toBe('echo: get_weather is done get_time is done');
      const sent = upstreamRequest(matrix, provider).json.input.find((entry: { type?: string }) => entry.type === 'reasoning');
      expect(sent.encrypted_content).toBe(item!.encrypted_content);
      expect(matrix.lastWarnings()).toEqual([]);
    },
  },
  anthropic: {
    title: 'reasoning across turns: the signed thinking block survives in the swy1: encrypted_content envelope',
    async run(provider) {
      const settings = { reasoning: { effort: 'low' as const }, max_output_tokens: 4096 };
      const { response, next } = await askForTools(provider, settings, reasoningModelOf(provider), true);
      const text = 'Thinking about: please call tools';
      const [item] = reasoningItems(response);
      expect(summaryOf(item!)).toBe(text);
      expect(openEnvelope(item!.encrypted_content)).toEqual({ provider: 'anthropic', text, signature: mockThinkingSignature(text) });

      // The mock verifies the signature and that the tool loop keeps its thinking block.
      const second = await client.responses.create({ model: reasoningModelOf(provider), tools, ...settings, input: next });
      expect(second.output.some((entry) => entry.type === 'message')).toBe(true);
      const assistant = upstreamRequest(matrix, provider, 1).json.messages[1];
      expect(assistant.content[0]).toEqual({ type: 'thinking', thinking: text, signature: mockThinkingSignature(text) });
      // Lossless but for the effort, which Anthropic takes as a token budget (said in a warning).
      expect(matrix.lastWarnings().map((warning) => warning.field)).toEqual(['reasoning.effort']);
    },
  },
  gemini: {
    title: 'reasoning across turns: the Gemini 3 thought signature survives in the swy1: envelope and is restored on the functionCall',
    async run(provider) {
      const settings = { reasoning: { effort: 'low' as const } };
      const { response, next } = await askForTools(provider, settings, reasoningModelOf(provider), true);
      const [item] = reasoningItems(response);
      expect(summaryOf(item!)).toBe('Thinking about: please call tools');
      expect(openEnvelope(item!.encrypted_content)).toMatchObject({ provider: 'google', signature: matrix.gemini3.issuedSignatures[0] });

      // The Gemini 3 mock refuses a tool loop whose first call lost its signature.
      await client.responses.create({ model: reasoningModelOf(provider), tools, ...settings, input: next });
      const modelTurn = matrix.gemini3.received[1]!.json.contents[1];
      expect(modelTurn.role).toBe('model');
      expect(modelTurn.parts[0].thoughtSignature).toBe(matrix.gemini3.issuedSignatures[0]);
      expect(matrix.lastWarnings()).toEqual([]);
    },
  },
  bedrock: {
    title: 'reasoning across turns: the Bedrock reasoningContent signature survives in the swy1: envelope',
    async run(provider) {
      const settings = { reasoning: { effort: 'low' as const }, max_output_tokens: 4096 };
      const { response, next } = await askForTools(provider, settings, reasoningModelOf(provider), true);
      const text = 'thinking about: please call tools';
      const [item] = reasoningItems(response);
      expect(openEnvelope(item!.encrypted_content)).toEqual({ provider: 'bedrock', text, signature: mockReasoningSignature(text) });

      // The mock refuses reasoning whose signature it did not issue.
      await client.responses.create({ model: reasoningModelOf(provider), tools, ...settings, input: next });
      const assistant = upstreamRequest(matrix, provider, 1).json.messages[1];
      expect(assistant.content[0]).toEqual({ reasoningContent: { reasoningText: { text, signature: mockReasoningSignature(text) } } });
      // Lossless but for the effort, which Claude on Bedrock takes as a token budget (said in a warning).
      expect(matrix.lastWarnings().map((warning) => warning.field)).toEqual(['reasoning_effort']);
    },
  },
  deepseek: {
    title: 'reasoning across turns: the reasoning summary (nothing to sign) goes back as reasoning_content',
    async run(provider) {
      const settings = { reasoning: { effort: 'low' as const } };
      const { response, next } = await askForTools(provider, settings, reasoningModelOf(provider), true);
      const [item] = reasoningItems(response);
      expect(summaryOf(item!)).toBe('Thinking about: please call tools');
      expect(item!.encrypted_content ?? undefined).toBeUndefined();

      await client.responses.create({ model: reasoningModelOf(provider), tools, ...settings, input: next });
      expect(upstreamRequest(matrix, provider, 1).json.messages[1]).toMatchObject({ role: 'assistant', reasoning_content: 'Thinking about: please call tools' });
      expect(matrix.lastWarnings()).toEqual([]);
    },
  },
};

describe.each(matrixProviders('responses'))('Responses client → $name', (provider) => {
  const passthrough = provider.passthrough.includes('openai-responses');

  it(`text: instructions and input, answered as a Response${passthrough ? ' (bytes forwarded)' : ''}`, async () => {
    // service_tier has no canonical home: it must reach a provider that has it, or be named in a warning.
    const body: OpenAI.Responses.ResponseCreateParamsNonStreaming = { model: modelOf(provider), instructions: 'be brief', input: 'hello matrix', service_tier: 'auto' };
    const response = await client.responses.create(body);
    expect(response.object).toBe('response');
    expect(response.status).toBe('completed');
    expect(response.id).toMatch(responseIdPattern(provider));
    expect(response.output_text).toBe('echo: hello matrix');

    const sent = upstreamRequest(matrix, provider);
    expect(provider.wire.streamed(sent)).toBe(false);
    expect(provider.wire.systemText(sent.json)).toBe('be brief');
    if (passthrough) expect(sent.json).toEqual({ ...body, model: provider.model });
    expect(matrix.gateway.records.at(-1)).toMatchObject({ provider: provider.slug, passthrough, status: 200 });
    expect(matrix.lastWarnings().map((warning) => warning.field)).toEqual(passthrough ? [] : [...plainWarnings[provider.key], 'service_tier']);
  });

  it('stream: ResponseStream accumulates every event into the final response', async () => {
    const stream = client.responses.stream({ model: modelOf(provider), input: 'stream these words' });
    let deltas = '';
    stream.on('response.output_text.delta', (event) => (deltas += event.delta));
    const final = await stream.finalResponse();
    expect(deltas).toBe('echo: stream these words');
    expect(final.output_text).toBe('echo: stream these words');
    expect(final.status).toBe('completed');
    expect(final.id).toMatch(responseIdPattern(provider));
    expect(provider.wire.streamed(upstreamRequest(matrix, provider))).toBe(true);
  });

  it(`tools: two function_call items, then the function_call_output turn arrives as ${provider.shapes.toolResults}`, async () => {
    const { calls, next } = await askForTools(provider);
    calls.forEach((call, index) => expect(call.call_id).toMatch(provider.callIdPattern(index)));
    expect(provider.wire.toolNames(upstreamRequest(matrix, provider).json)).toEqual(['get_weather', 'get_time']);

    const second = await client.responses.create({ model: modelOf(provider), tools, input: next });
    expect(second.status).toBe('completed');
    expect(second.output_text).toBe(provider.wire.echoOfToolResults(calls.map((call) => ({ name: call.name, text: `${call.name} is done` }))));
    const sent = upstreamRequest(matrix, provider).json;
    expect(provider.wire.historyCalls(sent)).toEqual(calls.map((call) => ({ id: call.call_id, name: call.name })));
    expect(provider.wire.toolResults(sent)).toEqual(calls.map((call) => ({ callId: call.call_id, text: `${call.name} is done` })));
    expect(matrix.lastWarnings().map((warning) => warning.field)).toEqual(plainWarnings[provider.key]);
  });

  it('parallel tools, streamed: ResponseStream assembles both function calls from argument deltas', async () => {
    const final = await client.responses.stream({ model: modelOf(provider), tools, parallel_tool_calls: true, input: 'please call tools' }).finalResponse();
    expect(final.status).toBe('completed');
    const calls = functionCalls(final);
    expect(calls.map((call) => ({ name: call.name, arguments: JSON.parse(call.arguments) as unknown }))).toEqual(expectedCalls);
    calls.forEach((call, index) => expect(call.call_id).toMatch(provider.callIdPattern(index)));
    expect(provider.wire.streamed(upstreamRequest(matrix, provider))).toBe(true);
    expect(matrix.lastWarnings().map((warning) => warning.field)).toEqual(plainWarnings[provider.key]);
  });

  const imageInput: InputItem[] = [
    {
      role: 'user',
      content: [
        { type: 'input_text', text: 'describe this image' },
        { type: 'input_image', image_url: tinyPngDataUrl, detail: 'auto' },
      ],
    },
  ];
  if (provider.images) {
    it(`image input: an input_image data URL arrives as ${provider.shapes.image}`, async () => {
      const response = await client.responses.create({ model: modelOf(provider), input: imageInput });
      expect(response.output_text).toBe('echo: describe this image');
      expect(provider.wire.image(upstreamRequest(matrix, provider).json)).toEqual({ mediaType: 'image/png', data: tinyPngBase64 });
      expect(matrix.lastWarnings().map((warning) => warning.field)).toEqual(plainWarnings[provider.key]);
    });
  } else {
    it('image input: refused with a 400 before any upstream call (the provider declares no image input)', async () => {
      const error = await client.responses.create({ model: modelOf(provider), input: imageInput }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(OpenAI.BadRequestError);
      expect((error as InstanceType<typeof OpenAI.BadRequestError>).message).toContain('does not support image input');
      expect(provider.upstream(matrix).received).toHaveLength(0);
    });
  }

  const reasoning = reasoningCells[provider.key];
  it(reasoning.title, () => reasoning.run(provider));

  it('usage: the upstream counts come back in Responses usage, streamed and not, and reach the request log', async () => {
    const params = { model: modelOf(provider), input: 'count these five words please' };
    const response = await client.responses.create(params);
    const expected = provider.wire.usage(upstreamRequest(matrix, provider).json);
    expect(response.usage).toMatchObject({ input_tokens: expected.input, output_tokens: expected.output, total_tokens: expected.input + expected.output });
    expect(matrix.gateway.records.at(-1)!.usage).toMatchObject({ input: expected.input, output: expected.output });

    const final = await client.responses.stream(params).finalResponse();
    const expectedStreamed = provider.wire.usage(upstreamRequest(matrix, provider).json);
    expect(final.usage).toMatchObject({ input_tokens: expectedStreamed.input, output_tokens: expectedStreamed.output, total_tokens: expectedStreamed.input + expectedStreamed.output });
    expect(matrix.gateway.records.at(-1)!.usage).toMatchObject({ input: expectedStreamed.input, output: expectedStreamed.output });
  });
});
