import { z } from 'zod';
import { openAIChatPromptCacheBreakpointSchema } from '../openai-chat/openai-chat-api.js';

/*
 * OpenAI Responses wire types and their zod schemas.
 * https://platform.openai.com/docs/api-reference/responses/create
 *
 * Every object is loose (`z.looseObject`): the request schemas keep unknown keys so the
 * decoder can carry them (top level) or name them in a warning (nested); the response and
 * stream-event schemas keep them because a gateway must not strip what a newer API adds.
 * Optional request fields also accept `null`, which several SDKs send for "not given".
 *
 * Input items are validated one by one (see decode-openai-responses-request.ts): an item
 * without `type` is a message (the SDK's EasyInputMessage), and item types with no canonical
 * home (web_search_call, computer_call_output, …) must pass validation to be reported as
 * dropped, which one discriminated union over `type` cannot express.
 */

// ---------------------------------------------------------------------------------------
// Request: content parts
// ---------------------------------------------------------------------------------------

const partCache = { prompt_cache_breakpoint: openAIChatPromptCacheBreakpointSchema.nullish() };

export const openAIResponsesInputTextSchema = z.looseObject({
  type: z.literal('input_text'),
  text: z.string(),
  ...partCache,
});

export const openAIResponsesInputImageSchema = z.looseObject({
  type: z.literal('input_image'),
  image_url: z.string().nullish(),
  file_id: z.string().nullish(),
  /** `original` (newer models) has no canonical value; the decoder says so. */
  detail: z.string().nullish(),
  ...partCache,
});

export const openAIResponsesInputFileSchema = z.looseObject({
  type: z.literal('input_file'),
  /** A base64 data URL (`data:application/pdf;base64,...`). */
  file_data: z.string().nullish(),
  file_id: z.string().nullish(),
  file_url: z.string().nullish(),
  filename: z.string().nullish(),
  ...partCache,
});

export const openAIResponsesInputAudioSchema = z.looseObject({
  type: z.literal('input_audio'),
  input_audio: z.looseObject({ data: z.string(), format: z.string() }),
});

export const openAIResponsesOutputTextSchema = z.looseObject({
  type: z.literal('output_text'),
  text: z.string(),
  annotations: z.array(z.unknown()).nullish(),
  logprobs: z.array(z.unknown()).nullish(),
});

export const openAIResponsesRefusalSchema = z.looseObject({ type: z.literal('refusal'), refusal: z.string() });

export const openAIResponsesUserPartSchema = z.discriminatedUnion('type', [
  openAIResponsesInputTextSchema,
  openAIResponsesInputImageSchema,
  openAIResponsesInputFileSchema,
  openAIResponsesInputAudioSchema,
]);
export type OpenAIResponsesUserPart = z.infer<typeof openAIResponsesUserPartSchema>;

/** Assistant history: what an earlier answer said (output_text, refusal), or plain input_text. */
export const openAIResponsesAssistantPartSchema = z.discriminatedUnion('type', [
  openAIResponsesOutputTextSchema,
  openAIResponsesRefusalSchema,
  openAIResponsesInputTextSchema,
]);
export type OpenAIResponsesAssistantPart = z.infer<typeof openAIResponsesAssistantPartSchema>;

export const openAIResponsesToolOutputPartSchema = z.discriminatedUnion('type', [
  openAIResponsesInputTextSchema,
  openAIResponsesInputImageSchema,
  openAIResponsesInputFileSchema,
]);
export type OpenAIResponsesToolOutputPart = z.infer<typeof openAIResponsesToolOutputPartSchema>;

// ---------------------------------------------------------------------------------------
// Request: input items
// ---------------------------------------------------------------------------------------

const messageBase = {
  /** Optional on the EasyInputMessage form; the decoder fills it in before validation. */
  type: z.literal('message'),
  id: z.string().nullish(),
  status: z.string().nullish(),
};
const instructionContent = z.union([z.string(), z.array(z.discriminatedUnion('type', [openAIResponsesInputTextSchema]))]);

export const openAIResponsesMessageItemSchema = z.discriminatedUnion('role', [
  z.looseObject({ ...messageBase, role: z.literal('user'), content: z.union([z.string(), z.array(openAIResponsesUserPartSchema)]) }),
  z.looseObject({ ...messageBase, role: z.literal('system'), content: instructionContent }),
  z.looseObject({ ...messageBase, role: z.literal('developer'), content: instructionContent }),
  z.looseObject({
    ...messageBase,
    role: z.literal('assistant'),
    content: z.union([z.string(), z.array(openAIResponsesAssistantPartSchema)]),
    /** `commentary` / `final_answer` (gpt-5.x): no canonical home, dropped with a warning. */
    phase: z.string().nullish(),
  }),
]);
export type OpenAIResponsesMessageItem = z.infer<typeof openAIResponsesMessageItemSchema>;

export const openAIResponsesFunctionCallItemSchema = z.looseObject({
  type: z.literal('function_call'),
  call_id: z.string(),
  name: z.string(),
  arguments: z.string(),
  id: z.string().nullish(),
  status: z.string().nullish(),
});
export type OpenAIResponsesFunctionCallItem = z.infer<typeof openAIResponsesFunctionCallItemSchema>;

export const openAIResponsesFunctionCallOutputItemSchema = z.looseObject({
  type: z.literal('function_call_output'),
  call_id: z.string(),
  output: z.union([z.string(), z.array(openAIResponsesToolOutputPartSchema)]),
  id: z.string().nullish(),
  status: z.string().nullish(),
});
export type OpenAIResponsesFunctionCallOutputItem = z.infer<typeof openAIResponsesFunctionCallOutputItemSchema>;

export const openAIResponsesSummaryTextSchema = z.looseObject({ type: z.literal('summary_text'), text: z.string() });
export const openAIResponsesReasoningTextSchema = z.looseObject({ type: z.literal('reasoning_text'), text: z.string() });

export const openAIResponsesReasoningItemSchema = z.looseObject({
  type: z.literal('reasoning'),
  id: z.string().nullish(),
  summary: z.array(openAIResponsesSummaryTextSchema),
  encrypted_content: z.string().nullish(),
  /** Raw reasoning text (open-weight models, vLLM); OpenAI's own models send summaries only. */
  content: z.array(openAIResponsesReasoningTextSchema).nullish(),
  status: z.string().nullish(),
});
export type OpenAIResponsesReasoningItem = z.infer<typeof openAIResponsesReasoningItemSchema>;

export const openAIResponsesItemReferenceSchema = z.looseObject({ type: z.literal('item_reference'), id: z.string() });

/** Only the shape every item shares; each is then validated by its own schema. */
export const openAIResponsesInputItemShapeSchema = z.looseObject({ type: z.string().nullish() });

// ---------------------------------------------------------------------------------------
// Request: tools, text, reasoning, top level
// ---------------------------------------------------------------------------------------

export const openAIResponsesFunctionToolSchema = z.looseObject({
  type: z.literal('function'),
  name: z.string().min(1),
  description: z.string().nullish(),
  parameters: z.record(z.string(), z.unknown()).nullish(),
  strict: z.boolean().nullish(),
});
export type OpenAIResponsesFunctionTool = z.infer<typeof openAIResponsesFunctionToolSchema>;

/** `type` is kept open: hosted tools (web_search, file_search, mcp, custom …) are carried verbatim. */
export const openAIResponsesToolShapeSchema = z.looseObject({ type: z.string() });

export const openAIResponsesToolChoiceSchema = z.union([
  z.enum(['none', 'auto', 'required']),
  z.looseObject({ type: z.literal('function'), name: z.string() }),
  /** allowed_tools, hosted tool types, mcp, custom: carried verbatim for a Responses upstream. */
  z.looseObject({ type: z.string() }),
]);

export const openAIResponsesTextFormatSchema = z.discriminatedUnion('type', [
  z.looseObject({ type: z.literal('text') }),
  z.looseObject({ type: z.literal('json_object') }),
  z.looseObject({
    type: z.literal('json_schema'),
    name: z.string(),
    schema: z.record(z.string(), z.unknown()).nullish(),
    description: z.string().nullish(),
    strict: z.boolean().nullish(),
  }),
]);

export const openAIResponsesTextConfigSchema = z.looseObject({
  format: openAIResponsesTextFormatSchema.nullish(),
  verbosity: z.string().nullish(),
});

export const openAIResponsesReasoningConfigSchema = z.looseObject({
  /** Any string: levels the canonical model lacks travel verbatim. */
  effort: z.string().nullish(),
  summary: z.string().nullish(),
});

export const openAIResponsesRequestSchema = z.looseObject({
  model: z.string(),
  input: z.union([z.string(), z.array(openAIResponsesInputItemShapeSchema)]).nullish(),
  instructions: z.string().nullish(),
  tools: z.array(openAIResponsesToolShapeSchema).nullish(),
  tool_choice: openAIResponsesToolChoiceSchema.nullish(),
  parallel_tool_calls: z.boolean().nullish(),
  temperature: z.number().min(0).max(2).nullish(),
  top_p: z.number().min(0).max(1).nullish(),
  max_output_tokens: z.number().int().min(0).nullish(),
  top_logprobs: z.number().int().min(0).max(20).nullish(),
  text: openAIResponsesTextConfigSchema.nullish(),
  reasoning: openAIResponsesReasoningConfigSchema.nullish(),
  include: z.array(z.string()).nullish(),
  store: z.boolean().nullish(),
  previous_response_id: z.string().nullish(),
  metadata: z.record(z.string(), z.string()).nullish(),
  user: z.string().nullish(),
  safety_identifier: z.string().nullish(),
  stream: z.boolean().nullish(),
  stream_options: z.looseObject({ include_obfuscation: z.boolean().nullish() }).nullish(),
  truncation: z.string().nullish(),
  service_tier: z.string().nullish(),
  prompt_cache_key: z.string().nullish(),
});
export type OpenAIResponsesRequest = z.infer<typeof openAIResponsesRequestSchema>;

/**
 * Top-level request fields with a canonical home. `text`, `reasoning`, `tools` and
 * `tool_choice` are mapped where they can be; what the canonical model cannot hold of them
 * (verbosity, hosted tools …) is carried verbatim beside it. Every other key is carried whole.
 */
export const openAIResponsesMappedRequestFields: ReadonlySet<string> = new Set([
  'model',
  'input',
  'instructions',
  'tools',
  'tool_choice',
  'parallel_tool_calls',
  'temperature',
  'top_p',
  'max_output_tokens',
  'top_logprobs',
  'text',
  'reasoning',
  'metadata',
  'user',
  'stream',
]);

// ---------------------------------------------------------------------------------------
// Response
// ---------------------------------------------------------------------------------------

export const openAIResponsesOutputMessageSchema = z.looseObject({
  type: z.literal('message'),
  id: z.string().nullish(),
  role: z.string().nullish(),
  status: z.string().nullish(),
  /** output_text and refusal; other part types are kept verbatim in metadata. */
  content: z.array(z.looseObject({ type: z.string() })),
});
export type OpenAIResponsesOutputMessage = z.infer<typeof openAIResponsesOutputMessageSchema>;

export const openAIResponsesOutputFunctionCallSchema = z.looseObject({
  type: z.literal('function_call'),
  id: z.string().nullish(),
  call_id: z.string(),
  name: z.string(),
  arguments: z.string(),
  status: z.string().nullish(),
});

export const openAIResponsesOutputReasoningSchema = z.looseObject({
  type: z.literal('reasoning'),
  id: z.string().nullish(),
  summary: z.array(z.looseObject({ type: z.string(), text: z.string() })).nullish(),
  encrypted_content: z.string().nullish(),
  content: z.array(z.looseObject({ type: z.string(), text: z.string() })).nullish(),
  status: z.string().nullish(),
});

export const openAIResponsesOutputItemShapeSchema = z.looseObject({ type: z.string() });
export type OpenAIResponsesOutputItemShape = z.infer<typeof openAIResponsesOutputItemShapeSchema>;

export const openAIResponsesUsageSchema = z.looseObject({
  input_tokens: z.number().nullish(),
  input_tokens_details: z
    .looseObject({ cached_tokens: z.number().nullish(), cache_write_tokens: z.number().nullish() })
    .nullish(),
  output_tokens: z.number().nullish(),
  output_tokens_details: z.looseObject({ reasoning_tokens: z.number().nullish() }).nullish(),
  total_tokens: z.number().nullish(),
});
export type OpenAIResponsesUsage = z.infer<typeof openAIResponsesUsageSchema>;

/** A failed response's `error`: `{ code, message }`. */
export const openAIResponsesResponseErrorSchema = z.looseObject({
  code: z.string().nullish(),
  message: z.string().nullish(),
});

export const openAIResponsesResponseSchema = z.looseObject({
  id: z.string(),
  object: z.string().nullish(),
  created_at: z.number().nullish(),
  /** completed / incomplete / failed / in_progress / queued / cancelled */
  status: z.string().nullish(),
  model: z.string().nullish(),
  output: z.array(openAIResponsesOutputItemShapeSchema),
  usage: openAIResponsesUsageSchema.nullish(),
  incomplete_details: z.looseObject({ reason: z.string().nullish() }).nullish(),
  error: openAIResponsesResponseErrorSchema.nullish(),
  service_tier: z.string().nullish(),
});
export type OpenAIResponsesResponse = z.infer<typeof openAIResponsesResponseSchema>;

/** Response keys with a canonical home; the rest (the request echo, billing, content_filters …) is kept as metadata. */
export const openAIResponsesMappedResponseFields: ReadonlySet<string> = new Set([
  'id',
  'object',
  'created_at',
  'status',
  'model',
  'output',
  'usage',
  'incomplete_details',
  'error',
  'service_tier',
  // Derived by the SDKs from `output`; never on OpenAI's wire, but some servers echo it.
  'output_text',
]);

// ---------------------------------------------------------------------------------------
// Stream events
// https://platform.openai.com/docs/api-reference/responses-streaming
// ---------------------------------------------------------------------------------------

const sequenced = { sequence_number: z.number().nullish() };

/** Lifecycle events of compatible servers and gateways may carry a sparse response (no id, no output yet). */
export const openAIResponsesLifecycleResponseSchema = openAIResponsesResponseSchema.extend({
  id: z.string().nullish(),
  output: z.array(openAIResponsesOutputItemShapeSchema).nullish(),
});
export type OpenAIResponsesLifecycleResponse = z.infer<typeof openAIResponsesLifecycleResponseSchema>;

const lifecycleEvent = <T extends string>(type: T) =>
  z.looseObject({ type: z.literal(type), response: openAIResponsesLifecycleResponseSchema, ...sequenced });

const outputItemEvent = <T extends string>(type: T) =>
  z.looseObject({ type: z.literal(type), output_index: z.number(), item: openAIResponsesOutputItemShapeSchema, ...sequenced });

const deltaEvent = <T extends string>(type: T) =>
  z.looseObject({ type: z.literal(type), output_index: z.number(), item_id: z.string().nullish(), delta: z.string(), ...sequenced });

export const openAIResponsesStreamEventSchema = z.discriminatedUnion('type', [
  lifecycleEvent('response.created'),
  lifecycleEvent('response.queued'),
  lifecycleEvent('response.in_progress'),
  lifecycleEvent('response.completed'),
  lifecycleEvent('response.incomplete'),
  lifecycleEvent('response.failed'),
  outputItemEvent('response.output_item.added'),
  outputItemEvent('response.output_item.done'),
  deltaEvent('response.output_text.delta'),
  deltaEvent('response.refusal.delta'),
  deltaEvent('response.function_call_arguments.delta'),
  deltaEvent('response.reasoning_summary_text.delta'),
  deltaEvent('response.reasoning_text.delta'),
  z.looseObject({
    type: z.literal('response.reasoning_summary_part.added'),
    output_index: z.number(),
    summary_index: z.number(),
    ...sequenced,
  }),
  /**
   * A mid-stream error. The SDK's type puts code / message / param at the top level; OpenAI
   * and Azure send them nested under `error` as well (the SDKs throw on that key).
   */
  z.looseObject({
    type: z.literal('error'),
    code: z.string().nullish(),
    message: z.string().nullish(),
    param: z.string().nullish(),
    error: z.unknown().optional(),
    ...sequenced,
  }),
]);
export type OpenAIResponsesStreamEvent = z.infer<typeof openAIResponsesStreamEventSchema>;

/** The event types the decoder maps; any other (web_search_call.*, audio, …) carries nothing canonical. */
export const openAIResponsesDecodedEventTypes: ReadonlySet<string> = new Set(
  openAIResponsesStreamEventSchema.options.map((option) => option.shape.type.value),
);
