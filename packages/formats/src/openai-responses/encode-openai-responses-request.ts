import type {
  AssistantMessage,
  CacheHint,
  ChatMessage,
  ChatRequest,
  FilePart,
  ImagePart,
  ReasoningPart,
  ResponseFormat,
  TextPart,
  ToolChoice,
  ToolDefinition,
  ToolResultPart,
  UserContentPart,
  Warning,
} from '@switchyard/core';
import type { EncodedChatRequest } from '../chat-format-codec.js';
import { formatBase64DataUrl } from '../openai-chat/data-url.js';
import { openAIChatProviderOptionsKey } from '../openai-chat/decode-openai-chat-request.js';
import { openAIResponsesProviderOptionsKey } from './decode-openai-responses-request.js';
import { openAIReasoningProvider } from './map-openai-responses-reasoning.js';

import { withCacheBreakpoint } from '../openai-chat/openai-cache-breakpoint.js';

type Json = Record<string, unknown>;

export const encryptedReasoningInclude = 'reasoning.encrypted_content';
const logprobsInclude = 'message.output_text.logprobs';

/** Chat Completions extras that mean the same in a Responses body, under the same name. */
const chatExtrasWithSameMeaning = new Set([
  'service_tier',
  'store',
  'prompt_cache_key',
  'prompt_cache_retention',
  'prompt_cache_options',
  'safety_identifier',
]);

/**
 * The canonical request → a Responses body, for the OpenAI adapter when it speaks Responses
 * upstream. Fields in `providerOptions['openai-responses']` (what a Responses client sent with
 * no canonical home) are put back verbatim; what Responses cannot express is dropped with a
 * warning (field names in warnings are canonical).
 *
 * Statelessness: the gateway sends `store: false` unless the client asked otherwise
 * (providerOptions), because it answers from what the request carries and must not leave
 * conversations stored under the operator's key as a side effect. Reasoning then survives a
 * turn only as encrypted_content, so `include: ['reasoning.encrypted_content']` is added
 * whenever reasoning is asked for or the history already carries OpenAI reasoning, and
 * earlier reasoning goes back as reasoning items with that content and no item id (an id
 * makes OpenAI look the item up in its store, which fails with store: false).
 */
export function encodeOpenAIResponsesRequest(request: ChatRequest): EncodedChatRequest {
  const warnings: Warning[] = [];
  const body: Json = { model: request.model };
  const input: Json[] = [];
  request.messages.forEach((message, index) => {
    // A single plain leading system message is what `instructions` decodes to: it goes back there.
    if (index === 0 && isPlainInstruction(message)) body.instructions = (message.content[0] as TextPart).text;
    else input.push(...encodeMessage(message, index, warnings));
  });
  body.input = input;

  if (request.tools?.length) body.tools = request.tools.map((tool, index) => encodeOpenAIResponsesTool(tool, `tools[${index}]`, warnings));
  if (request.toolChoice) body.tool_choice = encodeOpenAIResponsesToolChoice(request.toolChoice);
  setIfDefined(body, 'parallel_tool_calls', request.parallelToolCalls);
  setIfDefined(body, 'temperature', request.temperature);
  setIfDefined(body, 'top_p', request.topP);
  setIfDefined(body, 'max_output_tokens', request.maxOutputTokens);
  setIfDefined(body, 'top_logprobs', request.topLogprobs);
  if (request.responseFormat) body.text = { format: encodeOpenAIResponsesTextFormat(request.responseFormat) };
  if (request.reasoning) {
    const reasoning: Json = {};
    setIfDefined(reasoning, 'effort', request.reasoning.effort);
    setIfDefined(reasoning, 'summary', request.reasoning.summary);
    if (Object.keys(reasoning).length > 0) body.reasoning = reasoning;
    if (request.reasoning.budgetTokens !== undefined) {
      warnings.push({
        type: 'unsupported-field',
        field: 'reasoning.budgetTokens',
        message: 'OpenAI takes a reasoning effort, not a token budget; the budget was dropped.',
      });
    }
  }
  setIfDefined(body, 'metadata', request.metadata);
  setIfDefined(body, 'user', request.user);
  warnUnsupported(request, warnings);

  const extras = request.providerOptions?.[openAIResponsesProviderOptionsKey] ?? {};
  mergeExtras(body, extras);
  mergeChatExtras(body, request.providerOptions?.[openAIChatProviderOptionsKey] ?? {}, warnings);
  for (const key of Object.keys(request.providerOptions?.['anthropic-messages'] ?? {})) {
    warnings.push({ type: 'unsupported-field', field: key, message: `OpenAI has no equivalent of the anthropic-messages field ${key}; it was dropped.` });
  }

  body.store ??= false;
  const include = new Set(Array.isArray(body.include) ? (body.include as unknown[]).filter((value) => typeof value === 'string') : []);
  if (request.logprobs) include.add(logprobsInclude);
  if (reasoningRequested(body, request)) include.add(encryptedReasoningInclude);
  if (include.size > 0) body.include = [...include];
  body.stream = request.stream;
  // OpenAI refuses stream_options on a request that does not stream.
  if (!request.stream) delete body.stream_options;
  return { body, warnings };
}

/** A Responses function tool. `strict` is always stated: Responses defaults it to true, Chat Completions and Messages to false. */
export function encodeOpenAIResponsesTool(tool: ToolDefinition, path: string, warnings: Warning[]): Json {
  if (tool.cache) {
    warnings.push({
      type: 'unsupported-field',
      field: `${path}.cache`,
      message: 'OpenAI has no cache breakpoint on tool definitions; the hint was dropped.',
    });
  }
  return {
    type: 'function',
    name: tool.name,
    ...(tool.description !== undefined && { description: tool.description }),
    parameters: tool.parameters,
    strict: tool.strict ?? false,
  };
}

export function encodeOpenAIResponsesToolChoice(choice: ToolChoice): unknown {
  return choice.type === 'tool' ? { type: 'function', name: choice.name } : choice.type;
}

export function encodeOpenAIResponsesTextFormat(format: ResponseFormat): Json {
  if (format.type !== 'json_schema') return { type: format.type };
  return {
    type: 'json_schema',
    name: format.name,
    ...(format.description !== undefined && { description: format.description }),
    schema: format.schema,
    ...(format.strict !== undefined && { strict: format.strict }),
  };
}

// ---------------------------------------------------------------------------------------
// Messages
// ---------------------------------------------------------------------------------------

function isPlainInstruction(message: ChatMessage): boolean {
  return message.role === 'system' && message.content.length === 1 && message.content[0]!.cache === undefined;
}

function encodeMessage(message: ChatMessage, index: number, warnings: Warning[]): Json[] {
  const path = `messages[${index}]`;
  switch (message.role) {
    case 'system':
    case 'developer': {
      const parts = message.content.map((part, partIndex) => encodeTextPart(part, `${path}.content[${partIndex}]`, warnings));
      return [{ role: message.role, content: onlyPlainText(parts) ? parts[0]!.text : parts }];
    }
    case 'user': {
      if (message.name !== undefined) {
        warnings.push({ type: 'unsupported-field', field: `${path}.name`, message: 'Responses messages have no participant name; it was dropped.' });
      }
      const parts = message.content.flatMap((part, partIndex) => encodeUserPart(part, `${path}.content[${partIndex}]`, warnings));
      return [{ role: 'user', content: onlyPlainText(parts) ? parts[0]!.text : parts }];
    }
    case 'assistant':
      return encodeAssistantMessage(message, path, warnings);
    case 'tool':
      return message.content.map((result, partIndex) => encodeToolResult(result, `${path}.content[${partIndex}]`, warnings));
  }
}

/** One assistant turn → its items in order: reasoning items, a message for each run of text, function calls. */
function encodeAssistantMessage(message: AssistantMessage, path: string, warnings: Warning[]): Json[] {
  if (message.name !== undefined) {
    warnings.push({ type: 'unsupported-field', field: `${path}.name`, message: 'Responses messages have no participant name; it was dropped.' });
  }
  const items: Json[] = [];
  let texts: Json[] = [];
  const flushTexts = () => {
    if (texts.length === 0) return;
    const plain = texts.length === 1 && texts[0]!.type === 'output_text';
    items.push({ role: 'assistant', content: plain ? texts[0]!.text : texts });
    texts = [];
  };
  message.content.forEach((part, partIndex) => {
    const partPath = `${path}.content[${partIndex}]`;
    if (part.cache) {
      warnings.push({
        type: 'unsupported-field',
        field: `${partPath}.cache`,
        message: 'OpenAI has no cache breakpoint on assistant history; the hint was dropped.',
      });
    }
    switch (part.type) {
      case 'text':
        texts.push({ type: 'output_text', text: part.text });
        return;
      case 'refusal':
        texts.push({ type: 'refusal', refusal: part.text });
        return;
      case 'tool-call':
        flushTexts();
        items.push({ type: 'function_call', call_id: part.id, name: part.name, arguments: part.arguments });
        return;
      case 'reasoning': {
        flushTexts();
        const item = encodeReasoningItem(part, partPath, warnings);
        if (item) items.push(item);
        return;
      }
    }
  });
  flushTexts();
  return items;
}

function encodeReasoningItem(part: ReasoningPart, path: string, warnings: Warning[]): Json | undefined {
  if (part.provider === openAIReasoningProvider && part.redactedData !== undefined) {
    return {
      type: 'reasoning',
      summary: part.text === '' ? [] : [{ type: 'summary_text', text: part.text }],
      encrypted_content: part.redactedData,
    };
  }
  warnings.push({
    type: 'unsupported-value',
    field: path,
    message:
      part.provider === undefined || part.provider === openAIReasoningProvider
        ? 'OpenAI takes reasoning back only with the encrypted_content it issued; this reasoning had none and was dropped.'
        : `Reasoning produced by ${part.provider} cannot be sent to OpenAI; it was dropped.`,
  });
  return undefined;
}

function encodeToolResult(result: ToolResultPart, path: string, warnings: Warning[]): Json {
  const parts = result.content.flatMap((part, partIndex) => {
    const partPath = `${path}.content[${partIndex}]`;
    if (part.type === 'text') return [encodeTextPart(part, partPath, warnings)];
    if (part.type === 'image') return encodeImagePart(part, partPath, warnings);
    return encodeFilePart(part, partPath, warnings);
  });
  if (result.cache) {
    // The breakpoint belongs at the end of the result: its last part.
    const last = parts[parts.length - 1];
    if (last) withCacheBreakpoint(last, result.cache, path, warnings);
  }
  if (result.isError) {
    warnings.push({
      type: 'unsupported-field',
      field: `${path}.isError`,
      message: 'Responses function outputs have no error flag; the result is sent as plain output.',
    });
  }
  const output = parts.length === 0 ? '' : onlyPlainText(parts) ? parts[0]!.text : parts;
  return { type: 'function_call_output', call_id: result.toolCallId, output };
}

function encodeTextPart(part: TextPart, path: string, warnings: Warning[]): Json {
  return withCacheBreakpoint({ type: 'input_text', text: part.text }, part.cache, path, warnings);
}

function encodeUserPart(part: UserContentPart, path: string, warnings: Warning[]): Json[] {
  switch (part.type) {
    case 'text':
      return [encodeTextPart(part, path, warnings)];
    case 'image':
      return encodeImagePart(part, path, warnings);
    case 'file':
      return encodeFilePart(part, path, warnings);
    case 'audio':
      if (part.cache) dropCache(path, warnings);
      return [{ type: 'input_audio', input_audio: { data: part.data, format: part.format } }];
  }
}

function encodeImagePart(part: ImagePart, path: string, warnings: Warning[]): Json[] {
  const image: Json = { type: 'input_image' };
  if (part.source.type === 'url') image.image_url = part.source.url;
  else if (part.source.type === 'base64') image.image_url = formatBase64DataUrl(part.source.mediaType, part.source.data);
  else image.file_id = part.source.fileId;
  // The API lists `detail` as required; 'auto' is its documented default, so nothing changes.
  image.detail = part.detail ?? 'auto';
  return [withCacheBreakpoint(image, part.cache, path, warnings)];
}

function encodeFilePart(part: FilePart, path: string, warnings: Warning[]): Json[] {
  const file: Json = { type: 'input_file' };
  if (part.source.type === 'base64') file.file_data = formatBase64DataUrl(part.source.mediaType, part.source.data);
  else if (part.source.type === 'file-id') file.file_id = part.source.fileId;
  // OpenAI fetches the URL itself; the gateway never does (see DESIGN, SSRF).
  else file.file_url = part.source.url;
  if (part.filename !== undefined) file.filename = part.filename;
  return [withCacheBreakpoint(file, part.cache, path, warnings)];
}

function dropCache(path: string, warnings: Warning[]): void {
  warnings.push({
    type: 'unsupported-field',
    field: `${path}.cache`,
    message: 'OpenAI has no cache breakpoint on this kind of part; the hint was dropped.',
  });
}

/** One input_text part with nothing else on it is sent as a plain string, the common form. */
function onlyPlainText(parts: Json[]): boolean {
  return parts.length === 1 && parts[0]!.type === 'input_text' && parts[0]!.prompt_cache_breakpoint === undefined;
}

// ---------------------------------------------------------------------------------------
// Options with no canonical home
// ---------------------------------------------------------------------------------------

function warnUnsupported(request: ChatRequest, warnings: Warning[]): void {
  const unsupported: Array<[field: string, present: boolean, what: string]> = [
    ['topK', request.topK !== undefined, 'top_k'],
    ['stop', request.stop !== undefined && request.stop.length > 0, 'stop sequences'],
    ['seed', request.seed !== undefined, 'seed'],
    ['presencePenalty', request.presencePenalty !== undefined, 'presence penalty'],
    ['frequencyPenalty', request.frequencyPenalty !== undefined, 'frequency penalty'],
  ];
  for (const [field, present, what] of unsupported) {
    if (present) warnings.push({ type: 'unsupported-field', field, message: `The Responses API has no ${what}; it was dropped.` });
  }
  if (request.n !== undefined && request.n > 1) {
    warnings.push({ type: 'unsupported-value', field: 'n', message: 'The Responses API returns one answer per request; n was ignored.' });
  }
}

/** A Responses client's own extras. Verbatim, never overriding a canonical field, except where both hold part of one object. */
function mergeExtras(body: Json, extras: Json): void {
  for (const [key, value] of Object.entries(extras)) {
    switch (key) {
      case 'tools':
        // Hosted tools ride beside the function tools.
        if (Array.isArray(value)) body.tools = [...(Array.isArray(body.tools) ? body.tools : []), ...value];
        break;
      case 'text':
      case 'reasoning':
        // verbosity beside the format; an effort level the canonical model lacks beside the summary.
        if (isObject(value)) body[key] = { ...value, ...(isObject(body[key]) ? body[key] : {}) };
        break;
      case 'safety_identifier':
        // The client named its end user this way: `user` came from it and is not repeated.
        body.safety_identifier = value;
        if (body.user === value) delete body.user;
        break;
      default:
        if (!(key in body)) body[key] = value;
    }
  }
}

/** Extras a Chat Completions client sent: those that mean the same here go along, the rest are named in warnings. */
function mergeChatExtras(body: Json, extras: Json, warnings: Warning[]): void {
  for (const [key, value] of Object.entries(extras)) {
    if (chatExtrasWithSameMeaning.has(key)) {
      if (!(key in body)) body[key] = value;
    } else if (key === 'verbosity' && typeof value === 'string') {
      body.text = { ...(isObject(body.text) ? body.text : {}), verbosity: value };
    } else if (key === 'reasoning_effort' && typeof value === 'string') {
      // A level the canonical model lacks (`max`): the same word in Responses.
      body.reasoning = { ...(isObject(body.reasoning) ? body.reasoning : {}), effort: value };
    } else if (key === 'stream_options' && isObject(value)) {
      const { include_usage: _includeUsage, ...rest } = value;
      if (Object.keys(rest).length > 0) body.stream_options = { ...rest, ...(isObject(body.stream_options) ? body.stream_options : {}) };
    } else {
      warnings.push({ type: 'unsupported-field', field: key, message: `The Responses API has no equivalent of the openai-chat field ${key}; it was dropped.` });
    }
  }
}

function reasoningRequested(body: Json, request: ChatRequest): boolean {
  const reasoning = isObject(body.reasoning) ? body.reasoning : undefined;
  if (reasoning !== undefined && reasoning.effort !== 'none') return true;
  if (request.reasoning !== undefined && request.reasoning.effort !== 'none') return true;
  // The conversation already carries OpenAI's reasoning: keep carrying it.
  return request.messages.some(
    (message) =>
      message.role === 'assistant' &&
      message.content.some((part) => part.type === 'reasoning' && part.provider === openAIReasoningProvider && part.redactedData !== undefined),
  );
}

function setIfDefined(body: Json, key: string, value: unknown): void {
  if (value !== undefined) body[key] = value;
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
