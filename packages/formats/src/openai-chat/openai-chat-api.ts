import { z } from 'zod';

/*
 * OpenAI Chat Completions wire types and their zod schemas.
 * https://platform.openai.com/docs/api-reference/chat/create
 *
 * Every object is loose (`z.looseObject`): the request schema keeps unknown keys so the
 * decoder can carry them (top level) or name them in a warning (nested); the response and
 * chunk schemas keep them because a gateway must not strip what a newer model adds.
 * Optional request fields also accept `null`, which several SDKs send for "not given".
 */

// ---------------------------------------------------------------------------------------
// Request
// ---------------------------------------------------------------------------------------

/** `prompt_cache_breakpoint` marks the end of a reusable prompt prefix (gpt-5.6 and later). */
export const openAIChatPromptCacheBreakpointSchema = z.looseObject({ mode: z.literal('explicit') });

const partCache = { prompt_cache_breakpoint: openAIChatPromptCacheBreakpointSchema.nullish() };

export const openAIChatTextPartSchema = z.looseObject({
  type: z.literal('text'),
  text: z.string(),
  ...partCache,
});

export const openAIChatImagePartSchema = z.looseObject({
  type: z.literal('image_url'),
  image_url: z.looseObject({
    url: z.string(),
    detail: z.enum(['auto', 'low', 'high']).nullish(),
  }),
  ...partCache,
});

export const openAIChatAudioPartSchema = z.looseObject({
  type: z.literal('input_audio'),
  input_audio: z.looseObject({ data: z.string(), format: z.string() }),
  ...partCache,
});

export const openAIChatFilePartSchema = z.looseObject({
  type: z.literal('file'),
  file: z.looseObject({
    /** A base64 data URL (`data:application/pdf;base64,...`). */
    file_data: z.string().nullish(),
    file_id: z.string().nullish(),
    filename: z.string().nullish(),
  }),
  ...partCache,
});

export const openAIChatRefusalPartSchema = z.looseObject({ type: z.literal('refusal'), refusal: z.string() });

export const openAIChatUserPartSchema = z.discriminatedUnion('type', [
  openAIChatTextPartSchema,
  openAIChatImagePartSchema,
  openAIChatAudioPartSchema,
  openAIChatFilePartSchema,
]);

export const openAIChatAssistantPartSchema = z.discriminatedUnion('type', [
  openAIChatTextPartSchema,
  openAIChatRefusalPartSchema,
]);

const textOnlyContent = z.union([z.string(), z.array(openAIChatTextPartSchema).min(1)]);

export const openAIChatToolCallParamSchema = z.looseObject({
  id: z.string(),
  /** Required by OpenAI; some OpenAI-compatible clients (Mistral's) leave it out. */
  type: z.literal('function').optional(),
  function: z.looseObject({ name: z.string(), arguments: z.string() }),
});

export const openAIChatRequestMessageSchema = z.discriminatedUnion('role', [
  z.looseObject({ role: z.literal('system'), content: textOnlyContent, name: z.string().nullish() }),
  z.looseObject({ role: z.literal('developer'), content: textOnlyContent, name: z.string().nullish() }),
  z.looseObject({
    role: z.literal('user'),
    content: z.union([z.string(), z.array(openAIChatUserPartSchema).min(1)]),
    name: z.string().nullish(),
  }),
  z.looseObject({
    role: z.literal('assistant'),
    content: z.union([z.string(), z.array(openAIChatAssistantPartSchema)]).nullish(),
    refusal: z.string().nullish(),
    name: z.string().nullish(),
    tool_calls: z.array(openAIChatToolCallParamSchema).nullish(),
    /** Reasoning sent back in history (DeepSeek `reasoning_content`, OpenRouter/vLLM `reasoning`). */
    reasoning_content: z.string().nullish(),
    reasoning: z.string().nullish(),
    audio: z.looseObject({ id: z.string() }).nullish(),
    function_call: z.looseObject({ name: z.string(), arguments: z.string() }).nullish(),
  }),
  z.looseObject({ role: z.literal('tool'), content: textOnlyContent, tool_call_id: z.string() }),
  /** Deprecated; accepted by the schema so the decoder can say so instead of "unknown role". */
  z.looseObject({ role: z.literal('function'), name: z.string(), content: z.string().nullable() }),
]);
export type OpenAIChatRequestMessage = z.infer<typeof openAIChatRequestMessageSchema>;

export const openAIChatFunctionDefinitionSchema = z.looseObject({
  name: z.string().min(1),
  description: z.string().nullish(),
  parameters: z.record(z.string(), z.unknown()).nullish(),
  strict: z.boolean().nullish(),
});

/** `type` is kept open: `custom` tools exist and newer types may come; the decoder decides. */
export const openAIChatToolSchema = z.looseObject({
  type: z.string(),
  function: openAIChatFunctionDefinitionSchema.optional(),
});

export const openAIChatToolChoiceSchema = z.union([
  z.enum(['none', 'auto', 'required']),
  z.looseObject({ type: z.literal('function'), function: z.looseObject({ name: z.string() }) }),
  /** `allowed_tools`, `custom`: no canonical home, dropped with a warning. */
  z.looseObject({ type: z.string() }),
]);

export const openAIChatResponseFormatSchema = z.discriminatedUnion('type', [
  z.looseObject({ type: z.literal('text') }),
  z.looseObject({ type: z.literal('json_object') }),
  z.looseObject({
    type: z.literal('json_schema'),
    json_schema: z.looseObject({
      name: z.string(),
      description: z.string().nullish(),
      schema: z.record(z.string(), z.unknown()).nullish(),
      strict: z.boolean().nullish(),
    }),
  }),
]);

const penalty = z.number().min(-2).max(2).nullish();

export const openAIChatRequestSchema = z.looseObject({
  model: z.string(),
  messages: z.array(openAIChatRequestMessageSchema).min(1),
  tools: z.array(openAIChatToolSchema).nullish(),
  tool_choice: openAIChatToolChoiceSchema.nullish(),
  parallel_tool_calls: z.boolean().nullish(),
  temperature: z.number().min(0).max(2).nullish(),
  top_p: z.number().min(0).max(1).nullish(),
  max_tokens: z.number().int().min(0).nullish(),
  max_completion_tokens: z.number().int().min(0).nullish(),
  stop: z.union([z.string(), z.array(z.string())]).nullish(),
  seed: z.number().int().nullish(),
  presence_penalty: penalty,
  frequency_penalty: penalty,
  // OpenAI's documented cap.
  n: z.number().int().min(1).max(128).nullish(),
  logprobs: z.boolean().nullish(),
  top_logprobs: z.number().int().min(0).max(20).nullish(),
  response_format: openAIChatResponseFormatSchema.nullish(),
  /** Any string: values the canonical model lacks (`max`) travel in providerOptions. */
  reasoning_effort: z.string().nullish(),
  user: z.string().nullish(),
  metadata: z.record(z.string(), z.string()).nullish(),
  stream: z.boolean().nullish(),
  stream_options: z.looseObject({ include_usage: z.boolean().nullish() }).nullish(),
});
export type OpenAIChatRequest = z.infer<typeof openAIChatRequestSchema>;

/** The top-level request fields that have a canonical home; every other key is carried verbatim. */
export const openAIChatMappedRequestFields: ReadonlySet<string> = new Set([
  'model',
  'messages',
  'tools',
  'tool_choice',
  'parallel_tool_calls',
  'temperature',
  'top_p',
  'max_tokens',
  'max_completion_tokens',
  'stop',
  'seed',
  'presence_penalty',
  'frequency_penalty',
  'n',
  'logprobs',
  'top_logprobs',
  'response_format',
  'reasoning_effort',
  'user',
  'metadata',
  'stream',
  'stream_options',
]);

// ---------------------------------------------------------------------------------------
// Response
// ---------------------------------------------------------------------------------------

export const openAIChatToolCallSchema = z.looseObject({
  /** DeepSeek repeats the stream `index` in non-streamed tool calls. */
  index: z.number().nullish(),
  id: z.string().nullish(),
  type: z.string().nullish(),
  function: z.looseObject({ name: z.string().nullish(), arguments: z.string().nullish() }),
});

/** Content is a string in OpenAI's answers; Mistral's magistral models answer with an array. */
export const openAIChatResponseContentSchema = z.union([z.string(), z.array(z.looseObject({ type: z.string() }))]);

export const openAIChatResponseMessageSchema = z.looseObject({
  role: z.string().nullish(),
  content: openAIChatResponseContentSchema.nullish(),
  refusal: z.string().nullish(),
  /** DeepSeek, xAI, Qwen … */
  reasoning_content: z.string().nullish(),
  /** OpenRouter, vLLM, Groq (`reasoning_format: parsed`) … */
  reasoning: z.string().nullish(),
  tool_calls: z.array(openAIChatToolCallSchema).nullish(),
  annotations: z.array(z.unknown()).nullish(),
});
export type OpenAIChatResponseMessage = z.infer<typeof openAIChatResponseMessageSchema>;

export const openAIChatUsageSchema = z.looseObject({
  prompt_tokens: z.number().nullish(),
  completion_tokens: z.number().nullish(),
  total_tokens: z.number().nullish(),
  prompt_tokens_details: z
    .looseObject({ cached_tokens: z.number().nullish(), cache_write_tokens: z.number().nullish() })
    .nullish(),
  completion_tokens_details: z.looseObject({ reasoning_tokens: z.number().nullish() }).nullish(),
  /** DeepSeek's own cache counters (it also fills prompt_tokens_details.cached_tokens). */
  prompt_cache_hit_tokens: z.number().nullish(),
});
export type OpenAIChatUsage = z.infer<typeof openAIChatUsageSchema>;

export const openAIChatChoiceSchema = z.looseObject({
  index: z.number().nullish(),
  message: openAIChatResponseMessageSchema,
  finish_reason: z.string().nullish(),
  logprobs: z.unknown().optional(),
});

export const openAIChatResponseSchema = z.looseObject({
  id: z.string(),
  object: z.string().nullish(),
  created: z.number().nullish(),
  model: z.string().nullish(),
  choices: z.array(openAIChatChoiceSchema),
  usage: openAIChatUsageSchema.nullish(),
  system_fingerprint: z.string().nullish(),
  service_tier: z.string().nullish(),
});
export type OpenAIChatResponse = z.infer<typeof openAIChatResponseSchema>;

// ---------------------------------------------------------------------------------------
// Stream chunk
// ---------------------------------------------------------------------------------------

export const openAIChatToolCallDeltaSchema = z.looseObject({
  /** Absent when a provider sends each call whole in one chunk (Mistral). */
  index: z.number().nullish(),
  id: z.string().nullish(),
  type: z.string().nullish(),
  function: z.looseObject({ name: z.string().nullish(), arguments: z.string().nullish() }).nullish(),
});

export const openAIChatDeltaSchema = z.looseObject({
  role: z.string().nullish(),
  content: z.string().nullish(),
  refusal: z.string().nullish(),
  reasoning_content: z.string().nullish(),
  reasoning: z.string().nullish(),
  tool_calls: z.array(openAIChatToolCallDeltaSchema).nullish(),
});

export const openAIChatChunkChoiceSchema = z.looseObject({
  index: z.number().nullish(),
  delta: openAIChatDeltaSchema.nullish(),
  finish_reason: z.string().nullish(),
  logprobs: z.unknown().optional(),
});

export const openAIChatChunkSchema = z.looseObject({
  id: z.string().nullish(),
  object: z.string().nullish(),
  created: z.number().nullish(),
  model: z.string().nullish(),
  system_fingerprint: z.string().nullish(),
  service_tier: z.string().nullish(),
  choices: z.array(openAIChatChunkChoiceSchema).nullish(),
  usage: openAIChatUsageSchema.nullish(),
  /** Groq reports usage here (and, in newer versions, also at the top level). */
  x_groq: z.looseObject({ usage: openAIChatUsageSchema.nullish() }).nullish(),
});
export type OpenAIChatChunk = z.infer<typeof openAIChatChunkSchema>;

// ---------------------------------------------------------------------------------------
// Error
// ---------------------------------------------------------------------------------------

/** `{ error: { message, type, param, code } }`, as an error response or a mid-stream chunk. */
export const openAIChatErrorSchema = z.looseObject({
  message: z.string().nullish(),
  type: z.string().nullish(),
  param: z.string().nullish(),
  /** A string for OpenAI; a number for some compatible servers. */
  code: z.union([z.string(), z.number()]).nullish(),
});
export type OpenAIChatError = z.infer<typeof openAIChatErrorSchema>;

export const openAIChatErrorBodySchema = z.looseObject({ error: openAIChatErrorSchema });
