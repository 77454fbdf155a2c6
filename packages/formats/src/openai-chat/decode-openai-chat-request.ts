import {
  InvalidRequestError,
  type AssistantContentPart,
  type CacheHint,
  type ChatMessage,
  type ChatRequest,
  type ReasoningSettings,
  type ResponseFormat,
  type TextPart,
  type ToolChoice,
  type ToolDefinition,
  type UserContentPart,
  type Warning,
} from '@switchyard/core';
import type { z } from 'zod';
import type { DecodedChatRequest } from '../chat-format-codec.js';
import { parseBase64DataUrl } from './data-url.js';
import {
  openAIChatMappedRequestFields,
  openAIChatRequestSchema,
  type OpenAIChatRequest,
  type OpenAIChatRequestMessage,
  type openAIChatAssistantPartSchema,
  type openAIChatTextPartSchema,
  type openAIChatUserPartSchema,
} from './openai-chat-api.js';
import { toOpenAIChatInvalidRequest } from './to-openai-chat-invalid-request.js';

/** The providerOptions key under which fields with no canonical home travel verbatim. */
export const openAIChatProviderOptionsKey = 'openai-chat';

type TextPartParam = z.infer<typeof openAIChatTextPartSchema>;
type UserPartParam = z.infer<typeof openAIChatUserPartSchema>;
type AssistantPartParam = z.infer<typeof openAIChatAssistantPartSchema>;

const reasoningEfforts = new Set<string>(['none', 'minimal', 'low', 'medium', 'high', 'xhigh']);

/**
 * A Chat Completions request body → the canonical request. Validates at the edge and
 * throws InvalidRequestError naming the field as OpenAI would (`messages[0].content`).
 * Top-level fields with no canonical home (logit_bias, prediction, modalities, audio,
 * service_tier, store, web_search_options, unknown keys …) are kept verbatim in
 * `providerOptions['openai-chat']`, so encoding back to OpenAI loses nothing; the target
 * adapter decides what to do with them. Warnings are returned only for what was dropped.
 */
export function decodeOpenAIChatRequest(body: unknown): DecodedChatRequest {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new InvalidRequestError('The request body must be a JSON object.');
  }
  const raw = body as Record<string, unknown>;
  // Never defaulted: a gateway that guesses a model bills someone for the guess.
  if (raw.model === undefined || raw.model === null || (typeof raw.model === 'string' && raw.model.trim() === '')) {
    throw new InvalidRequestError('model is required', { param: 'model', code: 'missing_required_parameter' });
  }
  const parsed = openAIChatRequestSchema.safeParse(raw);
  if (!parsed.success) throw toOpenAIChatInvalidRequest(parsed.error, raw);
  const input = parsed.data;

  const warnings: Warning[] = [];
  const extras: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (!openAIChatMappedRequestFields.has(key)) extras[key] = value;
  }

  const request: ChatRequest = {
    model: input.model,
    messages: input.messages.map((message, index) => decodeMessage(message, index, warnings)),
    stream: input.stream ?? false,
  };

  const tools = decodeTools(input, warnings);
  if (tools) request.tools = tools;
  const toolChoice = decodeToolChoice(input, warnings);
  if (toolChoice) request.toolChoice = toolChoice;
  if (input.parallel_tool_calls != null) request.parallelToolCalls = input.parallel_tool_calls;
  if (input.temperature != null) request.temperature = input.temperature;
  if (input.top_p != null) request.topP = input.top_p;

  // max_tokens is deprecated in favour of max_completion_tokens; both mean the output cap.
  if (input.max_completion_tokens != null) {
    request.maxOutputTokens = input.max_completion_tokens;
    if (input.max_tokens != null && input.max_tokens !== input.max_completion_tokens) {
      warnings.push({
        type: 'unsupported-field',
        field: 'max_tokens',
        message: 'max_tokens was ignored because max_completion_tokens is also set.',
      });
    }
  } else if (input.max_tokens != null) {
    request.maxOutputTokens = input.max_tokens;
  }

  if (input.stop != null) request.stop = typeof input.stop === 'string' ? [input.stop] : input.stop;
  if (input.seed != null) request.seed = input.seed;
  if (input.presence_penalty != null) request.presencePenalty = input.presence_penalty;
  if (input.frequency_penalty != null) request.frequencyPenalty = input.frequency_penalty;
  if (input.n != null) request.n = input.n;
  if (input.logprobs != null) request.logprobs = input.logprobs;
  if (input.top_logprobs != null) request.topLogprobs = input.top_logprobs;
  if (input.response_format != null) request.responseFormat = decodeResponseFormat(input.response_format);

  if (input.reasoning_effort != null) {
    if (reasoningEfforts.has(input.reasoning_effort)) {
      request.reasoning = { effort: input.reasoning_effort as ReasoningSettings['effort'] };
    } else {
      // A newer effort level (`max`) the canonical model lacks: carried for OpenAI as is.
      extras.reasoning_effort = input.reasoning_effort;
    }
  }
  if (input.user != null) request.user = input.user;
  if (input.metadata != null) request.metadata = input.metadata;

  if (input.stream_options != null) {
    const { include_usage: includeUsage, ...rest } = input.stream_options;
    if (includeUsage != null) request.streamUsage = includeUsage;
    // include_obfuscation and whatever comes next: no canonical home, carried verbatim.
    if (Object.keys(rest).length > 0) extras.stream_options = rest;
  }

  if (Object.keys(extras).length > 0) request.providerOptions = { [openAIChatProviderOptionsKey]: extras };
  return { request, warnings };
}

function decodeMessage(message: OpenAIChatRequestMessage, index: number, warnings: Warning[]): ChatMessage {
  const path = `messages[${index}]`;
  switch (message.role) {
    case 'system':
    case 'developer': {
      warnUnknownKeys(message, ['role', 'content', 'name'], path, warnings);
      if (message.name != null) {
        warnings.push({
          type: 'unsupported-field',
          field: `${path}.name`,
          message: `name on a ${message.role} message has no canonical equivalent and was dropped.`,
        });
      }
      return { role: message.role, content: decodeTextContent(message.content, `${path}.content`, warnings) };
    }
    case 'user': {
      warnUnknownKeys(message, ['role', 'content', 'name'], path, warnings);
      const content: UserContentPart[] =
        typeof message.content === 'string'
          ? [{ type: 'text', text: message.content }]
          : message.content.map((part, partIndex) => decodeUserPart(part, `${path}.content[${partIndex}]`, warnings));
      return message.name != null ? { role: 'user', content, name: message.name } : { role: 'user', content };
    }
    case 'assistant':
      return decodeAssistantMessage(message, path, warnings);
    case 'tool': {
      warnUnknownKeys(message, ['role', 'content', 'tool_call_id'], path, warnings);
      return {
        role: 'tool',
        content: [
          {
            type: 'tool-result',
            toolCallId: message.tool_call_id,
            content: decodeTextContent(message.content, `${path}.content`, warnings),
          },
        ],
      };
    }
    case 'function':
      // The pre-tools protocol carries no call id, so a tool result cannot be built honestly.
      throw new InvalidRequestError(
        `The deprecated 'function' role is not supported; send tool results as 'tool' messages with a tool_call_id.`,
        { param: `${path}.role`, code: 'invalid_value' },
      );
  }
}

function decodeAssistantMessage(
  message: Extract<OpenAIChatRequestMessage, { role: 'assistant' }>,
  path: string,
  warnings: Warning[],
): ChatMessage {
  // `annotations` (url citations) is on every assistant message a client got from OpenAI or from
  // the gateway, and clients send that message back as is; it describes the earlier answer and
  // the model never reads it, so it is dropped without a warning (as the Responses decoder does).
  warnUnknownKeys(
    message,
    ['role', 'content', 'refusal', 'name', 'tool_calls', 'reasoning_content', 'reasoning', 'audio', 'function_call', 'annotations'],
    path,
    warnings,
  );
  const content: AssistantContentPart[] = [];
  const reasoning = message.reasoning_content ?? message.reasoning;
  if (reasoning != null) content.push({ type: 'reasoning', text: reasoning });

  if (typeof message.content === 'string') {
    content.push({ type: 'text', text: message.content });
  } else if (message.content != null) {
    message.content.forEach((part, partIndex) =>
      content.push(decodeAssistantPart(part, `${path}.content[${partIndex}]`, warnings)),
    );
  }
  if (message.refusal != null) content.push({ type: 'refusal', text: message.refusal });
  message.tool_calls?.forEach((call, callIndex) => {
    warnUnknownKeys(call, ['id', 'type', 'function'], `${path}.tool_calls[${callIndex}]`, warnings);
    warnUnknownKeys(call.function, ['name', 'arguments'], `${path}.tool_calls[${callIndex}].function`, warnings);
    // Arguments stay the exact string the model produced; re-serialising would change them.
    content.push({ type: 'tool-call', id: call.id, name: call.function.name, arguments: call.function.arguments });
  });

  if (message.audio != null) {
    warnings.push({
      type: 'unsupported-field',
      field: `${path}.audio`,
      message: 'A reference to a previous audio answer has no canonical equivalent and was dropped.',
    });
  }
  if (message.function_call != null) {
    warnings.push({
      type: 'unsupported-field',
      field: `${path}.function_call`,
      message: 'The deprecated function_call carries no call id and was dropped; use tool_calls.',
    });
  }
  return message.name != null ? { role: 'assistant', content, name: message.name } : { role: 'assistant', content };
}

function decodeTextContent(content: string | TextPartParam[], path: string, warnings: Warning[]): TextPart[] {
  if (typeof content === 'string') return [{ type: 'text', text: content }];
  return content.map((part, index) => decodeTextPart(part, `${path}[${index}]`, warnings));
}

function decodeTextPart(part: TextPartParam, path: string, warnings: Warning[]): TextPart {
  warnUnknownKeys(part, ['type', 'text', 'prompt_cache_breakpoint'], path, warnings);
  return { type: 'text', text: part.text, ...cacheFrom(part) };
}

function decodeAssistantPart(part: AssistantPartParam, path: string, warnings: Warning[]): AssistantContentPart {
  if (part.type === 'text') return decodeTextPart(part, path, warnings);
  warnUnknownKeys(part, ['type', 'refusal'], path, warnings);
  return { type: 'refusal', text: part.refusal };
}

function decodeUserPart(part: UserPartParam, path: string, warnings: Warning[]): UserContentPart {
  switch (part.type) {
    case 'text':
      return decodeTextPart(part, path, warnings);
    case 'image_url': {
      warnUnknownKeys(part, ['type', 'image_url', 'prompt_cache_breakpoint'], path, warnings);
      warnUnknownKeys(part.image_url, ['url', 'detail'], `${path}.image_url`, warnings);
      const inline = parseBase64DataUrl(part.image_url.url);
      return {
        type: 'image',
        source: inline ? { type: 'base64', ...inline } : { type: 'url', url: part.image_url.url },
        ...(part.image_url.detail != null && { detail: part.image_url.detail }),
        ...cacheFrom(part),
      };
    }
    case 'input_audio':
      warnUnknownKeys(part, ['type', 'input_audio', 'prompt_cache_breakpoint'], path, warnings);
      warnUnknownKeys(part.input_audio, ['data', 'format'], `${path}.input_audio`, warnings);
      return { type: 'audio', data: part.input_audio.data, format: part.input_audio.format, ...cacheFrom(part) };
    case 'file': {
      warnUnknownKeys(part, ['type', 'file', 'prompt_cache_breakpoint'], path, warnings);
      warnUnknownKeys(part.file, ['file_data', 'file_id', 'filename'], `${path}.file`, warnings);
      const { file_data: fileData, file_id: fileId, filename } = part.file;
      const named = filename != null ? { filename } : {};
      if (fileId != null) {
        if (fileData != null) {
          warnings.push({
            type: 'unsupported-field',
            field: `${path}.file.file_data`,
            message: 'file_data was ignored because file_id is also set.',
          });
        }
        return { type: 'file', source: { type: 'file-id', fileId }, ...named, ...cacheFrom(part) };
      }
      if (fileData == null) {
        throw new InvalidRequestError(`Invalid '${path}.file': expected file_data or file_id.`, {
          param: `${path}.file`,
          code: 'missing_required_parameter',
        });
      }
      const inline = parseBase64DataUrl(fileData);
      if (!inline) {
        // OpenAI rejects bare base64 too; guessing a media type would be inventing one.
        throw new InvalidRequestError(
          `Invalid '${path}.file.file_data'. Expected a base64-encoded data URL with a MIME type (e.g. 'data:application/pdf;base64,SGVsbG8sIFdvcmxkIQ==').`,
          { param: `${path}.file.file_data`, code: 'invalid_value' },
        );
      }
      return {
        type: 'file',
        source: { type: 'base64', ...inline },
        mediaType: inline.mediaType,
        ...named,
        ...cacheFrom(part),
      };
    }
  }
}

/** OpenAI's explicit cache breakpoint is the canonical cache hint (TTL is request-wide there). */
function cacheFrom(param: { prompt_cache_breakpoint?: unknown }): { cache?: CacheHint } {
  return param.prompt_cache_breakpoint != null ? { cache: { type: 'ephemeral' } } : {};
}

function decodeTools(input: OpenAIChatRequest, warnings: Warning[]): ToolDefinition[] | undefined {
  if (input.tools == null) return undefined;
  const tools: ToolDefinition[] = [];
  input.tools.forEach((tool, index) => {
    const path = `tools[${index}]`;
    if (tool.type !== 'function') {
      warnings.push({
        type: 'unsupported-value',
        field: `${path}.type`,
        message: `A '${tool.type}' tool has no canonical equivalent and was dropped.`,
      });
      return;
    }
    if (tool.function == null) {
      throw new InvalidRequestError(`Missing required parameter: '${path}.function'.`, {
        param: `${path}.function`,
        code: 'missing_required_parameter',
      });
    }
    warnUnknownKeys(tool, ['type', 'function'], path, warnings);
    warnUnknownKeys(tool.function, ['name', 'description', 'parameters', 'strict'], `${path}.function`, warnings);
    const fn = tool.function;
    tools.push({
      name: fn.name,
      ...(fn.description != null && { description: fn.description }),
      // OpenAI documents an omitted `parameters` as "a function with an empty parameter list".
      parameters: fn.parameters ?? { type: 'object', properties: {} },
      ...(fn.strict != null && { strict: fn.strict }),
    });
  });
  return tools;
}

function decodeToolChoice(input: OpenAIChatRequest, warnings: Warning[]): ToolChoice | undefined {
  const choice = input.tool_choice;
  if (choice == null) return undefined;
  if (typeof choice === 'string') return { type: choice };
  if (choice.type === 'function' && 'function' in choice && isNamed(choice.function)) {
    return { type: 'tool', name: choice.function.name };
  }
  warnings.push({
    type: 'unsupported-value',
    field: 'tool_choice',
    message: `tool_choice of type '${choice.type}' has no canonical equivalent and was dropped.`,
  });
  return undefined;
}

function isNamed(value: unknown): value is { name: string } {
  return typeof value === 'object' && value !== null && typeof (value as { name?: unknown }).name === 'string';
}

function decodeResponseFormat(format: NonNullable<OpenAIChatRequest['response_format']>): ResponseFormat {
  if (format.type !== 'json_schema') return { type: format.type };
  const spec = format.json_schema;
  return {
    type: 'json_schema',
    name: spec.name,
    ...(spec.description != null && { description: spec.description }),
    // `schema` is optional in OpenAI's spec; an empty schema accepts any JSON, as it does there.
    schema: spec.schema ?? {},
    ...(spec.strict != null && { strict: spec.strict }),
  };
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
