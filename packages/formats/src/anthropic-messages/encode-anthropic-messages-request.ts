import {
  InvalidRequestError,
  UnsupportedError,
  type AssistantContentPart,
  type CacheHint,
  type ChatRequest,
  type FilePart,
  type ImagePart,
  type MediaSource,
  type ReasoningSettings,
  type TextPart,
  type ToolChoice,
  type ToolDefinition,
  type ToolResultPart,
  type UserContentPart,
  type Warning,
} from '@switchyard/core';
import type { EncodedChatRequest } from '../chat-format-codec.js';
import { acceptsOnlyTemperatureOrTopP, defaultMaxTokensForModel } from './anthropic-model-rules.js';
import { isClaudeReasoning } from './claude-reasoning.js';
import { toAnthropicStrictSchema } from './to-anthropic-strict-schema.js';

type Json = Record<string, unknown>;

/** The providerOptions key under which Messages fields with no canonical home travel verbatim. */
export const anthropicMessagesProviderOptionsKey = 'anthropic-messages';

/** Other formats' verbatim extras: an Anthropic upstream cannot use them, so each is named in a warning. */
const foreignFormatOptionKeys = ['openai-chat', 'openai-responses'];

/**
 * Anthropic takes a thinking budget in tokens, not an effort level. The API minimum is 1024
 * (https://docs.claude.com/en/docs/build-with-claude/extended-thinking); the docs advise
 * starting there and growing, and suggest batch processing above 32k, so the levels step
 * from the minimum up to 32k.
 */
export const thinkingBudgetForEffort: Readonly<Record<Exclude<NonNullable<ReasoningSettings['effort']>, 'none'>, number>> = {
  minimal: 1_024,
  low: 2_048,
  medium: 8_192,
  high: 16_384,
  xhigh: 32_000,
};
export const minimumThinkingBudget = 1_024;

interface Turn {
  role: 'user' | 'assistant';
  /** tool_result blocks lead a user turn: the API wants them before any other content. */
  toolResults: Json[];
  blocks: Json[];
}

interface Thinking {
  budget: number;
  fromEffort: boolean;
}

/**
 * The canonical request → a Messages body, for the Anthropic adapter and any adapter whose
 * provider speaks Messages. System and developer messages become `system` text blocks, in
 * order; turns of the same role are merged (tool results go first in a user turn); reasoning
 * from Anthropic goes back as signed thinking blocks. Fields in
 * `providerOptions['anthropic-messages']` (what a Messages client sent with no canonical home)
 * are put back verbatim. What Messages cannot express is dropped with a warning; field names
 * in warnings are canonical.
 */
export function encodeAnthropicMessagesRequest(request: ChatRequest): EncodedChatRequest {
  const warnings: Warning[] = [];
  const system: Json[] = [];
  const turns: Turn[] = [];
  let conversationStarted = false;

  request.messages.forEach((message, index) => {
    const path = `messages[${index}]`;
    switch (message.role) {
      case 'system':
      case 'developer':
        if (conversationStarted) {
          warnings.push({
            type: 'unsupported-value',
            field: path,
            message: `Anthropic takes instructions only at the top of the conversation; this ${message.role} message was moved into \`system\` after the earlier ones.`,
          });
        }
        message.content.forEach((part, partIndex) => {
          if (part.text !== '') system.push(encodeTextPart(part));
          else dropEmptyCache(part.cache, `${path}.content[${partIndex}]`, warnings);
        });
        return;
      case 'user':
        conversationStarted = true;
        if (message.name !== undefined) warnName(`${path}.name`, warnings);
        addTurn(turns, 'user', [], message.content.flatMap((part, partIndex) => encodeUserPart(part, `${path}.content[${partIndex}]`, warnings)));
        return;
      case 'tool':
        conversationStarted = true;
        addTurn(turns, 'user', message.content.map((part, partIndex) => encodeToolResult(part, `${path}.content[${partIndex}]`, warnings)), []);
        return;
      case 'assistant':
        conversationStarted = true;
        if (message.name !== undefined) warnName(`${path}.name`, warnings);
        addTurn(
          turns,
          'assistant',
          [],
          message.content.flatMap((part, partIndex) => encodeAssistantPart(part, `${path}.content[${partIndex}]`, warnings)),
        );
        return;
    }
  });

  const body: Json = { model: request.model };
  const explicitMaxTokens = request.maxOutputTokens !== undefined;
  let maxTokens = request.maxOutputTokens ?? defaultMaxTokensForModel(request.model);
  if (!explicitMaxTokens) {
    warnings.push({
      type: 'default-applied',
      field: 'maxOutputTokens',
      message: `Anthropic requires max_tokens; none was given, so ${maxTokens} (the documented maximum output of ${request.model}) was sent.`,
    });
  }

  let thinking = resolveThinking(request.reasoning, warnings);
  if (thinking && thinking.budget >= maxTokens) thinking = fitThinkingBudget(thinking, maxTokens, explicitMaxTokens, warnings);
  if (thinking) thinking = requireSignedThinkingForToolLoop(thinking, turns, warnings);

  body.max_tokens = maxTokens;
  if (system.length > 0) body.system = system;
  body.messages = turns.map((turn) => ({ role: turn.role, content: [...turn.toolResults, ...turn.blocks] }));

  if (request.tools?.length) body.tools = request.tools.map((tool, index) => encodeTool(tool, `tools[${index}]`, warnings));
  const toolChoice = encodeToolChoice(request, warnings);
  if (toolChoice) body.tool_choice = toolChoice;

  if (thinking) body.thinking = { type: 'enabled', budget_tokens: thinking.budget };
  encodeSampling(request, body, thinking !== undefined, warnings);
  if (request.stop?.length) body.stop_sequences = request.stop;
  if (request.user !== undefined) body.metadata = { user_id: request.user };

  const outputFormat = encodeResponseFormat(request, warnings);
  if (outputFormat) body.output_config = { format: outputFormat };

  warnUnsupported(request, warnings);
  body.stream = request.stream;
  mergeProviderOptions(request, body, warnings);
  return { body, warnings };
}

function addTurn(turns: Turn[], role: Turn['role'], toolResults: Json[], blocks: Json[]): void {
  if (toolResults.length === 0 && blocks.length === 0) return;
  const last = turns[turns.length - 1];
  // The API wants user and assistant turns to alternate; consecutive ones are merged.
  if (last && last.role === role) {
    last.toolResults.push(...toolResults);
    last.blocks.push(...blocks);
  } else {
    turns.push({ role, toolResults, blocks });
  }
}

// ---------------------------------------------------------------------------------------
// Content
// ---------------------------------------------------------------------------------------

function encodeTextPart(part: TextPart): Json {
  return withCacheControl({ type: 'text', text: part.text }, part.cache);
}

function encodeUserPart(part: UserContentPart, path: string, warnings: Warning[]): Json[] {
  switch (part.type) {
    case 'text':
      // The API refuses empty text blocks; an empty part carries nothing.
      if (part.text === '') {
        dropEmptyCache(part.cache, path, warnings);
        return [];
      }
      return [encodeTextPart(part)];
    case 'image':
      return [encodeImagePart(part, path, warnings)];
    case 'file':
      return [encodeFilePart(part, path)];
    case 'audio':
      throw new UnsupportedError('Anthropic models do not accept audio input.', { param: path });
  }
}

function encodeImagePart(part: ImagePart, path: string, warnings: Warning[]): Json {
  if (part.detail === 'low' || part.detail === 'high') {
    warnings.push({
      type: 'unsupported-field',
      field: `${path}.detail`,
      message: 'Anthropic has no image detail setting; the hint was dropped.',
    });
  }
  return withCacheControl({ type: 'image', source: encodeMediaSource(part.source, `${path}.source`, 'image') }, part.cache);
}

function encodeFilePart(part: FilePart, path: string): Json {
  const mediaType = part.mediaType ?? (part.source.type === 'base64' ? part.source.mediaType : undefined);
  if (mediaType?.startsWith('image/')) {
    return withCacheControl({ type: 'image', source: encodeMediaSource(part.source, `${path}.source`, 'image') }, part.cache);
  }
  let source: Json;
  if (part.source.type === 'base64' && mediaType === 'text/plain') {
    // Plain-text documents go inline as text, not base64.
    source = { type: 'text', media_type: 'text/plain', data: Buffer.from(part.source.data, 'base64').toString('utf8') };
  } else {
    if (mediaType !== undefined && mediaType !== 'application/pdf' && part.source.type !== 'file-id') {
      throw new UnsupportedError(`Anthropic accepts PDF and plain-text documents, not ${mediaType}.`, { param: path });
    }
    source = encodeMediaSource(part.source, `${path}.source`, 'document');
  }
  const block: Json = { type: 'document', source };
  if (part.filename !== undefined) block.title = part.filename;
  return withCacheControl(block, part.cache);
}

/** Base64 inline, an http(s) URL the API fetches itself, or a Files API id. */
function encodeMediaSource(source: MediaSource, path: string, kind: 'image' | 'document'): Json {
  switch (source.type) {
    case 'base64':
      return { type: 'base64', media_type: kind === 'document' ? source.mediaType || 'application/pdf' : source.mediaType, data: source.data };
    case 'file-id':
      return { type: 'file', file_id: source.fileId };
    case 'url': {
      const inline = /^data:([^;,]+);base64,/.exec(source.url);
      if (inline) return { type: 'base64', media_type: inline[1], data: source.url.slice(inline[0].length) };
      if (/^https?:\/\//i.test(source.url)) return { type: 'url', url: source.url };
      // Never fetched by the gateway (an SSRF door); Anthropic fetches only http(s) URLs.
      throw new InvalidRequestError(
        `Anthropic accepts ${kind}s as base64 data, an http(s) URL or a file id; this URL cannot be sent: ${source.url.slice(0, 40)}`,
        { param: path },
      );
    }
  }
}

function encodeToolResult(result: ToolResultPart, path: string, warnings: Warning[]): Json {
  const content: Json[] = [];
  result.content.forEach((part, partIndex) => {
    const partPath = `${path}.content[${partIndex}]`;
    if (part.type === 'text') {
      if (part.text !== '') content.push(encodeTextPart(part));
    } else if (part.type === 'image') content.push(encodeImagePart(part, partPath, warnings));
    else content.push(encodeFilePart(part, partPath));
  });
  const block: Json = { type: 'tool_result', tool_use_id: result.toolCallId };
  // A lone text result is sent as a string, the form every client and the API docs use.
  if (content.length === 1 && content[0]!.type === 'text' && content[0]!.cache_control === undefined) block.content = content[0]!.text;
  else if (content.length > 0) block.content = content;
  if (result.isError) block.is_error = true;
  return withCacheControl(block, result.cache);
}

function encodeAssistantPart(part: AssistantContentPart, path: string, warnings: Warning[]): Json[] {
  switch (part.type) {
    case 'text':
      if (part.text === '') {
        dropEmptyCache(part.cache, path, warnings);
        return [];
      }
      return [encodeTextPart(part)];
    case 'refusal':
      warnings.push({
        type: 'unsupported-value',
        field: path,
        message: 'Anthropic has no refusal part in history; the refusal was sent as text.',
      });
      return part.text === '' ? [] : [withCacheControl({ type: 'text', text: part.text }, part.cache)];
    case 'tool-call':
      return [withCacheControl({ type: 'tool_use', id: part.id, name: part.name, input: parseToolInput(part.arguments, `${path}.arguments`) }, part.cache)];
    case 'reasoning':
      return encodeReasoningPart(part, path, warnings);
  }
}

function encodeReasoningPart(part: Extract<AssistantContentPart, { type: 'reasoning' }>, path: string, warnings: Warning[]): Json[] {
  if (part.cache) {
    warnings.push({ type: 'unsupported-field', field: `${path}.cache`, message: 'Anthropic cannot cache thinking blocks; the hint was dropped.' });
  }
  // A signature or redacted data only verifies with the model that made it.
  if (!isClaudeReasoning(part.provider)) {
    warnings.push({
      type: 'unsupported-value',
      field: path,
      message: `Reasoning produced by ${part.provider} cannot be sent to Anthropic; it was dropped.`,
    });
    return [];
  }
  if (part.redactedData !== undefined) return [{ type: 'redacted_thinking', data: part.redactedData }];
  if (part.signature !== undefined && part.signature !== '') return [{ type: 'thinking', thinking: part.text, signature: part.signature }];
  warnings.push({
    type: 'unsupported-value',
    field: path,
    message: 'Anthropic accepts thinking in history only with the signature it issued; this reasoning had none and was dropped.',
  });
  return [];
}

/** Messages carries tool input as an object; canonical carries the model's JSON text. */
function parseToolInput(argumentsText: string, path: string): Json {
  if (argumentsText.trim() === '') return {};
  let input: unknown;
  try {
    input = JSON.parse(argumentsText);
  } catch {
    throw new InvalidRequestError('Tool call arguments must be a JSON object to be sent to Anthropic; they are not valid JSON.', {
      param: path,
    });
  }
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new InvalidRequestError('Tool call arguments must be a JSON object to be sent to Anthropic.', { param: path });
  }
  return input as Json;
}

function withCacheControl(block: Json, cache: CacheHint | undefined): Json {
  if (cache) block.cache_control = cache.ttl === undefined ? { type: 'ephemeral' } : { type: 'ephemeral', ttl: cache.ttl };
  return block;
}

function dropEmptyCache(cache: CacheHint | undefined, path: string, warnings: Warning[]): void {
  if (!cache) return;
  warnings.push({
    type: 'unsupported-value',
    field: `${path}.cache`,
    message: 'Anthropic refuses empty text blocks, so the empty part and its cache breakpoint were dropped.',
  });
}

function warnName(field: string, warnings: Warning[]): void {
  warnings.push({ type: 'unsupported-field', field, message: 'Anthropic messages have no participant name; it was dropped.' });
}

// ---------------------------------------------------------------------------------------
// Thinking
// ---------------------------------------------------------------------------------------

function resolveThinking(reasoning: ReasoningSettings | undefined, warnings: Warning[]): Thinking | undefined {
  if (!reasoning) return undefined;
  if (reasoning.summary !== undefined) {
    warnings.push({
      type: 'unsupported-field',
      field: 'reasoning.summary',
      message: 'Anthropic returns its thinking itself, not summaries on request; the setting was dropped.',
    });
  }
  if (reasoning.budgetTokens !== undefined) {
    // 0 means "do not think"; Anthropic's default is already off.
    return reasoning.budgetTokens === 0 ? undefined : { budget: reasoning.budgetTokens, fromEffort: false };
  }
  if (reasoning.effort === undefined || reasoning.effort === 'none') return undefined;
  const budget = thinkingBudgetForEffort[reasoning.effort];
  warnings.push({
    type: 'default-applied',
    field: 'reasoning.effort',
    message: `Anthropic takes a thinking budget, not an effort level: effort '${reasoning.effort}' was sent as thinking.budget_tokens ${budget}.`,
  });
  return { budget, fromEffort: true };
}

/** budget_tokens must be below max_tokens (thinking is part of the output). */
function fitThinkingBudget(thinking: Thinking, maxTokens: number, explicitMaxTokens: boolean, warnings: Warning[]): Thinking | undefined {
  if (!thinking.fromEffort) {
    throw new InvalidRequestError(
      `The thinking budget (${thinking.budget} tokens) must be less than the maximum output tokens (${maxTokens}${explicitMaxTokens ? '' : ', the default for this model'}).`,
      { param: 'reasoning.budgetTokens' },
    );
  }
  const budget = maxTokens - 1;
  if (budget < minimumThinkingBudget) {
    warnings.push({
      type: 'unsupported-value',
      field: 'reasoning.effort',
      message: `Thinking needs at least ${minimumThinkingBudget} tokens below max_tokens (${maxTokens}); thinking was not enabled.`,
    });
    return undefined;
  }
  warnings.push({
    type: 'default-applied',
    field: 'reasoning.effort',
    message: `The thinking budget was lowered to ${budget} tokens to stay below max_tokens (${maxTokens}).`,
  });
  return { budget, fromEffort: true };
}

/**
 * With thinking on, the API refuses a conversation whose last assistant turn used tools
 * unless that turn starts with its (signed) thinking block. A client that cannot carry
 * signatures (OpenAI Chat Completions has no field for them) never sends it back, so rather
 * than fail, thinking is turned off for this request — as the API docs allow — and said so.
 */
function requireSignedThinkingForToolLoop(thinking: Thinking, turns: Turn[], warnings: Warning[]): Thinking | undefined {
  let lastAssistant: Turn | undefined;
  for (let index = turns.length - 1; index >= 0 && !lastAssistant; index--) {
    if (turns[index]!.role === 'assistant') lastAssistant = turns[index];
  }
  if (!lastAssistant || !lastAssistant.blocks.some((block) => block.type === 'tool_use')) return thinking;
  const first = lastAssistant.blocks[0]!.type;
  if (first === 'thinking' || first === 'redacted_thinking') return thinking;
  warnings.push({
    type: 'unsupported-value',
    field: 'reasoning',
    message:
      'Anthropic requires the last assistant turn with tool calls to start with its signed thinking block when thinking is on; the history did not carry it, so thinking was turned off for this request.',
  });
  return undefined;
}

// ---------------------------------------------------------------------------------------
// Tools
// ---------------------------------------------------------------------------------------

function encodeTool(tool: ToolDefinition, path: string, warnings: Warning[]): Json {
  let inputSchema: Json = tool.parameters;
  if (Object.keys(inputSchema).length === 0) {
    // "no parameters" (OpenAI lets clients omit them); Anthropic wants an object schema.
    inputSchema = { type: 'object', properties: {} };
  } else if (inputSchema.type === undefined) {
    inputSchema = { type: 'object', ...inputSchema };
    warnings.push({
      type: 'default-applied',
      field: `${path}.parameters.type`,
      message: "Anthropic requires a tool's input_schema to be an object schema; type 'object' was added.",
    });
  }
  if (tool.strict === true) inputSchema = strictSchema(inputSchema, `${path}.parameters`, warnings);
  const encoded: Json = { name: tool.name };
  if (tool.description !== undefined) encoded.description = tool.description;
  encoded.input_schema = inputSchema;
  if (tool.strict !== undefined) encoded.strict = tool.strict;
  return withCacheControl(encoded, tool.cache);
}

function encodeToolChoice(request: ChatRequest, warnings: Warning[]): Json | undefined {
  const hasTools = (request.tools?.length ?? 0) > 0;
  let choice: Json | undefined;
  if (request.toolChoice) {
    if (hasTools) choice = toolChoiceFor(request.toolChoice);
    else if (request.toolChoice.type !== 'none' && request.toolChoice.type !== 'auto') {
      // The API refuses tool_choice without tools.
      warnings.push({ type: 'unsupported-value', field: 'toolChoice', message: 'No tools were given, so the tool choice was dropped.' });
    }
  }
  if (request.parallelToolCalls === false && hasTools && choice?.type !== 'none') {
    choice = { ...(choice ?? { type: 'auto' }), disable_parallel_tool_use: true };
  }
  return choice;
}

function toolChoiceFor(choice: ToolChoice): Json {
  switch (choice.type) {
    case 'auto':
      return { type: 'auto' };
    case 'none':
      return { type: 'none' };
    case 'required':
      return { type: 'any' };
    case 'tool':
      return { type: 'tool', name: choice.name };
  }
}

// ---------------------------------------------------------------------------------------
// Sampling, output format, the rest
// ---------------------------------------------------------------------------------------

function encodeSampling(request: ChatRequest, body: Json, thinking: boolean, warnings: Warning[]): void {
  let { temperature, topP, topK } = request;
  // https://docs.claude.com/en/docs/build-with-claude/extended-thinking#feature-compatibility:
  // with thinking, temperature and top_k cannot be changed and top_p must be within 0.95–1.
  if (thinking) {
    if (temperature !== undefined && temperature !== 1) {
      warnings.push({ type: 'unsupported-value', field: 'temperature', message: 'Anthropic fixes the temperature while thinking; it was dropped.' });
      temperature = undefined;
    }
    if (topK !== undefined) {
      warnings.push({ type: 'unsupported-value', field: 'topK', message: 'Anthropic does not allow top_k while thinking; it was dropped.' });
      topK = undefined;
    }
    if (topP !== undefined && topP < 0.95) {
      warnings.push({ type: 'unsupported-value', field: 'topP', message: 'Anthropic allows top_p only from 0.95 to 1 while thinking; it was dropped.' });
      topP = undefined;
    }
  }
  if (temperature !== undefined && topP !== undefined && acceptsOnlyTemperatureOrTopP(request.model)) {
    warnings.push({
      type: 'unsupported-value',
      field: 'topP',
      message: `${request.model} accepts temperature or top_p, not both; top_p was dropped.`,
    });
    topP = undefined;
  }
  if (temperature !== undefined) body.temperature = temperature;
  if (topP !== undefined) body.top_p = topP;
  if (topK !== undefined) body.top_k = topK;
}

/** Structured outputs: `output_config.format` (GA, no beta header; `output_format` was the beta name). */
function encodeResponseFormat(request: ChatRequest, warnings: Warning[]): Json | undefined {
  const format = request.responseFormat;
  if (!format || format.type === 'text') return undefined;
  if (format.type === 'json_object') {
    warnings.push({
      type: 'unsupported-value',
      field: 'responseFormat',
      message: 'Anthropic has no JSON mode without a schema; the json_object response format was dropped (give a json_schema, or ask for JSON in the prompt).',
    });
    return undefined;
  }
  if (format.description !== undefined) {
    warnings.push({
      type: 'unsupported-field',
      field: 'responseFormat.description',
      message: 'Anthropic output formats carry no description; it was dropped.',
    });
  }
  return { type: 'json_schema', schema: strictSchema(format.schema, 'responseFormat.schema', warnings) };
}

function strictSchema(schema: Json, field: string, warnings: Warning[]): Json {
  const fitted = toAnthropicStrictSchema(schema);
  if (fitted.moved.length > 0) {
    warnings.push({
      type: 'unsupported-value',
      field,
      message: `Anthropic's structured outputs do not enforce ${fitted.moved.join(', ')}; they were moved into the schema descriptions.`,
    });
  }
  if (fitted.closedObjects > 0) {
    warnings.push({
      type: 'default-applied',
      field,
      message: `Anthropic's structured outputs require additionalProperties: false; it was set on ${fitted.closedObjects} object schema(s).`,
    });
  }
  return fitted.schema;
}

function warnUnsupported(request: ChatRequest, warnings: Warning[]): void {
  const unsupported: Array<[field: string, present: boolean, what: string]> = [
    ['seed', request.seed !== undefined, 'seed'],
    ['presencePenalty', request.presencePenalty !== undefined, 'presence penalty'],
    ['frequencyPenalty', request.frequencyPenalty !== undefined, 'frequency penalty'],
    ['logprobs', request.logprobs !== undefined && request.logprobs !== false, 'log probabilities'],
    ['topLogprobs', request.topLogprobs !== undefined, 'top log probabilities'],
    ['metadata', request.metadata !== undefined && Object.keys(request.metadata).length > 0, 'request metadata (only an end-user id)'],
  ];
  for (const [field, present, what] of unsupported) {
    if (present) warnings.push({ type: 'unsupported-field', field, message: `Anthropic has no ${what}; it was dropped.` });
  }
  if (request.n !== undefined && request.n > 1) {
    warnings.push({ type: 'unsupported-value', field: 'n', message: 'Anthropic returns one answer per request; n was ignored.' });
  }
}

function mergeProviderOptions(request: ChatRequest, body: Json, warnings: Warning[]): void {
  const options = request.providerOptions;
  if (!options) return;
  // Verbatim extras never override a field the canonical request set.
  for (const [key, value] of Object.entries(options[anthropicMessagesProviderOptionsKey] ?? {})) {
    if (!(key in body)) body[key] = value;
    // Server tools (web search, bash …) ride beside the function tools.
    else if (key === 'tools' && Array.isArray(value) && Array.isArray(body.tools)) body.tools = [...body.tools, ...value];
    // output_config holds both the format (canonical) and e.g. effort 'max' (verbatim).
    else if (key === 'output_config' && isObject(value) && isObject(body.output_config)) body.output_config = { ...value, ...body.output_config };
  }
  for (const format of foreignFormatOptionKeys) {
    for (const key of Object.keys(options[format] ?? {})) {
      warnings.push({ type: 'unsupported-field', field: key, message: `Anthropic has no equivalent of the ${format} field ${key}; it was dropped.` });
    }
  }
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
