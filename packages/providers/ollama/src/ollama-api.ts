import { z } from 'zod';

/**
 * Ollama's native API wire types. https://github.com/ollama/ollama/blob/main/docs/api.md
 * Response schemas are loose (`z.looseObject`): fields a newer Ollama adds are kept.
 */

// ---------------------------------------------------------------------------------------
// Request (what the adapter sends; typed, not validated)
// ---------------------------------------------------------------------------------------

export interface OllamaToolCall {
  /** Ollama 0.12+ names its calls; older servers send none. */
  id?: string;
  function: { index?: number; name: string; arguments: Record<string, unknown> };
}

export interface OllamaMessage {
  role: 'system' | 'user' | 'assistant' | 'tool';
  content: string;
  /** Base64 image bytes, no data-URL prefix: the only image form Ollama takes. */
  images?: string[];
  /** The model's reasoning on an assistant turn, sent back on the next turn. */
  thinking?: string;
  tool_calls?: OllamaToolCall[];
  /** On a tool result: the tool it answers, by name (what Ollama's templates use) and by call id. */
  tool_name?: string;
  tool_call_id?: string;
}

export interface OllamaTool {
  type: 'function';
  function: { name: string; description?: string; parameters: Record<string, unknown> };
}

/** Model options (Modelfile parameters) sent per request. */
export interface OllamaOptions {
  temperature?: number;
  top_p?: number;
  top_k?: number;
  num_predict?: number;
  stop?: string[];
  seed?: number;
  presence_penalty?: number;
  frequency_penalty?: number;
  [option: string]: unknown;
}

export type OllamaThink = boolean | 'low' | 'medium' | 'high' | 'max';

export interface OllamaChatRequest {
  model: string;
  messages: OllamaMessage[];
  tools?: OllamaTool[];
  /** `'json'` or a JSON schema. */
  format?: 'json' | Record<string, unknown>;
  options?: OllamaOptions;
  think?: OllamaThink;
  /** Ollama streams unless told otherwise, so the adapter always says. */
  stream: boolean;
  keep_alive?: string | number;
  logprobs?: boolean;
  top_logprobs?: number;
  [field: string]: unknown;
}

// ---------------------------------------------------------------------------------------
// Response: `/api/chat` answers and stream chunks share one shape
// ---------------------------------------------------------------------------------------

export const ollamaToolCallSchema = z.looseObject({
  id: z.string().nullish(),
  function: z.looseObject({
    index: z.number().nullish(),
    name: z.string(),
    /** An object on Ollama; a JSON string from some proxies in front of it. */
    arguments: z.union([z.record(z.string(), z.unknown()), z.string()]).nullish(),
  }),
});
export type OllamaResponseToolCall = z.infer<typeof ollamaToolCallSchema>;

export const ollamaResponseMessageSchema = z.looseObject({
  role: z.string().nullish(),
  content: z.string().nullish(),
  thinking: z.string().nullish(),
  tool_calls: z.array(ollamaToolCallSchema).nullish(),
  images: z.array(z.string()).nullish(),
});

export const ollamaChatResponseSchema = z.looseObject({
  model: z.string().nullish(),
  created_at: z.string().nullish(),
  message: ollamaResponseMessageSchema.nullish(),
  done: z.boolean().nullish(),
  /** `stop`, `length`, and `load` / `unload` for model (un)loading calls. */
  done_reason: z.string().nullish(),
  total_duration: z.number().nullish(),
  load_duration: z.number().nullish(),
  /** Omitted when 0 (a prompt served entirely from the KV cache). */
  prompt_eval_count: z.number().nullish(),
  prompt_eval_duration: z.number().nullish(),
  eval_count: z.number().nullish(),
  eval_duration: z.number().nullish(),
});
export type OllamaChatResponse = z.infer<typeof ollamaChatResponseSchema>;

/** Every Ollama error, as a whole answer or as a line of a stream. */
export const ollamaErrorSchema = z.looseObject({ error: z.string() });

// ---------------------------------------------------------------------------------------
// GET /api/tags
// ---------------------------------------------------------------------------------------

export const ollamaTagsResponseSchema = z.looseObject({
  models: z.array(
    z.looseObject({
      name: z.string(),
      model: z.string().nullish(),
      modified_at: z.string().nullish(),
      size: z.number().nullish(),
      digest: z.string().nullish(),
      details: z.looseObject({}).nullish(),
    }),
  ),
});
export type OllamaTagsResponse = z.infer<typeof ollamaTagsResponseSchema>;
