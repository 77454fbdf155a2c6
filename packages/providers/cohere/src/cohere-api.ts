import { z } from 'zod';

/*
 * The Cohere Chat v2 wire format (`POST /v2/chat`).
 * https://docs.cohere.com/reference/chat and https://docs.cohere.com/reference/chat-stream
 *
 * Request types are plain types: the adapter builds them. Response schemas are loose
 * (`z.looseObject`): unknown keys a newer API version adds are kept, never stripped.
 */

// ---------------------------------------------------------------- request

export interface CohereTextContent {
  type: 'text';
  text: string;
}

export interface CohereImageContent {
  type: 'image_url';
  /** A base64 data URI or a web URL; Cohere fetches the URL itself. */
  image_url: { url: string; detail?: 'auto' | 'low' | 'high' };
}

export interface CohereThinkingContent {
  type: 'thinking';
  thinking: string;
}

export interface CohereDocumentContent {
  type: 'document';
  document: { data: Record<string, unknown>; id?: string };
}

export interface CohereToolCall {
  id: string;
  type: 'function';
  /** `arguments` is the JSON text of the arguments, as in OpenAI's format. */
  function: { name: string; arguments: string };
}

export type CohereMessage =
  | { role: 'system'; content: string | CohereTextContent[] }
  | { role: 'user'; content: string | Array<CohereTextContent | CohereImageContent> }
  | {
      role: 'assistant';
      content?: string | Array<CohereTextContent | CohereThinkingContent>;
      /** The plan the model wrote before calling tools; sent back with the calls it led to. */
      tool_plan?: string;
      tool_calls?: CohereToolCall[];
      citations?: unknown[];
    }
  | { role: 'tool'; tool_call_id: string; content: string | Array<CohereTextContent | CohereDocumentContent> };

export interface CohereTool {
  type: 'function';
  function: { name: string; description?: string; parameters: Record<string, unknown> };
}

export type CohereResponseFormat = { type: 'text' } | { type: 'json_object'; json_schema?: Record<string, unknown> };

export interface CohereThinking {
  type: 'enabled' | 'disabled';
  token_budget?: number;
}

export interface CohereChatRequest {
  model: string;
  messages: CohereMessage[];
  stream: boolean;
  tools?: CohereTool[];
  strict_tools?: boolean;
  /** Only REQUIRED and NONE exist; leaving it out lets the model choose. */
  tool_choice?: 'REQUIRED' | 'NONE';
  response_format?: CohereResponseFormat;
  max_tokens?: number;
  stop_sequences?: string[];
  temperature?: number;
  seed?: number;
  frequency_penalty?: number;
  presence_penalty?: number;
  k?: number;
  p?: number;
  thinking?: CohereThinking;
  /** documents, citation_options, safety_mode, priority … come from providerOptions.cohere. */
  [key: string]: unknown;
}

// ---------------------------------------------------------------- response

export const cohereToolCallSchema = z.looseObject({
  id: z.string().nullish(),
  type: z.string().nullish(),
  function: z
    .looseObject({
      name: z.string().nullish(),
      arguments: z.string().nullish(),
    })
    .nullish(),
});

export const cohereContentItemSchema = z.looseObject({
  type: z.string(),
  text: z.string().nullish(),
  thinking: z.string().nullish(),
});
export type CohereContentItem = z.infer<typeof cohereContentItemSchema>;

/**
 * Token counts. `tokens` are what the model processed (input includes `cached_tokens`, the
 * prompt tokens served from Cohere's cache); `billed_units` are what is charged, usually far
 * fewer (Cohere does not bill its own prompt template).
 */
export const cohereUsageSchema = z.looseObject({
  billed_units: z
    .looseObject({
      input_tokens: z.number().nullish(),
      output_tokens: z.number().nullish(),
      search_units: z.number().nullish(),
      classifications: z.number().nullish(),
    })
    .nullish(),
  tokens: z
    .looseObject({
      input_tokens: z.number().nullish(),
      output_tokens: z.number().nullish(),
    })
    .nullish(),
  cached_tokens: z.number().nullish(),
});
export type CohereUsage = z.infer<typeof cohereUsageSchema>;

export const cohereAssistantMessageSchema = z.looseObject({
  role: z.string().nullish(),
  content: z.array(cohereContentItemSchema).nullish(),
  tool_plan: z.string().nullish(),
  tool_calls: z.array(cohereToolCallSchema).nullish(),
  citations: z.array(z.unknown()).nullish(),
});

export const cohereChatResponseSchema = z.looseObject({
  id: z.string(),
  finish_reason: z.string().nullish(),
  message: cohereAssistantMessageSchema.nullish(),
  usage: cohereUsageSchema.nullish(),
  logprobs: z.array(z.unknown()).nullish(),
});
export type CohereChatResponse = z.infer<typeof cohereChatResponseSchema>;

/** `{ message }`, sometimes with an `id` (https://docs.cohere.com/reference/errors). */
export const cohereErrorBodySchema = z.looseObject({
  message: z.string().nullish(),
  id: z.string().nullish(),
});

// ---------------------------------------------------------------- stream

const cohereContentDeltaSchema = z.looseObject({ type: z.string().nullish(), text: z.string().nullish(), thinking: z.string().nullish() });

/**
 * One stream event: `event: <type>` + `data: {"type": <type>, …}`, ended by `data: [DONE]`.
 * All event payloads share this loose shape; the decoder reads what each type carries.
 */
export const cohereStreamEventSchema = z.looseObject({
  type: z.string().nullish(),
  id: z.string().nullish(),
  index: z.number().nullish(),
  delta: z
    .looseObject({
      message: z
        .looseObject({
          role: z.string().nullish(),
          // One block on content-start / content-delta; message-start sends an empty list.
          content: z.union([cohereContentDeltaSchema, z.array(z.unknown())]).nullish(),
          tool_plan: z.string().nullish(),
          // One call on tool-call-start / tool-call-delta, despite the plural name; message-start sends a list.
          tool_calls: z.union([cohereToolCallSchema, z.array(z.unknown())]).nullish(),
          // A single citation on citation-start.
          citations: z.unknown().optional(),
        })
        .nullish(),
      finish_reason: z.string().nullish(),
      error: z.string().nullish(),
      usage: cohereUsageSchema.nullish(),
    })
    .nullish(),
  message: z.string().nullish(),
});
export type CohereStreamEvent = z.infer<typeof cohereStreamEventSchema>;
