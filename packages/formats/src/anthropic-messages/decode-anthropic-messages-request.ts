import {
  InvalidRequestError,
  type AssistantContentPart,
  type CacheHint,
  type ChatMessage,
  type ChatRequest,
  type FilePart,
  type ImagePart,
  type ReasoningSettings,
  type TextPart,
  type ToolCallPart,
  type ToolDefinition,
  type ToolResultPart,
  type UserContentPart,
  type Warning,
} from '@switchyard/core';
import type { z } from 'zod';
import type { DecodedChatRequest } from '../chat-format-codec.js';
import {
  anthropicDocumentBlockParamSchema,
  anthropicImageBlockParamSchema,
  anthropicMessagesMappedRequestFields,
  anthropicMessagesRequestSchema,
  anthropicRedactedThinkingBlockParamSchema,
  anthropicTextBlockParamSchema,
  anthropicThinkingBlockParamSchema,
  anthropicToolResultBlockParamSchema,
  anthropicToolUseBlockParamSchema,
  type AnthropicCacheControl,
  type AnthropicMessagesRequest,
  type AnthropicMessageParam,
  type anthropicOutputFormatSchema,
} from './anthropic-messages-api.js';
import { anthropicMessagesProviderOptionsKey } from './encode-anthropic-messages-request.js';
import { toAnthropicInvalidRequest } from './to-anthropic-invalid-request.js';

type Block = { type: string } & Record<string, unknown>;
type Path = readonly PropertyKey[];

/** Messages' `output_config.effort` levels that have a canonical twin; `max` travels verbatim. */
const canonicalEfforts = new Set<string>(['low', 'medium', 'high']);

/** The name a json_schema response format gets: Messages has none, the canonical model needs one. */
export const anthropicOutputFormatName = 'response';

/**
 * A Messages request body → the canonical request, for the gateway's `POST /v1/messages`
 * front. Validates at the edge and throws InvalidRequestError naming the field as Anthropic
 * would (`messages.0.content.1.source.data: Field required`). tool_result blocks of a user
 * turn become a canonical tool message ahead of the rest of the turn. Top-level fields with
 * no canonical home (service_tier, container, mcp_servers, context_management, top-level
 * cache_control, adaptive thinking, effort `max`, server tools, unknown keys …) are kept
 * verbatim in `providerOptions['anthropic-messages']`, so encoding back to Messages loses
 * nothing. Warnings are returned only for what was dropped.
 */
export function decodeAnthropicMessagesRequest(body: unknown): DecodedChatRequest {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new InvalidRequestError('The request body must be a JSON object.');
  }
  const raw = body as Record<string, unknown>;
  const parsed = anthropicMessagesRequestSchema.safeParse(raw);
  if (!parsed.success) throw toAnthropicInvalidRequest(parsed.error, raw);
  const input = parsed.data;

  const warnings: Warning[] = [];
  const extras: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (!anthropicMessagesMappedRequestFields.has(key)) extras[key] = value;
  }

  const messages: ChatMessage[] = [];
  const system = decodeSystem(input.system, warnings);
  if (system) messages.push(system);
  input.messages.forEach((message, index) => messages.push(...decodeMessage(message, ['messages', index], warnings)));

  const request: ChatRequest = { model: input.model, messages, stream: input.stream ?? false, maxOutputTokens: input.max_tokens };

  const tools = decodeTools(input, extras);
  if (tools.length > 0) request.tools = tools;
  decodeToolChoice(input, request);
  if (input.temperature != null) request.temperature = input.temperature;
  if (input.top_p != null) request.topP = input.top_p;
  if (input.top_k != null) request.topK = input.top_k;
  if (input.stop_sequences != null && input.stop_sequences.length > 0) request.stop = input.stop_sequences;

  if (input.metadata != null) {
    const { user_id: userId, ...otherMetadata } = input.metadata;
    if (userId != null) request.user = userId;
    for (const key of Object.keys(otherMetadata)) {
      warnings.push({ type: 'unsupported-field', field: `metadata.${key}`, message: 'Messages metadata carries only user_id; this key was dropped.' });
    }
  }

  const reasoning = decodeReasoning(input, extras);
  if (reasoning) request.reasoning = reasoning;
  const format = input.output_config?.format ?? input.output_format;
  if (format != null) request.responseFormat = decodeOutputFormat(format, input.output_config?.format != null, warnings);

  if (Object.keys(extras).length > 0) request.providerOptions = { [anthropicMessagesProviderOptionsKey]: extras };
  return { request, warnings };
}

function decodeSystem(system: AnthropicMessagesRequest['system'], warnings: Warning[]): ChatMessage | undefined {
  if (system == null) return undefined;
  if (typeof system === 'string') return system === '' ? undefined : { role: 'system', content: [{ type: 'text', text: system }] };
  if (system.length === 0) return undefined;
  return {
    role: 'system',
    content: system.map((block, index) => {
      if (block.citations != null) warnCitations(['system', index], warnings);
      return withCache<TextPart>({ type: 'text', text: block.text }, block.cache_control);
    }),
  };
}

function decodeMessage(message: AnthropicMessageParam, path: Path, warnings: Warning[]): ChatMessage[] {
  const blocks: Block[] = typeof message.content === 'string' ? [{ type: 'text', text: message.content }] : message.content;
  if (message.role === 'assistant') {
    const content = blocks.flatMap((block, index) => decodeAssistantBlock(block, [...path, 'content', index], warnings));
    return [{ role: 'assistant', content }];
  }
  const results: ToolResultPart[] = [];
  const parts: UserContentPart[] = [];
  blocks.forEach((block, index) => {
    const blockPath = [...path, 'content', index];
    if (block.type === 'tool_result') results.push(decodeToolResult(block, blockPath, warnings));
    else parts.push(...decodeUserBlock(block, blockPath, warnings));
  });
  // Tool results answer the previous assistant turn, so the tool message comes first.
  const decoded: ChatMessage[] = [];
  if (results.length > 0) decoded.push({ role: 'tool', content: results });
  if (parts.length > 0 || results.length === 0) decoded.push({ role: 'user', content: parts });
  return decoded;
}

function decodeUserBlock(block: Block, path: Path, warnings: Warning[]): UserContentPart[] {
  switch (block.type) {
    case 'text': {
      const text = parseBlock(anthropicTextBlockParamSchema, block, path);
      if (text.citations != null) warnCitations(path, warnings);
      return [withCache<TextPart>({ type: 'text', text: text.text }, text.cache_control)];
    }
    case 'image':
      return [decodeImage(block, path)];
    case 'document': {
      const file = decodeDocument(block, path, warnings);
      return file ? [file] : [];
    }
    default:
      warnings.push({
        type: 'unsupported-value',
        field: pathText(path),
        message: `Content blocks of type '${block.type}' have no canonical equivalent; the block was dropped.`,
      });
      return [];
  }
}

function decodeImage(block: Block, path: Path): ImagePart {
  const image = parseBlock(anthropicImageBlockParamSchema, block, path);
  const source = image.source;
  const part: ImagePart = {
    type: 'image',
    source:
      source.type === 'base64'
        ? { type: 'base64', mediaType: source.media_type, data: source.data }
        : source.type === 'url'
          ? { type: 'url', url: source.url }
          : { type: 'file-id', fileId: source.file_id },
  };
  return withCache(part, image.cache_control);
}

function decodeDocument(block: Block, path: Path, warnings: Warning[]): FilePart | undefined {
  const document = parseBlock(anthropicDocumentBlockParamSchema, block, path);
  const source = document.source;
  let part: FilePart;
  switch (source.type) {
    case 'base64':
      part = { type: 'file', source: { type: 'base64', mediaType: source.media_type, data: source.data }, mediaType: source.media_type };
      break;
    case 'text':
      // Canonical files are bytes; the encoder turns text/plain base64 back into a text source.
      part = {
        type: 'file',
        source: { type: 'base64', mediaType: source.media_type, data: Buffer.from(source.data, 'utf8').toString('base64') },
        mediaType: source.media_type,
      };
      break;
    case 'url':
      // URL documents are PDFs (https://docs.claude.com/en/docs/build-with-claude/pdf-support).
      part = { type: 'file', source: { type: 'url', url: source.url }, mediaType: 'application/pdf' };
      break;
    case 'file':
      part = { type: 'file', source: { type: 'file-id', fileId: source.file_id } };
      break;
    case 'content':
      warnings.push({
        type: 'unsupported-value',
        field: pathText([...path, 'source']),
        message: 'Documents made of content blocks have no canonical equivalent; the document was dropped.',
      });
      return undefined;
  }
  if (document.title != null) part.filename = document.title;
  if (document.context != null) {
    warnings.push({ type: 'unsupported-field', field: pathText([...path, 'context']), message: 'Document context has no canonical equivalent; it was dropped.' });
  }
  if (document.citations != null) warnCitations(path, warnings);
  return withCache(part, document.cache_control);
}

function decodeToolResult(block: Block, path: Path, warnings: Warning[]): ToolResultPart {
  const result = parseBlock(anthropicToolResultBlockParamSchema, block, path);
  const content: ToolResultPart['content'] = [];
  if (typeof result.content === 'string') {
    content.push({ type: 'text', text: result.content });
  } else if (result.content != null) {
    result.content.forEach((inner, index) => {
      const innerPath = [...path, 'content', index];
      if (inner.type === 'text') {
        const text = parseBlock(anthropicTextBlockParamSchema, inner, innerPath);
        content.push(withCache<TextPart>({ type: 'text', text: text.text }, text.cache_control));
      } else if (inner.type === 'image') content.push(decodeImage(inner, innerPath));
      else if (inner.type === 'document') {
        const file = decodeDocument(inner, innerPath, warnings);
        if (file) content.push(file);
      } else {
        warnings.push({
          type: 'unsupported-value',
          field: pathText(innerPath),
          message: `Tool results of type '${inner.type}' have no canonical equivalent; the block was dropped.`,
        });
      }
    });
  }
  const part: ToolResultPart = { type: 'tool-result', toolCallId: result.tool_use_id, content };
  if (result.is_error != null) part.isError = result.is_error;
  return withCache(part, result.cache_control);
}

function decodeAssistantBlock(block: Block, path: Path, warnings: Warning[]): AssistantContentPart[] {
  switch (block.type) {
    case 'text': {
      const text = parseBlock(anthropicTextBlockParamSchema, block, path);
      if (text.citations != null) warnCitations(path, warnings);
      return [withCache<TextPart>({ type: 'text', text: text.text }, text.cache_control)];
    }
    case 'tool_use': {
      const call = parseBlock(anthropicToolUseBlockParamSchema, block, path);
      return [withCache<ToolCallPart>({ type: 'tool-call', id: call.id, name: call.name, arguments: JSON.stringify(call.input) }, call.cache_control)];
    }
    case 'thinking': {
      const thinking = parseBlock(anthropicThinkingBlockParamSchema, block, path);
      // An empty signature is the gateway's own placeholder for reasoning it could not sign for
      // this client (another provider's thoughts): there is no signature to carry.
      if (thinking.signature === '') return [{ type: 'reasoning', text: thinking.thinking, provider: 'anthropic' }];
      return [{ type: 'reasoning', text: thinking.thinking, signature: thinking.signature, provider: 'anthropic' }];
    }
    case 'redacted_thinking': {
      const redacted = parseBlock(anthropicRedactedThinkingBlockParamSchema, block, path);
      return [{ type: 'reasoning', text: '', redactedData: redacted.data, provider: 'anthropic' }];
    }
    default:
      warnings.push({
        type: 'unsupported-value',
        field: pathText(path),
        message: `Assistant blocks of type '${block.type}' have no canonical equivalent; the block was dropped.`,
      });
      return [];
  }
}

function decodeTools(input: AnthropicMessagesRequest, extras: Record<string, unknown>): ToolDefinition[] {
  const tools: ToolDefinition[] = [];
  const serverTools: unknown[] = [];
  for (const tool of input.tools ?? []) {
    if (tool.type != null && tool.type !== 'custom') {
      // Server tools (web search, code execution, bash …) run at Anthropic: carried verbatim.
      serverTools.push(tool);
      continue;
    }
    const definition: ToolDefinition = { name: tool.name, parameters: tool.input_schema ?? { type: 'object', properties: {} } };
    if (tool.description != null) definition.description = tool.description;
    if (tool.strict != null) definition.strict = tool.strict;
    if (tool.cache_control != null) definition.cache = toCacheHint(tool.cache_control);
    tools.push(definition);
  }
  if (serverTools.length > 0) extras.tools = serverTools;
  return tools;
}

function decodeToolChoice(input: AnthropicMessagesRequest, request: ChatRequest): void {
  const choice = input.tool_choice;
  if (choice == null) return;
  switch (choice.type) {
    case 'auto':
      request.toolChoice = { type: 'auto' };
      break;
    case 'any':
      request.toolChoice = { type: 'required' };
      break;
    case 'tool':
      request.toolChoice = { type: 'tool', name: choice.name };
      break;
    case 'none':
      request.toolChoice = { type: 'none' };
      break;
  }
  if ('disable_parallel_tool_use' in choice && choice.disable_parallel_tool_use != null) {
    request.parallelToolCalls = !choice.disable_parallel_tool_use;
  }
}

function decodeReasoning(input: AnthropicMessagesRequest, extras: Record<string, unknown>): ReasoningSettings | undefined {
  const reasoning: ReasoningSettings = {};
  const thinking = input.thinking;
  if (thinking != null) {
    if (thinking.type === 'enabled' && thinking.budget_tokens != null) reasoning.budgetTokens = thinking.budget_tokens;
    // `disabled` is the default; `adaptive` and whatever comes next travel verbatim.
    else if (thinking.type !== 'disabled') extras.thinking = thinking;
  }
  const config = input.output_config;
  if (config != null) {
    const { effort, format: _format, ...otherConfig } = config;
    const verbatim: Record<string, unknown> = { ...otherConfig };
    if (effort != null) {
      if (canonicalEfforts.has(effort)) reasoning.effort = effort as ReasoningSettings['effort'];
      else verbatim.effort = effort;
    }
    if (Object.keys(verbatim).length > 0) extras.output_config = verbatim;
  }
  return Object.keys(reasoning).length > 0 ? reasoning : undefined;
}

function decodeOutputFormat(format: z.infer<typeof anthropicOutputFormatSchema>, general: boolean, warnings: Warning[]): ChatRequest['responseFormat'] {
  warnings.push({
    type: 'default-applied',
    field: general ? 'output_config.format' : 'output_format',
    message: `Messages output formats have no name; '${anthropicOutputFormatName}' is used where the target needs one.`,
  });
  return { type: 'json_schema', name: anthropicOutputFormatName, schema: format.schema };
}

function parseBlock<T extends z.ZodType>(schema: T, block: Block, path: Path): z.infer<T> {
  const parsed = schema.safeParse(block);
  if (!parsed.success) throw toAnthropicInvalidRequest(parsed.error, block, path);
  return parsed.data;
}

function withCache<T extends { cache?: CacheHint }>(part: T, cacheControl: AnthropicCacheControl | null | undefined): T {
  if (cacheControl != null) part.cache = toCacheHint(cacheControl);
  return part;
}

function toCacheHint(cacheControl: AnthropicCacheControl): CacheHint {
  return cacheControl.ttl === undefined ? { type: 'ephemeral' } : { type: 'ephemeral', ttl: cacheControl.ttl };
}

function warnCitations(path: Path, warnings: Warning[]): void {
  warnings.push({ type: 'unsupported-field', field: pathText([...path, 'citations']), message: 'Citations have no canonical equivalent; they were dropped.' });
}

function pathText(path: Path): string {
  return path.map(String).join('.');
}
