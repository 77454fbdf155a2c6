import {
  InvalidRequestError,
  type AssistantContentPart,
  type AssistantMessage,
  type CacheHint,
  type ChatMessage,
  type ChatRequest,
  type FilePart,
  type ImagePart,
  type ReasoningSettings,
  type ResponseFormat,
  type TextPart,
  type ToolChoice,
  type ToolDefinition,
  type ToolMessage,
  type ToolResultPart,
  type UserContentPart,
  type Warning,
} from '@switchyard/core';
import type { z } from 'zod';
import type { DecodedChatRequest } from '../chat-format-codec.js';
import { parseBase64DataUrl } from '../openai-chat/data-url.js';
import {
  openAIResponsesFunctionCallItemSchema,
  openAIResponsesFunctionCallOutputItemSchema,
  openAIResponsesFunctionToolSchema,
  openAIResponsesItemReferenceSchema,
  openAIResponsesMappedRequestFields,
  openAIResponsesMessageItemSchema,
  openAIResponsesReasoningItemSchema,
  openAIResponsesRequestSchema,
  type OpenAIResponsesAssistantPart,
  type OpenAIResponsesMessageItem,
  type OpenAIResponsesRequest,
  type OpenAIResponsesToolOutputPart,
  type OpenAIResponsesUserPart,
  type openAIResponsesInputTextSchema,
} from './openai-responses-api.js';
import { decodeOpenAIResponsesReasoning } from './map-openai-responses-reasoning.js';
import { toOpenAIResponsesInvalidRequest } from './to-openai-responses-invalid-request.js';

/** The providerOptions key under which Responses fields with no canonical home travel verbatim. */
export const openAIResponsesProviderOptionsKey = 'openai-responses';

type Json = Record<string, unknown>;
type InputTextPart = z.infer<typeof openAIResponsesInputTextSchema>;

const reasoningEfforts = new Set<string>(['none', 'minimal', 'low', 'medium', 'high', 'xhigh']);
const reasoningSummaries = new Set<string>(['auto', 'concise', 'detailed']);
const imageDetails = new Set<string>(['low', 'high', 'auto']);

// Keys of replayed output items that are server-side bookkeeping, not content: item ids only
// resolve against OpenAI's store (and are refused with store: false), statuses and
// annotations never reach the model. The openai SDK's parse helpers (responses.parse,
// responses.stream().finalResponse()) add `parsed_arguments` to function calls and `parsed` to
// output text, which clients send back with the rest of the output. All are dropped without a warning.
const messageItemKeys = ['type', 'role', 'content', 'id', 'status'];
const functionCallKeys = ['type', 'call_id', 'name', 'arguments', 'id', 'status', 'parsed_arguments'];
const functionCallOutputKeys = ['type', 'call_id', 'output', 'id', 'status'];
const reasoningItemKeys = ['type', 'id', 'summary', 'encrypted_content', 'content', 'status'];

/**
 * A Responses request body → the canonical request. Validates at the edge and throws
 * InvalidRequestError naming the field as OpenAI would (`input[2].call_id`).
 *
 * - `instructions` becomes a leading system message; system and developer items keep their
 *   place and role.
 * - Assistant-side items that follow each other — reasoning, assistant messages,
 *   function_call — form one assistant message, in order (one model turn, as Chat Completions
 *   and Messages hold it); consecutive function_call_output items form one tool message.
 * - Reasoning items become reasoning parts (see map-openai-responses-reasoning.ts).
 * - Top-level fields with no canonical home (store, include, previous_response_id,
 *   truncation, service_tier, prompt_cache_key, unknown keys …) and the parts of `text`,
 *   `reasoning`, `tools` and `tool_choice` the canonical model cannot hold (verbosity, hosted
 *   tools …) travel verbatim in `providerOptions['openai-responses']`; the target's encoder
 *   puts them back (Responses) or names each in a warning (other formats).
 */
export function decodeOpenAIResponsesRequest(body: unknown): DecodedChatRequest {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new InvalidRequestError('The request body must be a JSON object.');
  }
  const raw = body as Json;
  // Never defaulted: a gateway that guesses a model bills someone for the guess.
  if (raw.model === undefined || raw.model === null || (typeof raw.model === 'string' && raw.model.trim() === '')) {
    throw new InvalidRequestError('model is required', { param: 'model', code: 'missing_required_parameter' });
  }
  const parsed = openAIResponsesRequestSchema.safeParse(raw);
  if (!parsed.success) throw toOpenAIResponsesInvalidRequest(parsed.error, raw);
  const input = parsed.data;

  const warnings: Warning[] = [];
  const extras: Json = {};
  for (const [key, value] of Object.entries(raw)) {
    if (!openAIResponsesMappedRequestFields.has(key)) extras[key] = value;
  }

  const messages: ChatMessage[] = [];
  // An empty `instructions` (several SDKs send "") says nothing: no system message for it.
  if (input.instructions) messages.push({ role: 'system', content: [{ type: 'text', text: input.instructions }] });
  if (typeof input.input === 'string') messages.push({ role: 'user', content: [{ type: 'text', text: input.input }] });
  else if (input.input != null) messages.push(...decodeInput(input.input, raw, warnings));

  const request: ChatRequest = { model: input.model, messages, stream: input.stream ?? false };

  const tools = decodeTools(input, raw, extras, warnings);
  if (tools) request.tools = tools;
  const toolChoice = decodeToolChoice(input, extras);
  if (toolChoice) request.toolChoice = toolChoice;
  if (input.parallel_tool_calls != null) request.parallelToolCalls = input.parallel_tool_calls;
  if (input.temperature != null) request.temperature = input.temperature;
  if (input.top_p != null) request.topP = input.top_p;
  if (input.max_output_tokens != null) request.maxOutputTokens = input.max_output_tokens;
  if (input.top_logprobs != null) request.topLogprobs = input.top_logprobs;
  // Logprobs are asked for through `include` here; the list itself travels verbatim.
  if (input.include?.includes('message.output_text.logprobs')) request.logprobs = true;

  decodeText(input, extras, warnings, request);
  decodeReasoningSettings(input, extras, request);

  if (input.metadata != null) request.metadata = input.metadata;
  // safety_identifier is the newer name for the end-user id; it also stays verbatim, so a
  // Responses upstream gets back the field the client used.
  const user = input.user ?? input.safety_identifier;
  if (user != null) request.user = user;

  if (Object.keys(extras).length > 0) request.providerOptions = { [openAIResponsesProviderOptionsKey]: extras };
  return { request, warnings };
}

// ---------------------------------------------------------------------------------------
// Input items
// ---------------------------------------------------------------------------------------

function decodeInput(items: ReadonlyArray<Json>, body: Json, warnings: Warning[]): ChatMessage[] {
  const messages: ChatMessage[] = [];
  // The assistant turn or tool results being gathered from consecutive items.
  let assistant: AssistantMessage | undefined;
  let toolResults: ToolMessage | undefined;
  // Function names by call id, for the tool results (Gemini needs the name of each result).
  const callNames = new Map<string, string>();

  const assistantTurn = (): AssistantMessage => {
    toolResults = undefined;
    if (!assistant) {
      assistant = { role: 'assistant', content: [] };
      messages.push(assistant);
    }
    return assistant;
  };

  items.forEach((item, index) => {
    const path = `input[${index}]`;
    const type = item.type ?? ('role' in item ? 'message' : undefined);
    switch (type) {
      case 'message': {
        const message = parseItem(openAIResponsesMessageItemSchema, { ...item, type: 'message' }, body, index);
        if (message.role === 'assistant') {
          assistantTurn().content.push(...decodeAssistantMessage(message, path, warnings));
        } else {
          assistant = undefined;
          toolResults = undefined;
          messages.push(decodeInstructionOrUserMessage(message, path, warnings));
        }
        return;
      }
      case 'function_call': {
        const call = parseItem(openAIResponsesFunctionCallItemSchema, item, body, index);
        warnUnknownKeys(call, functionCallKeys, path, warnings);
        callNames.set(call.call_id, call.name);
        // Arguments stay the exact string the model produced; re-serialising would change them.
        assistantTurn().content.push({ type: 'tool-call', id: call.call_id, name: call.name, arguments: call.arguments });
        return;
      }
      case 'function_call_output': {
        const output = parseItem(openAIResponsesFunctionCallOutputItemSchema, item, body, index);
        warnUnknownKeys(output, functionCallOutputKeys, path, warnings);
        assistant = undefined;
        if (!toolResults) {
          toolResults = { role: 'tool', content: [] };
          messages.push(toolResults);
        }
        const result: ToolResultPart = {
          type: 'tool-result',
          toolCallId: output.call_id,
          content:
            typeof output.output === 'string'
              ? [{ type: 'text', text: output.output }]
              : output.output.map((part, partIndex) => decodeToolOutputPart(part, `${path}.output[${partIndex}]`, warnings)),
        };
        const name = callNames.get(output.call_id);
        if (name !== undefined) result.toolName = name;
        toolResults.content.push(result);
        return;
      }
      case 'reasoning': {
        const reasoning = parseItem(openAIResponsesReasoningItemSchema, item, body, index);
        warnUnknownKeys(reasoning, reasoningItemKeys, path, warnings);
        const decoded = decodeOpenAIResponsesReasoning(reasoning);
        if (decoded.malformedEnvelope) {
          throw new InvalidRequestError(
            `Invalid '${path}.encrypted_content': it is not the reasoning this gateway returned (the value was changed).`,
            { param: `${path}.encrypted_content`, code: 'invalid_value' },
          );
        }
        assistantTurn().content.push(decoded.part);
        return;
      }
      case 'item_reference':
        parseItem(openAIResponsesItemReferenceSchema, item, body, index);
        assistant = undefined;
        toolResults = undefined;
        warnings.push({
          type: 'unsupported-value',
          field: path,
          message: `${path} refers to an item stored at OpenAI, which the gateway cannot resolve; it was dropped.`,
        });
        return;
      case undefined:
        throw new InvalidRequestError(`Missing required parameter: '${path}.type'.`, {
          param: `${path}.type`,
          code: 'missing_required_parameter',
        });
      default:
        // Hosted-tool items (web_search_call, computer_call_output, mcp_call …): they run at
        // OpenAI and have no canonical form.
        warnings.push({
          type: 'unsupported-value',
          field: `${path}.type`,
          message: `A '${String(type)}' input item has no canonical equivalent and was dropped.`,
        });
        return;
    }
  });
  return messages;
}

function parseItem<T extends z.ZodType>(schema: T, value: unknown, body: Json, index: number): z.infer<T> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw toOpenAIResponsesInvalidRequest(parsed.error, body, ['input', index]);
  return parsed.data;
}

function decodeInstructionOrUserMessage(
  message: Exclude<OpenAIResponsesMessageItem, { role: 'assistant' }>,
  path: string,
  warnings: Warning[],
): ChatMessage {
  warnUnknownKeys(message, messageItemKeys, path, warnings);
  if (message.role === 'user') {
    const content: UserContentPart[] =
      typeof message.content === 'string'
        ? [{ type: 'text', text: message.content }]
        : message.content.map((part, partIndex) => decodeUserPart(part, `${path}.content[${partIndex}]`, warnings));
    return { role: 'user', content };
  }
  const content: TextPart[] =
    typeof message.content === 'string'
      ? [{ type: 'text', text: message.content }]
      : message.content.map((part, partIndex) => decodeTextPart(part, `${path}.content[${partIndex}]`, warnings));
  return { role: message.role, content };
}

function decodeAssistantMessage(
  message: Extract<OpenAIResponsesMessageItem, { role: 'assistant' }>,
  path: string,
  warnings: Warning[],
): AssistantContentPart[] {
  warnUnknownKeys(message, [...messageItemKeys, 'phase'], path, warnings);
  if (message.phase != null) {
    warnings.push({
      type: 'unsupported-field',
      field: `${path}.phase`,
      message: `The message phase ('${message.phase}') has no canonical equivalent and was dropped.`,
    });
  }
  if (typeof message.content === 'string') return [{ type: 'text', text: message.content }];
  return message.content.map((part, partIndex) => decodeAssistantPart(part, `${path}.content[${partIndex}]`, warnings));
}

function decodeAssistantPart(part: OpenAIResponsesAssistantPart, path: string, warnings: Warning[]): AssistantContentPart {
  switch (part.type) {
    case 'output_text':
      // Annotations, logprobs and the SDK's `parsed` describe an earlier answer; the model never reads them.
      warnUnknownKeys(part, ['type', 'text', 'annotations', 'logprobs', 'parsed'], path, warnings);
      return { type: 'text', text: part.text };
    case 'refusal':
      warnUnknownKeys(part, ['type', 'refusal'], path, warnings);
      return { type: 'refusal', text: part.refusal };
    case 'input_text':
      return decodeTextPart(part, path, warnings);
  }
}

function decodeTextPart(part: InputTextPart, path: string, warnings: Warning[]): TextPart {
  warnUnknownKeys(part, ['type', 'text', 'prompt_cache_breakpoint'], path, warnings);
  return { type: 'text', text: part.text, ...cacheFrom(part) };
}

function decodeUserPart(part: OpenAIResponsesUserPart, path: string, warnings: Warning[]): UserContentPart {
  switch (part.type) {
    case 'input_text':
      return decodeTextPart(part, path, warnings);
    case 'input_image':
      return decodeImagePart(part, path, warnings);
    case 'input_file':
      return decodeFilePart(part, path, warnings);
    case 'input_audio':
      warnUnknownKeys(part, ['type', 'input_audio'], path, warnings);
      warnUnknownKeys(part.input_audio, ['data', 'format'], `${path}.input_audio`, warnings);
      return { type: 'audio', data: part.input_audio.data, format: part.input_audio.format };
  }
}

function decodeToolOutputPart(part: OpenAIResponsesToolOutputPart, path: string, warnings: Warning[]): TextPart | ImagePart | FilePart {
  switch (part.type) {
    case 'input_text':
      return decodeTextPart(part, path, warnings);
    case 'input_image':
      return decodeImagePart(part, path, warnings);
    case 'input_file':
      return decodeFilePart(part, path, warnings);
  }
}

function decodeImagePart(part: Extract<OpenAIResponsesUserPart, { type: 'input_image' }>, path: string, warnings: Warning[]): ImagePart {
  warnUnknownKeys(part, ['type', 'image_url', 'file_id', 'detail', 'prompt_cache_breakpoint'], path, warnings);
  let source: ImagePart['source'];
  if (part.image_url != null) {
    const inline = parseBase64DataUrl(part.image_url);
    source = inline ? { type: 'base64', ...inline } : { type: 'url', url: part.image_url };
    if (part.file_id != null) {
      warnings.push({ type: 'unsupported-field', field: `${path}.file_id`, message: 'file_id was ignored because image_url is also set.' });
    }
  } else if (part.file_id != null) {
    source = { type: 'file-id', fileId: part.file_id };
  } else {
    throw new InvalidRequestError(`Invalid '${path}': expected image_url or file_id.`, { param: `${path}.image_url`, code: 'missing_required_parameter' });
  }
  const image: ImagePart = { type: 'image', source, ...cacheFrom(part) };
  if (part.detail != null) {
    if (imageDetails.has(part.detail)) image.detail = part.detail as ImagePart['detail'];
    else {
      warnings.push({
        type: 'unsupported-value',
        field: `${path}.detail`,
        message: `Image detail '${part.detail}' has no canonical equivalent; the provider's default applies.`,
      });
    }
  }
  return image;
}

function decodeFilePart(part: Extract<OpenAIResponsesUserPart, { type: 'input_file' }>, path: string, warnings: Warning[]): FilePart {
  warnUnknownKeys(part, ['type', 'file_data', 'file_id', 'file_url', 'filename', 'prompt_cache_breakpoint'], path, warnings);
  const given = (['file_id', 'file_data', 'file_url'] as const).filter((key) => part[key] != null);
  if (given.length === 0) {
    throw new InvalidRequestError(`Invalid '${path}': expected file_data, file_id or file_url.`, {
      param: `${path}.file_data`,
      code: 'missing_required_parameter',
    });
  }
  for (const ignored of given.slice(1)) {
    warnings.push({ type: 'unsupported-field', field: `${path}.${ignored}`, message: `${ignored} was ignored because ${given[0]} is also set.` });
  }
  const named = part.filename != null ? { filename: part.filename } : {};
  switch (given[0]!) {
    case 'file_id':
      return { type: 'file', source: { type: 'file-id', fileId: part.file_id! }, ...named, ...cacheFrom(part) };
    case 'file_url':
      // A URL the provider fetches; the gateway never fetches it itself (see DESIGN, SSRF).
      return { type: 'file', source: { type: 'url', url: part.file_url! }, ...named, ...cacheFrom(part) };
    case 'file_data': {
      const inline = parseBase64DataUrl(part.file_data!);
      if (!inline) {
        // Guessing a media type for bare base64 would be inventing one.
        throw new InvalidRequestError(
          `Invalid '${path}.file_data'. Expected a base64-encoded data URL with a MIME type (e.g. 'data:application/pdf;base64,SGVsbG8sIFdvcmxkIQ==').`,
          { param: `${path}.file_data`, code: 'invalid_value' },
        );
      }
      return { type: 'file', source: { type: 'base64', ...inline }, mediaType: inline.mediaType, ...named, ...cacheFrom(part) };
    }
  }
}

/** OpenAI's explicit cache breakpoint is the canonical cache hint (TTL is request-wide there). */
function cacheFrom(part: { prompt_cache_breakpoint?: unknown }): { cache?: CacheHint } {
  return part.prompt_cache_breakpoint != null ? { cache: { type: 'ephemeral' } } : {};
}

// ---------------------------------------------------------------------------------------
// Tools, text, reasoning
// ---------------------------------------------------------------------------------------

function decodeTools(input: OpenAIResponsesRequest, body: Json, extras: Json, warnings: Warning[]): ToolDefinition[] | undefined {
  if (input.tools == null) return undefined;
  const tools: ToolDefinition[] = [];
  const hosted: Json[] = [];
  input.tools.forEach((tool, index) => {
    if (tool.type !== 'function') {
      // web_search, file_search, mcp, custom …: only a Responses upstream can run them.
      hosted.push(tool);
      return;
    }
    const parsed = openAIResponsesFunctionToolSchema.safeParse(tool);
    if (!parsed.success) throw toOpenAIResponsesInvalidRequest(parsed.error, body, ['tools', index]);
    const fn = parsed.data;
    warnUnknownKeys(fn, ['type', 'name', 'description', 'parameters', 'strict'], `tools[${index}]`, warnings);
    tools.push({
      name: fn.name,
      ...(fn.description != null && { description: fn.description }),
      // An omitted `parameters` is "a function with an empty parameter list", as in Chat Completions.
      parameters: fn.parameters ?? { type: 'object', properties: {} },
      // Responses makes function tools strict unless told otherwise ("Default `true`" in the
      // API reference), unlike Chat Completions: the canonical flag states that meaning.
      strict: fn.strict ?? true,
    });
  });
  if (hosted.length > 0) extras.tools = hosted;
  return tools;
}

function decodeToolChoice(input: OpenAIResponsesRequest, extras: Json): ToolChoice | undefined {
  const choice = input.tool_choice;
  if (choice == null) return undefined;
  if (typeof choice === 'string') return { type: choice };
  if (choice.type === 'function' && typeof choice.name === 'string') return { type: 'tool', name: choice.name };
  // allowed_tools, a hosted tool type, mcp, custom: carried for a Responses upstream.
  extras.tool_choice = choice;
  return undefined;
}

function decodeText(input: OpenAIResponsesRequest, extras: Json, warnings: Warning[], request: ChatRequest): void {
  if (input.text == null) return;
  const { format, ...rest } = input.text;
  if (format != null) request.responseFormat = decodeTextFormat(format, warnings);
  // verbosity and whatever comes next: no canonical home, carried verbatim.
  const carried = withoutNulls(rest);
  if (Object.keys(carried).length > 0) extras.text = carried;
}

function decodeTextFormat(format: NonNullable<NonNullable<OpenAIResponsesRequest['text']>['format']>, warnings: Warning[]): ResponseFormat {
  if (format.type !== 'json_schema') {
    warnUnknownKeys(format, ['type'], 'text.format', warnings);
    return { type: format.type };
  }
  warnUnknownKeys(format, ['type', 'name', 'schema', 'description', 'strict'], 'text.format', warnings);
  return {
    type: 'json_schema',
    name: format.name,
    ...(format.description != null && { description: format.description }),
    // An empty schema accepts any JSON, as an omitted one does at OpenAI.
    schema: format.schema ?? {},
    ...(format.strict != null && { strict: format.strict }),
  };
}

function decodeReasoningSettings(input: OpenAIResponsesRequest, extras: Json, request: ChatRequest): void {
  if (input.reasoning == null) return;
  const { effort, summary, ...rest } = input.reasoning;
  const settings: ReasoningSettings = {};
  const carried: Json = withoutNulls(rest);
  if (effort != null) {
    if (reasoningEfforts.has(effort)) settings.effort = effort as ReasoningSettings['effort'];
    else carried.effort = effort; // a level newer than the canonical model
  }
  if (summary != null) {
    if (reasoningSummaries.has(summary)) settings.summary = summary as ReasoningSettings['summary'];
    else carried.summary = summary;
  }
  if (Object.keys(settings).length > 0) request.reasoning = settings;
  if (Object.keys(carried).length > 0) extras.reasoning = carried;
}

function withoutNulls(value: Json): Json {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field != null));
}

/** Nested keys have no carrier (only top-level ones travel in providerOptions): say so. */
function warnUnknownKeys(value: object, known: readonly string[], path: string, warnings: Warning[]): void {
  for (const key of Object.keys(value)) {
    if (known.includes(key)) continue;
    warnings.push({
      type: 'unsupported-field',
      field: `${path}.${key}`,
      message: `${path}.${key} has no canonical equivalent and was dropped.`,
    });
  }
}
