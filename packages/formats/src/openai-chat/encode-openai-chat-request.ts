import type {
  AssistantMessage,
  CacheHint,
  ChatMessage,
  ChatRequest,
  FilePart,
  ImagePart,
  TextPart,
  ToolResultPart,
  UserContentPart,
  Warning,
} from '@switchyard/core';
import type { EncodedChatRequest } from '../chat-format-codec.js';
import { formatBase64DataUrl } from './data-url.js';
import { openAIChatProviderOptionsKey } from './decode-openai-chat-request.js';

import { withCacheBreakpoint } from './openai-cache-breakpoint.js';

type Json = Record<string, unknown>;

/** Other formats' providerOptions keys: what their clients sent with no canonical home. */
const foreignFormatOptionKeys = ['anthropic-messages', 'openai-responses'];

/**
 * The canonical request → a Chat Completions body, for an adapter whose provider speaks
 * it when the client did not. Fields in `providerOptions['openai-chat']` (what an OpenAI
 * client sent with no canonical home) are put back verbatim. Whatever Chat Completions
 * cannot express is dropped with a warning; field names in warnings are canonical.
 */
export function encodeOpenAIChatRequest(request: ChatRequest): EncodedChatRequest {
  const warnings: Warning[] = [];
  const body: Json = {
    model: request.model,
    messages: request.messages.flatMap((message, index) => encodeMessage(message, index, warnings)),
  };

  if (request.tools?.length) {
    body.tools = request.tools.map((tool, index) => {
      if (tool.cache) {
        warnings.push({
          type: 'unsupported-field',
          field: `tools[${index}].cache`,
          message: 'Chat Completions has no cache breakpoint on tool definitions; the hint was dropped.',
        });
      }
      return {
        type: 'function',
        function: {
          name: tool.name,
          ...(tool.description !== undefined && { description: tool.description }),
          parameters: tool.parameters,
          ...(tool.strict !== undefined && { strict: tool.strict }),
        },
      };
    });
  }
  if (request.toolChoice) {
    body.tool_choice =
      request.toolChoice.type === 'tool'
        ? { type: 'function', function: { name: request.toolChoice.name } }
        : request.toolChoice.type;
  }
  setIfDefined(body, 'parallel_tool_calls', request.parallelToolCalls);
  setIfDefined(body, 'temperature', request.temperature);
  setIfDefined(body, 'top_p', request.topP);
  // max_tokens is deprecated and refused by reasoning models; max_completion_tokens works everywhere on OpenAI.
  setIfDefined(body, 'max_completion_tokens', request.maxOutputTokens);
  setIfDefined(body, 'stop', request.stop);
  setIfDefined(body, 'seed', request.seed);
  setIfDefined(body, 'presence_penalty', request.presencePenalty);
  setIfDefined(body, 'frequency_penalty', request.frequencyPenalty);
  setIfDefined(body, 'n', request.n);
  setIfDefined(body, 'logprobs', request.logprobs);
  setIfDefined(body, 'top_logprobs', request.topLogprobs);

  if (request.responseFormat) {
    const format = request.responseFormat;
    body.response_format =
      format.type === 'json_schema'
        ? {
            type: 'json_schema',
            json_schema: {
              name: format.name,
              ...(format.description !== undefined && { description: format.description }),
              schema: format.schema,
              ...(format.strict !== undefined && { strict: format.strict }),
            },
          }
        : { type: format.type };
  }

  if (request.topK !== undefined) {
    warnings.push({ type: 'unsupported-field', field: 'topK', message: 'Chat Completions has no top_k; it was dropped.' });
  }
  if (request.reasoning) {
    setIfDefined(body, 'reasoning_effort', request.reasoning.effort);
    if (request.reasoning.budgetTokens !== undefined) {
      warnings.push({
        type: 'unsupported-field',
        field: 'reasoning.budgetTokens',
        message: 'Chat Completions takes a reasoning effort, not a token budget; the budget was dropped.',
      });
    }
    if (request.reasoning.summary !== undefined) {
      warnings.push({
        type: 'unsupported-field',
        field: 'reasoning.summary',
        message: 'Chat Completions does not return reasoning summaries; the setting was dropped.',
      });
    }
  }
  setIfDefined(body, 'user', request.user);
  setIfDefined(body, 'metadata', request.metadata);
  body.stream = request.stream;

  const extras = request.providerOptions?.[openAIChatProviderOptionsKey] ?? {};
  const { stream_options: extraStreamOptions, ...otherExtras } = extras;
  // OpenAI refuses stream_options on a non-streamed request.
  if (request.stream && (request.streamUsage !== undefined || isObject(extraStreamOptions))) {
    body.stream_options = {
      ...(isObject(extraStreamOptions) ? extraStreamOptions : {}),
      ...(request.streamUsage !== undefined && { include_usage: request.streamUsage }),
    };
  }
  // Verbatim extras never override a field the canonical request set.
  for (const [key, value] of Object.entries(otherExtras)) {
    if (!(key in body)) body[key] = value;
  }
  // Another format's verbatim extras (a Messages client's service_tier, a Responses client's store …)
  // mean nothing to a Chat Completions server: each is named, never dropped silently.
  for (const format of foreignFormatOptionKeys) {
    for (const key of Object.keys(request.providerOptions?.[format] ?? {})) {
      warnings.push({ type: 'unsupported-field', field: key, message: `Chat Completions has no equivalent of the ${format} field ${key}; it was dropped.` });
    }
  }
  return { body, warnings };
}

function encodeMessage(message: ChatMessage, index: number, warnings: Warning[]): Json[] {
  const path = `messages[${index}]`;
  switch (message.role) {
    case 'system':
    case 'developer':
      return [{ role: message.role, content: encodeTextContent(message.content, `${path}.content`, warnings) }];
    case 'user': {
      const parts = message.content.flatMap((part, partIndex) =>
        encodeUserPart(part, `${path}.content[${partIndex}]`, warnings),
      );
      const content = onlyPlainText(parts) ? (parts[0] as { text: string }).text : parts;
      return [{ role: 'user', content, ...(message.name !== undefined && { name: message.name }) }];
    }
    case 'assistant':
      return [encodeAssistantMessage(message, path, warnings)];
    case 'tool':
      // One Chat Completions tool message per result.
      return message.content.map((result, partIndex) => encodeToolResult(result, `${path}.content[${partIndex}]`, warnings));
  }
}

function encodeAssistantMessage(message: AssistantMessage, path: string, warnings: Warning[]): Json {
  const texts: Json[] = [];
  const refusals: string[] = [];
  const toolCalls: Json[] = [];
  message.content.forEach((part, partIndex) => {
    const partPath = `${path}.content[${partIndex}]`;
    switch (part.type) {
      case 'text':
        texts.push(encodeTextPart(part, partPath, warnings));
        break;
      case 'refusal':
        refusals.push(part.text);
        dropCache(part.cache, partPath, warnings);
        break;
      case 'tool-call':
        toolCalls.push({ id: part.id, type: 'function', function: { name: part.name, arguments: part.arguments } });
        dropCache(part.cache, partPath, warnings);
        break;
      case 'reasoning':
        // Chat Completions has no reasoning input: OpenAI keeps reasoning server-side.
        warnings.push({
          type: 'unsupported-field',
          field: partPath,
          message: 'Reasoning in assistant history cannot be sent through Chat Completions; it was dropped.',
        });
        break;
    }
  });
  const encoded: Json = { role: 'assistant' };
  encoded.content = texts.length === 0 ? null : onlyPlainText(texts) ? texts[0]!.text : texts;
  if (refusals.length > 0) encoded.refusal = refusals.join('');
  if (toolCalls.length > 0) encoded.tool_calls = toolCalls;
  if (message.name !== undefined) encoded.name = message.name;
  return encoded;
}

function encodeToolResult(result: ToolResultPart, path: string, warnings: Warning[]): Json {
  const texts: Json[] = [];
  result.content.forEach((part, partIndex) => {
    if (part.type === 'text') texts.push(encodeTextPart(part, `${path}.content[${partIndex}]`, warnings));
    else {
      warnings.push({
        type: 'unsupported-value',
        field: `${path}.content[${partIndex}]`,
        message: `Chat Completions tool messages carry text only; the ${part.type} part was dropped.`,
      });
    }
  });
  if (result.cache) {
    // The breakpoint belongs at the end of the result: its last text part.
    const last = texts[texts.length - 1];
    if (last) withCacheBreakpoint(last, result.cache, path, warnings);
    else dropCache(result.cache, path, warnings);
  }
  if (result.isError) {
    warnings.push({
      type: 'unsupported-field',
      field: `${path}.isError`,
      message: 'Chat Completions tool messages have no error flag; the result is sent as plain content.',
    });
  }
  const content = texts.length === 0 ? '' : onlyPlainText(texts) ? texts[0]!.text : texts;
  return { role: 'tool', tool_call_id: result.toolCallId, content };
}

function encodeTextContent(parts: TextPart[], path: string, warnings: Warning[]): string | Json[] {
  const encoded = parts.map((part, index) => encodeTextPart(part, `${path}[${index}]`, warnings));
  return onlyPlainText(encoded) ? (encoded[0]!.text as string) : encoded;
}

function encodeTextPart(part: TextPart, path: string, warnings: Warning[]): Json {
  return withCacheBreakpoint({ type: 'text', text: part.text }, part.cache, path, warnings);
}

function encodeUserPart(part: UserContentPart, path: string, warnings: Warning[]): Json[] {
  switch (part.type) {
    case 'text':
      return [encodeTextPart(part, path, warnings)];
    case 'image':
      return encodeImagePart(part, path, warnings);
    case 'audio':
      return [
        withCacheBreakpoint({ type: 'input_audio', input_audio: { data: part.data, format: part.format } }, part.cache, path, warnings),
      ];
    case 'file':
      return encodeFilePart(part, path, warnings);
  }
}

function encodeImagePart(part: ImagePart, path: string, warnings: Warning[]): Json[] {
  let url: string;
  if (part.source.type === 'url') url = part.source.url;
  else if (part.source.type === 'base64') url = formatBase64DataUrl(part.source.mediaType, part.source.data);
  else {
    warnings.push({
      type: 'unsupported-value',
      field: path,
      message: 'Chat Completions takes images by URL or data URL, not by file id; the image was dropped.',
    });
    return [];
  }
  const imageUrl: Json = { url, ...(part.detail !== undefined && { detail: part.detail }) };
  return [withCacheBreakpoint({ type: 'image_url', image_url: imageUrl }, part.cache, path, warnings)];
}

function encodeFilePart(part: FilePart, path: string, warnings: Warning[]): Json[] {
  const file: Json = {};
  if (part.source.type === 'base64') file.file_data = formatBase64DataUrl(part.source.mediaType, part.source.data);
  else if (part.source.type === 'file-id') file.file_id = part.source.fileId;
  else {
    // Fetching the URL ourselves would be an SSRF door (see DESIGN): drop and say so.
    warnings.push({
      type: 'unsupported-value',
      field: path,
      message: 'Chat Completions takes files inline or by file id, not by URL; the file was dropped.',
    });
    return [];
  }
  if (part.filename !== undefined) file.filename = part.filename;
  return [withCacheBreakpoint({ type: 'file', file }, part.cache, path, warnings)];
}

function dropCache(cache: CacheHint | undefined, path: string, warnings: Warning[]): void {
  if (!cache) return;
  warnings.push({
    type: 'unsupported-field',
    field: `${path}.cache`,
    message: 'Chat Completions has no cache breakpoint on this kind of part; the hint was dropped.',
  });
}

/** One text part with nothing else on it is sent as a plain string, the common form. */
function onlyPlainText(parts: Json[]): boolean {
  return parts.length === 1 && parts[0]!.type === 'text' && parts[0]!.prompt_cache_breakpoint === undefined;
}

function setIfDefined(body: Json, key: string, value: unknown): void {
  if (value !== undefined) body[key] = value;
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
