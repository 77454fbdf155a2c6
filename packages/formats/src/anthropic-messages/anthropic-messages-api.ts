import { z } from 'zod';

/*
 * Anthropic Messages wire types and their zod schemas.
 * https://docs.claude.com/en/api/messages
 * https://docs.claude.com/en/docs/build-with-claude/streaming
 *
 * Every object is loose (`z.looseObject`): the request schema keeps unknown keys so the
 * decoder can carry them (top level) or name them in a warning; the response and event
 * schemas keep them because a gateway must not strip what a newer API version adds.
 * Content blocks are validated in two steps — `{ type }` first, then the schema of that
 * type — so a block type this gateway does not know yet (server tools, search results …)
 * is reported by name instead of failing the whole union.
 */

// ---------------------------------------------------------------------------------------
// Request
// ---------------------------------------------------------------------------------------

export const anthropicCacheControlSchema = z.looseObject({
  type: z.literal('ephemeral'),
  ttl: z.enum(['5m', '1h']).optional(),
});
export type AnthropicCacheControl = z.infer<typeof anthropicCacheControlSchema>;

const cacheControl = { cache_control: anthropicCacheControlSchema.nullish() };

export const anthropicTextBlockParamSchema = z.looseObject({
  type: z.literal('text'),
  text: z.string(),
  citations: z.array(z.unknown()).nullish(),
  ...cacheControl,
});

export const anthropicImageSourceSchema = z.discriminatedUnion('type', [
  z.looseObject({ type: z.literal('base64'), media_type: z.string(), data: z.string() }),
  z.looseObject({ type: z.literal('url'), url: z.string() }),
  /** Files API (beta `files-api-2025-04-14`). */
  z.looseObject({ type: z.literal('file'), file_id: z.string() }),
]);

export const anthropicImageBlockParamSchema = z.looseObject({
  type: z.literal('image'),
  source: anthropicImageSourceSchema,
  ...cacheControl,
});

export const anthropicDocumentSourceSchema = z.discriminatedUnion('type', [
  z.looseObject({ type: z.literal('base64'), media_type: z.string(), data: z.string() }),
  /** Plain text given inline (not base64). */
  z.looseObject({ type: z.literal('text'), media_type: z.string(), data: z.string() }),
  z.looseObject({ type: z.literal('url'), url: z.string() }),
  z.looseObject({ type: z.literal('content'), content: z.union([z.string(), z.array(z.unknown())]) }),
  z.looseObject({ type: z.literal('file'), file_id: z.string() }),
]);

export const anthropicDocumentBlockParamSchema = z.looseObject({
  type: z.literal('document'),
  source: anthropicDocumentSourceSchema,
  title: z.string().nullish(),
  context: z.string().nullish(),
  citations: z.unknown().optional(),
  ...cacheControl,
});

export const anthropicToolUseBlockParamSchema = z.looseObject({
  type: z.literal('tool_use'),
  id: z.string(),
  name: z.string(),
  input: z.record(z.string(), z.unknown()),
  ...cacheControl,
});

/** A content block of unknown type, kept as sent. */
export const anthropicAnyBlockSchema = z.looseObject({ type: z.string() });

export const anthropicToolResultBlockParamSchema = z.looseObject({
  type: z.literal('tool_result'),
  tool_use_id: z.string(),
  content: z.union([z.string(), z.array(anthropicAnyBlockSchema)]).nullish(),
  is_error: z.boolean().nullish(),
  ...cacheControl,
});

export const anthropicThinkingBlockParamSchema = z.looseObject({
  type: z.literal('thinking'),
  thinking: z.string(),
  signature: z.string(),
});

export const anthropicRedactedThinkingBlockParamSchema = z.looseObject({
  type: z.literal('redacted_thinking'),
  data: z.string(),
});

export const anthropicMessageParamSchema = z.looseObject({
  role: z.enum(['user', 'assistant']),
  content: z.union([z.string(), z.array(anthropicAnyBlockSchema)]),
});
export type AnthropicMessageParam = z.infer<typeof anthropicMessageParamSchema>;

/** A custom tool has no `type` (or `custom`); server tools (`web_search_20250305`, `bash_…`) name theirs. */
export const anthropicToolSchema = z.looseObject({
  type: z.string().nullish(),
  name: z.string().min(1),
  description: z.string().nullish(),
  input_schema: z.record(z.string(), z.unknown()).nullish(),
  /** Strict tool use (structured outputs). */
  strict: z.boolean().nullish(),
  ...cacheControl,
});
export type AnthropicTool = z.infer<typeof anthropicToolSchema>;

const disableParallel = { disable_parallel_tool_use: z.boolean().nullish() };

export const anthropicToolChoiceSchema = z.discriminatedUnion('type', [
  z.looseObject({ type: z.literal('auto'), ...disableParallel }),
  z.looseObject({ type: z.literal('any'), ...disableParallel }),
  z.looseObject({ type: z.literal('tool'), name: z.string(), ...disableParallel }),
  z.looseObject({ type: z.literal('none') }),
]);
export type AnthropicToolChoice = z.infer<typeof anthropicToolChoiceSchema>;

/** `adaptive` (the model decides how much to think) exists on newer models; kept open. */
export const anthropicThinkingConfigSchema = z.looseObject({
  type: z.string(),
  budget_tokens: z.number().int().nullish(),
});

/** Structured outputs: `output_config.format` (GA) or the older beta `output_format`. */
export const anthropicOutputFormatSchema = z.looseObject({
  type: z.literal('json_schema'),
  schema: z.record(z.string(), z.unknown()),
});

export const anthropicOutputConfigSchema = z.looseObject({
  effort: z.string().nullish(),
  format: anthropicOutputFormatSchema.nullish(),
});

export const anthropicMessagesRequestSchema = z.looseObject({
  model: z.string().min(1),
  messages: z.array(anthropicMessageParamSchema),
  max_tokens: z.number().int().min(1),
  system: z.union([z.string(), z.array(anthropicTextBlockParamSchema)]).nullish(),
  metadata: z.looseObject({ user_id: z.string().nullish() }).nullish(),
  stop_sequences: z.array(z.string()).nullish(),
  stream: z.boolean().nullish(),
  temperature: z.number().min(0).max(1).nullish(),
  top_p: z.number().min(0).max(1).nullish(),
  top_k: z.number().int().min(0).nullish(),
  tools: z.array(anthropicToolSchema).nullish(),
  tool_choice: anthropicToolChoiceSchema.nullish(),
  thinking: anthropicThinkingConfigSchema.nullish(),
  output_config: anthropicOutputConfigSchema.nullish(),
  output_format: anthropicOutputFormatSchema.nullish(),
});
export type AnthropicMessagesRequest = z.infer<typeof anthropicMessagesRequestSchema>;

/** Top-level request fields the decoder maps to canonical ones; every other key travels verbatim. */
export const anthropicMessagesMappedRequestFields: ReadonlySet<string> = new Set([
  'model',
  'messages',
  'max_tokens',
  'system',
  'metadata',
  'stop_sequences',
  'stream',
  'temperature',
  'top_p',
  'top_k',
  'tools',
  'tool_choice',
  'thinking',
  'output_config',
  'output_format',
]);

// ---------------------------------------------------------------------------------------
// Response
// ---------------------------------------------------------------------------------------

export const anthropicUsageSchema = z.looseObject({
  input_tokens: z.number().nullish(),
  output_tokens: z.number().nullish(),
  cache_creation_input_tokens: z.number().nullish(),
  cache_read_input_tokens: z.number().nullish(),
  /** The cache writes split by TTL. */
  cache_creation: z
    .looseObject({
      ephemeral_5m_input_tokens: z.number().nullish(),
      ephemeral_1h_input_tokens: z.number().nullish(),
    })
    .nullish(),
  service_tier: z.string().nullish(),
});
export type AnthropicUsage = z.infer<typeof anthropicUsageSchema>;

export const anthropicTextBlockSchema = z.looseObject({
  type: z.literal('text'),
  text: z.string(),
  citations: z.array(z.unknown()).nullish(),
});
export const anthropicToolUseBlockSchema = z.looseObject({
  type: z.literal('tool_use'),
  id: z.string(),
  name: z.string(),
  input: z.unknown(),
});
export const anthropicThinkingBlockSchema = z.looseObject({
  type: z.literal('thinking'),
  thinking: z.string(),
  signature: z.string().nullish(),
});
export const anthropicRedactedThinkingBlockSchema = z.looseObject({
  type: z.literal('redacted_thinking'),
  data: z.string(),
});

export const anthropicMessageSchema = z.looseObject({
  id: z.string(),
  type: z.literal('message').optional(),
  role: z.literal('assistant').optional(),
  model: z.string(),
  content: z.array(anthropicAnyBlockSchema),
  stop_reason: z.string().nullish(),
  stop_sequence: z.string().nullish(),
  usage: anthropicUsageSchema.nullish(),
});
export type AnthropicMessage = z.infer<typeof anthropicMessageSchema>;

// ---------------------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------------------

export const anthropicErrorObjectSchema = z.looseObject({ type: z.string(), message: z.string().nullish() });
export type AnthropicErrorObject = z.infer<typeof anthropicErrorObjectSchema>;

/** `{ type: 'error', error: { type, message }, request_id? }` — the body of every error answer. */
export const anthropicErrorBodySchema = z.looseObject({
  type: z.literal('error').optional(),
  error: anthropicErrorObjectSchema,
  request_id: z.string().nullish(),
});
export type AnthropicErrorBody = z.infer<typeof anthropicErrorBodySchema>;

// ---------------------------------------------------------------------------------------
// Stream events
// ---------------------------------------------------------------------------------------

/** message_start carries the message with empty content; the docs' example omits usage. */
export const anthropicMessageStartEventSchema = z.looseObject({
  type: z.literal('message_start'),
  message: z.looseObject({
    id: z.string(),
    model: z.string(),
    usage: anthropicUsageSchema.nullish(),
  }),
});

export const anthropicContentBlockStartEventSchema = z.looseObject({
  type: z.literal('content_block_start'),
  index: z.number().int(),
  content_block: anthropicAnyBlockSchema,
});

export const anthropicContentBlockDeltaSchema = z.discriminatedUnion('type', [
  z.looseObject({ type: z.literal('text_delta'), text: z.string() }),
  z.looseObject({ type: z.literal('input_json_delta'), partial_json: z.string() }),
  z.looseObject({ type: z.literal('thinking_delta'), thinking: z.string() }),
  z.looseObject({ type: z.literal('signature_delta'), signature: z.string() }),
  z.looseObject({ type: z.literal('citations_delta'), citation: z.unknown() }),
]);

export const anthropicContentBlockDeltaEventSchema = z.looseObject({
  type: z.literal('content_block_delta'),
  index: z.number().int(),
  /** Unknown delta types are checked by the decoder, not refused here. */
  delta: anthropicAnyBlockSchema,
});

export const anthropicContentBlockStopEventSchema = z.looseObject({
  type: z.literal('content_block_stop'),
  index: z.number().int(),
});

/** `usage` is cumulative: output_tokens so far, and (since 2025) the input and cache counts again. */
export const anthropicMessageDeltaEventSchema = z.looseObject({
  type: z.literal('message_delta'),
  delta: z.looseObject({ stop_reason: z.string().nullish(), stop_sequence: z.string().nullish() }),
  usage: anthropicUsageSchema.nullish(),
});

export const anthropicMessageStopEventSchema = z.looseObject({ type: z.literal('message_stop') });
export const anthropicPingEventSchema = z.looseObject({ type: z.literal('ping') });
export const anthropicErrorEventSchema = z.looseObject({ type: z.literal('error'), error: anthropicErrorObjectSchema });

export const anthropicStreamEventSchema = z.discriminatedUnion('type', [
  anthropicMessageStartEventSchema,
  anthropicContentBlockStartEventSchema,
  anthropicContentBlockDeltaEventSchema,
  anthropicContentBlockStopEventSchema,
  anthropicMessageDeltaEventSchema,
  anthropicMessageStopEventSchema,
  anthropicPingEventSchema,
  anthropicErrorEventSchema,
]);
export type AnthropicStreamEvent = z.infer<typeof anthropicStreamEventSchema>;

/** The stream event types this codec knows; others (added by a newer API) are skipped. */
export const anthropicStreamEventTypes: ReadonlySet<string> = new Set([
  'message_start',
  'content_block_start',
  'content_block_delta',
  'content_block_stop',
  'message_delta',
  'message_stop',
  'ping',
  'error',
]);
