import type { Warning } from '@switchyard/core';
import {
  type AnthropicMock,
  type BedrockMock,
  type GoogleMock,
  type MockServer,
  type OpenAICompatibleMock,
  type OpenAIMock,
  type ReceivedRequest,
  planAnthropicReply,
  planBedrockReply,
  planOpenAIReply,
  startAnthropicMock,
  startBedrockMock,
  startGoogleMock,
  startOpenAICompatibleMock,
  startOpenAIMock,
} from '@switchyard/testkit';
import { expect } from 'vitest';
import { planResponsesReply, type ResponsesUpstream, startResponsesUpstream } from './format-matrix-responses-upstream.js';
import { startTestGateway, type TestGateway } from './start-test-gateway.js';

/**
 * Shared setup of the format matrix (format-matrix.<format>.e2e.test.ts): each client format ×
 * each provider family × each scenario, with the format's official SDK as the client and the
 * testkit mocks as upstreams. A file starts every mock and one gateway once (`startFormatMatrix`);
 * `matrixProviders` is the provider axis, each with a reader of its native wire shape so a test
 * can say what the upstream received without knowing how that provider spells it.
 */

export type ProviderKey = 'openai' | 'anthropic' | 'gemini' | 'bedrock' | 'deepseek';
export type ClientFormat = 'openai-chat' | 'openai-responses' | 'anthropic-messages';

/** A 1×1 PNG, as a client would inline it. */
export const tinyPngBase64 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';
export const tinyPngDataUrl = `data:image/png;base64,${tinyPngBase64}`;

/** The two tools every tool scenario offers, and the calls every mock makes for "call tools". */
export const matrixTools = [
  { name: 'get_weather', description: 'The weather in a city', parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] } },
  { name: 'get_time', description: 'The current time', parameters: { type: 'object', properties: {} } },
] as const;
export const expectedCalls = [
  { name: 'get_weather', arguments: { city: 'city' } },
  { name: 'get_time', arguments: {} },
];

export interface WireToolResult {
  callId: string;
  text: string;
}

/** How one provider spells a request on the wire: each reader also asserts the native shape. */
export interface WireReader {
  /** The request went to the streaming endpoint / asked for a stream. */
  streamed(request: ReceivedRequest): boolean;
  /** The system prompt as the provider holds it (messages[0], `system`, `systemInstruction`, `instructions`). */
  systemText(body: any): string | undefined;
  toolNames(body: any): string[];
  /** The tool results of the last user turn, in the provider's own result blocks. */
  toolResults(body: any): WireToolResult[];
  /** The tool calls of the last assistant turn replayed in the history. */
  historyCalls(body: any): Array<{ id: string; name: string }>;
  /** The inline image of the last user turn. */
  image(body: any): { mediaType: string; data: string } | undefined;
  /** What the mock will count for this body (its own deterministic rules), canonical: input includes cached. */
  usage(body: any): { input: number; output: number };
  /** The mock's echo of a tool-result turn. */
  echoOfToolResults(results: Array<{ name: string; text: string }>): string;
}

export interface MatrixProvider {
  key: ProviderKey;
  /** For test titles. */
  name: string;
  /** The gateway entry (`@slug/model`). */
  slug: string;
  model: string;
  /** The entry and model the reasoning scenario uses (a thinking model, a stricter mock for Gemini 3). */
  reasoningSlug: string;
  reasoningModel: string;
  /** Client formats this provider speaks natively: the gateway forwards their bytes. */
  passthrough: readonly ClientFormat[];
  /** Tool-call ids the provider gives, index by index (the gateway keeps them, never invents). */
  callIdPattern(index: number): RegExp;
  /** The upstream's answer id (message id, responseId, x-amzn-requestid …), kept by the gateway. */
  responseIdPattern: RegExp;
  /** Whether the provider takes image input (DeepSeek's preset declares none). */
  images: boolean;
  /** How the provider spells tool results and images, for test titles. */
  shapes: { toolResults: string; image: string };
  upstream(matrix: FormatMatrix): MockServer;
  wire: WireReader;
}

export interface FormatMatrix {
  gateway: TestGateway;
  openai: OpenAIMock;
  responses: ResponsesUpstream;
  anthropic: AnthropicMock;
  gemini: GoogleMock;
  /** Gemini 3 behaviour: a tool-loop turn without the thought signature it issued is refused. */
  gemini3: GoogleMock;
  bedrock: BedrockMock;
  deepseek: OpenAICompatibleMock;
  /** Every SDK in the file fetches through this, so each response's headers can be read. */
  fetch: typeof fetch;
  /** Warnings of the last gateway answer (x-switchyard-warnings). */
  lastWarnings(): Warning[];
  /** Headers of the last gateway answer. */
  lastHeaders(): Headers;
  reset(): void;
  close(): Promise<void>;
}

const keys = {
  openai: 'sk-openai-upstream',
  anthropic: 'sk-ant-upstream',
  gemini: 'gemini-upstream-key',
  deepseek: 'sk-deepseek-upstream',
  aws: { accessKeyId: 'AKIDMATRIXEXAMPLE', secretAccessKey: 'matrix/secret/key', region: 'us-east-1' },
};

/**
 * Starts every upstream and one gateway with an entry per provider. `openaiSpeaks` picks what
 * the OpenAI entry points at: the Chat Completions mock, or (for the Responses client, which is
 * forwarded to OpenAI's /v1/responses byte for byte) the Responses upstream.
 */
export async function startFormatMatrix(openaiSpeaks: 'chat' | 'responses' = 'chat'): Promise<FormatMatrix> {
  const [openai, responses, anthropic, gemini, gemini3, bedrock, deepseek] = await Promise.all([
    startOpenAIMock({ apiKey: keys.openai }),
    startResponsesUpstream({ apiKey: keys.openai }),
    startAnthropicMock({ apiKey: keys.anthropic }),
    startGoogleMock({ apiKey: keys.gemini }),
    startGoogleMock({ apiKey: keys.gemini, requireThoughtSignatures: true }),
    startBedrockMock(keys.aws),
    // DeepSeek's wire quirks: reasoning_content, usage on the finish chunk, max_tokens only.
    startOpenAICompatibleMock({ apiKey: keys.deepseek, reasoningField: 'reasoning_content', usageInStream: 'finish-chunk', refuseFields: ['max_completion_tokens'] }),
  ]);
  const openaiUpstream: MockServer = openaiSpeaks === 'chat' ? openai : responses;
  const gateway = await startTestGateway({
    providers: {
      'mx-openai': { adapter: 'openai', apiKey: keys.openai, baseURL: `${openaiUpstream.url}/v1` },
      'mx-anthropic': { adapter: 'anthropic', apiKey: keys.anthropic, baseURL: anthropic.baseURL },
      'mx-gemini': { adapter: 'google', apiKey: keys.gemini, baseURL: gemini.baseURL },
      'mx-gemini-3': { adapter: 'google', apiKey: keys.gemini, baseURL: gemini3.baseURL },
      'mx-bedrock': { adapter: 'bedrock', baseURL: bedrock.baseURL, options: { ...keys.aws } },
      // The DeepSeek preset is a bundled adapter; its base is the bare host (the preset appends /v1/chat/completions).
      'mx-deepseek': { adapter: 'deepseek', apiKey: keys.deepseek, baseURL: deepseek.url },
    },
  });

  const responsesSeen: Response[] = [];
  const recordingFetch: typeof fetch = async (input, init) => {
    const response = await fetch(input, init);
    responsesSeen.push(response);
    return response;
  };
  const lastHeaders = () => {
    const last = responsesSeen.at(-1);
    if (!last) throw new Error('no gateway response was seen yet');
    return last.headers;
  };

  const mocks: MockServer[] = [openai, responses, anthropic, gemini, gemini3, bedrock, deepseek];
  return {
    gateway,
    openai,
    responses,
    anthropic,
    gemini,
    gemini3,
    bedrock,
    deepseek,
    fetch: recordingFetch,
    lastHeaders,
    lastWarnings: () => warningsOf(lastHeaders()),
    reset() {
      for (const mock of mocks) mock.reset();
      gateway.records.length = 0;
      responsesSeen.length = 0;
    },
    async close() {
      await gateway?.close();
      await Promise.all(mocks.map((mock) => mock.close()));
    },
  };
}

/**
 * The provider axis. Static, so `describe.each` can name every cell before the mocks start;
 * `upstream(matrix)` finds the provider's mock once they run.
 */
export function matrixProviders(openaiSpeaks: 'chat' | 'responses'): MatrixProvider[] {
  return [
    {
      key: 'openai',
      name: 'OpenAI',
      slug: 'mx-openai',
      model: 'gpt-4o-mini',
      reasoningSlug: 'mx-openai',
      reasoningModel: 'o4-mini',
      passthrough: ['openai-chat', 'openai-responses'],
      callIdPattern: (index) => new RegExp(`^call_${index}$`),
      responseIdPattern: openaiSpeaks === 'chat' ? /^chatcmpl-mock\d+$/ : /^resp_mock\d+$/,
      images: true,
      shapes: openaiSpeaks === 'chat' ? { toolResults: 'role "tool" messages', image: 'an image_url data URL' } : { toolResults: 'function_call_output items', image: 'an input_image data URL' },
      upstream: (matrix) => (openaiSpeaks === 'chat' ? matrix.openai : matrix.responses),
      wire: openaiSpeaks === 'chat' ? chatWire : responsesWire,
    },
    {
      key: 'anthropic',
      name: 'Anthropic',
      slug: 'mx-anthropic',
      model: 'claude-sonnet-4-5',
      reasoningSlug: 'mx-anthropic',
      reasoningModel: 'claude-sonnet-4-5',
      passthrough: ['anthropic-messages'],
      callIdPattern: (index) => new RegExp(`^toolu_mock_${index}$`),
      responseIdPattern: /^msg_mock\d+$/,
      images: true,
      shapes: { toolResults: 'tool_result blocks', image: 'a base64 image block' },
      upstream: (matrix) => matrix.anthropic,
      wire: anthropicWire,
    },
    {
      key: 'gemini',
      name: 'Gemini',
      slug: 'mx-gemini',
      model: 'gemini-2.5-flash',
      reasoningSlug: 'mx-gemini-3',
      reasoningModel: 'gemini-3-flash-preview',
      passthrough: [],
      // `call_<responseId>_<n>`, with `__thought__<signature>` appended when the call was signed.
      callIdPattern: (index) => new RegExp(`^call_mockResponse\\d{6}_${index}(__thought__[A-Za-z0-9_-]+)?$`),
      responseIdPattern: /^mockResponse\d{6}$/,
      images: true,
      shapes: { toolResults: 'functionResponse parts', image: 'an inlineData part' },
      upstream: (matrix) => matrix.gemini,
      wire: geminiWire,
    },
    {
      key: 'bedrock',
      name: 'Bedrock',
      slug: 'mx-bedrock',
      model: 'us.anthropic.claude-sonnet-4-5-20250929-v1:0',
      reasoningSlug: 'mx-bedrock',
      reasoningModel: 'us.anthropic.claude-sonnet-4-5-20250929-v1:0',
      passthrough: [],
      callIdPattern: (index) => new RegExp(`^tooluse_mock${index}$`),
      // Converse bodies have no id: the x-amzn-RequestId header is the answer's id.
      responseIdPattern: /^00000000-0000-4000-8000-\d{12}$/,
      images: true,
      shapes: { toolResults: 'toolResult blocks', image: 'an image block with bytes' },
      upstream: (matrix) => matrix.bedrock,
      wire: bedrockWire,
    },
    {
      key: 'deepseek',
      name: 'DeepSeek (OpenAI-compatible preset)',
      slug: 'mx-deepseek',
      model: 'deepseek-chat',
      reasoningSlug: 'mx-deepseek',
      reasoningModel: 'deepseek-reasoner',
      // The preset rewrites max_completion_tokens and developer turns, so even Chat clients are translated.
      passthrough: [],
      callIdPattern: (index) => new RegExp(`^call_${index}$`),
      responseIdPattern: /^cmpl-mock\d+$/,
      images: false,
      shapes: { toolResults: 'role "tool" messages', image: '(none: no image input)' },
      upstream: (matrix) => matrix.deepseek,
      wire: chatWire,
    },
  ];
}

export function warningsOf(headers: Headers): Warning[] {
  const header = headers.get('x-switchyard-warnings');
  return header ? (JSON.parse(header) as Warning[]) : [];
}

/** The one request the upstream received since the last reset (or the `index`th). */
export function upstreamRequest(matrix: FormatMatrix, provider: MatrixProvider, index = -1): ReceivedRequest {
  const request = provider.upstream(matrix).received.at(index);
  if (!request) throw new Error(`${provider.name} received no request #${index}`);
  return request;
}

// ---------------------------------------------------------------------------------------
// Wire readers
// ---------------------------------------------------------------------------------------

function textOf(content: unknown): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content
    .filter((part: any) => typeof part?.text === 'string' && (part.type === undefined || part.type === 'text' || part.type === 'input_text' || part.type === 'output_text'))
    .map((part: any) => part.text)
    .join(' ');
}

function last<T>(items: T[], predicate: (item: T) => boolean): T | undefined {
  for (let index = items.length - 1; index >= 0; index--) if (predicate(items[index]!)) return items[index];
  return undefined;
}

function parseDataUrl(url: string): { mediaType: string; data: string } {
  const match = /^data:([^;,]+);base64,(.*)$/s.exec(url);
  expect(match, `a base64 data URL, got ${url.slice(0, 40)}`).not.toBeNull();
  return { mediaType: match![1]!, data: match![2]! };
}

const echoJoined = (results: Array<{ text: string }>) => `echo: ${results.map((result) => result.text).join(' ')}`;

/** OpenAI Chat Completions (OpenAI itself and the OpenAI-compatible presets). */
const chatWire: WireReader = {
  streamed: (request) => request.json.stream === true,
  systemText: (body) => body.messages.filter((message: any) => message.role === 'system').map((message: any) => textOf(message.content)).join('\n') || undefined,
  toolNames: (body) =>
    body.tools.map((tool: any) => {
      expect(tool).toMatchObject({ type: 'function', function: { name: expect.any(String), parameters: expect.any(Object) } });
      return tool.function.name;
    }),
  toolResults(body) {
    const results: WireToolResult[] = [];
    for (let index = body.messages.length - 1; index >= 0 && body.messages[index].role === 'tool'; index--) {
      const message = body.messages[index];
      expect(message).toEqual({ role: 'tool', tool_call_id: expect.any(String), content: expect.any(String) });
      results.unshift({ callId: message.tool_call_id, text: message.content });
    }
    return results;
  },
  historyCalls: (body) =>
    (last(body.messages, (message: any) => message.role === 'assistant') as any)?.tool_calls.map((call: any) => {
      expect(call).toMatchObject({ type: 'function', function: { name: expect.any(String), arguments: expect.any(String) } });
      return { id: call.id, name: call.function.name };
    }) ?? [],
  image(body) {
    const user: any = last(body.messages, (message: any) => message.role === 'user');
    const part = Array.isArray(user?.content) ? user.content.find((item: any) => item.type === 'image_url') : undefined;
    return part ? parseDataUrl(part.image_url.url) : undefined;
  },
  usage(body) {
    const plan = planOpenAIReply(body);
    return { input: plan.promptTokens, output: plan.completionTokens };
  },
  echoOfToolResults: echoJoined,
};

/** OpenAI Responses (the Responses upstream the Responses client is forwarded to). */
const responsesWire: WireReader = {
  streamed: (request) => request.json.stream === true,
  systemText: (body) => body.instructions ?? undefined,
  toolNames: (body) =>
    body.tools.map((tool: any) => {
      expect(tool).toMatchObject({ type: 'function', name: expect.any(String) });
      return tool.name;
    }),
  toolResults(body) {
    const results: WireToolResult[] = [];
    for (let index = body.input.length - 1; index >= 0 && body.input[index].type === 'function_call_output'; index--) {
      const item = body.input[index];
      results.unshift({ callId: item.call_id, text: item.output });
    }
    return results;
  },
  historyCalls: (body) => body.input.filter((item: any) => item.type === 'function_call').map((item: any) => ({ id: item.call_id, name: item.name })),
  image(body) {
    const user: any = last(body.input, (item: any) => item.role === 'user');
    const part = Array.isArray(user?.content) ? user.content.find((item: any) => item.type === 'input_image') : undefined;
    return part ? parseDataUrl(part.image_url) : undefined;
  },
  usage(body) {
    const plan = planResponsesReply(body);
    return { input: plan.inputTokens, output: plan.outputTokens };
  },
  echoOfToolResults: echoJoined,
};

/** Anthropic Messages. */
const anthropicWire: WireReader = {
  streamed: (request) => request.json.stream === true,
  systemText: (body) => (body.system === undefined ? undefined : textOf(body.system)),
  toolNames: (body) =>
    body.tools.map((tool: any) => {
      expect(tool).toMatchObject({ name: expect.any(String), input_schema: { type: 'object' } });
      return tool.name;
    }),
  toolResults(body) {
    const user: any = last(body.messages, (message: any) => message.role === 'user');
    return (user.content as any[])
      .filter((block) => block.type === 'tool_result')
      .map((block) => {
        expect(block).toMatchObject({ type: 'tool_result', tool_use_id: expect.any(String) });
        return { callId: block.tool_use_id, text: textOf(block.content) };
      });
  },
  historyCalls(body) {
    const assistant: any = last(body.messages, (message: any) => message.role === 'assistant');
    return (assistant?.content ?? []).filter((block: any) => block.type === 'tool_use').map((block: any) => {
      expect(block).toMatchObject({ id: expect.any(String), name: expect.any(String), input: expect.any(Object) });
      return { id: block.id, name: block.name };
    });
  },
  image(body) {
    const user: any = last(body.messages, (message: any) => message.role === 'user');
    const block = Array.isArray(user?.content) ? user.content.find((item: any) => item.type === 'image') : undefined;
    if (!block) return undefined;
    expect(block.source).toMatchObject({ type: 'base64' });
    return { mediaType: block.source.media_type, data: block.source.data };
  },
  usage(body) {
    const { usage } = planAnthropicReply(body);
    return { input: usage.input_tokens + usage.cache_read_input_tokens + usage.cache_creation_input_tokens, output: usage.output_tokens };
  },
  echoOfToolResults: echoJoined,
};

/** Gemini generateContent. */
const geminiWire: WireReader = {
  streamed: (request) => request.path.includes(':streamGenerateContent') && request.path.includes('alt=sse'),
  systemText: (body) => body.systemInstruction?.parts.map((part: any) => part.text).join('\n'),
  toolNames: (body) =>
    body.tools.flatMap((tool: any) => tool.functionDeclarations ?? []).map((declaration: any) => {
      expect(declaration).toMatchObject({ name: expect.any(String) });
      return declaration.name;
    }),
  toolResults(body) {
    const user: any = last(body.contents, (content: any) => content.role === 'user');
    return (user.parts as any[])
      .filter((part) => part.functionResponse)
      .map((part) => {
        // Gemini matches results by function name; the text goes as `{output}` (its documented key).
        expect(part.functionResponse).toMatchObject({ name: expect.any(String), response: { output: expect.any(String) } });
        return { callId: part.functionResponse.id, text: part.functionResponse.response.output };
      });
  },
  historyCalls(body) {
    const model: any = last(body.contents, (content: any) => content.role === 'model');
    return (model?.parts ?? []).filter((part: any) => part.functionCall).map((part: any) => ({ id: part.functionCall.id, name: part.functionCall.name }));
  },
  image(body) {
    const user: any = last(body.contents, (content: any) => content.role === 'user');
    const part = user?.parts.find((item: any) => item.inlineData);
    return part ? { mediaType: part.inlineData.mimeType, data: part.inlineData.data } : undefined;
  },
  // The mock's rule (planGoogleReply, which the testkit does not export): prompt = words of the
  // system instruction and every text part; output = words of the echo (text answers only here).
  usage(body) {
    const words = (text: string) => text.match(/\S+/g)?.length ?? 0;
    const texts = (parts: any[] = []) => parts.filter((part) => typeof part.text === 'string' && part.thought !== true).map((part) => part.text).join(' ');
    const input = words(texts(body.systemInstruction?.parts)) + body.contents.reduce((sum: number, content: any) => sum + words(texts(content.parts)), 0);
    const user: any = last(body.contents, (content: any) => content.role === 'user');
    return { input, output: words(`echo: ${texts(user.parts)}`) };
  },
  // The mock echoes each functionResponse as `<name> <response JSON>`.
  echoOfToolResults: (results) => `echo: ${results.map((result) => `${result.name} ${JSON.stringify({ output: result.text })}`).join(' ')}`,
};

/** Bedrock Converse. */
const bedrockWire: WireReader = {
  streamed: (request) => request.path.endsWith('/converse-stream'),
  systemText: (body) => body.system?.map((block: any) => block.text).join('\n'),
  toolNames: (body) =>
    body.toolConfig.tools.map((tool: any) => {
      expect(tool).toMatchObject({ toolSpec: { name: expect.any(String), inputSchema: { json: expect.any(Object) } } });
      return tool.toolSpec.name;
    }),
  toolResults(body) {
    const user: any = last(body.messages, (message: any) => message.role === 'user');
    return (user.content as any[])
      .filter((block) => block.toolResult)
      .map((block) => {
        expect(block.toolResult).toMatchObject({ toolUseId: expect.any(String), content: [{ text: expect.any(String) }] });
        return { callId: block.toolResult.toolUseId, text: block.toolResult.content.map((item: any) => item.text).join(' ') };
      });
  },
  historyCalls(body) {
    const assistant: any = last(body.messages, (message: any) => message.role === 'assistant');
    return (assistant?.content ?? []).filter((block: any) => block.toolUse).map((block: any) => ({ id: block.toolUse.toolUseId, name: block.toolUse.name }));
  },
  image(body) {
    const user: any = last(body.messages, (message: any) => message.role === 'user');
    const block = user?.content.find((item: any) => item.image);
    return block ? { mediaType: `image/${block.image.format}`, data: block.image.source.bytes } : undefined;
  },
  usage(body) {
    const { usage } = planBedrockReply(body);
    return { input: usage.inputTokens + (usage.cacheReadInputTokens ?? 0) + (usage.cacheWriteInputTokens ?? 0), output: usage.outputTokens };
  },
  // The mock echoes only the last tool result of a tool-result turn.
  echoOfToolResults: (results) => `echo: ${results.at(-1)!.text}`,
};
