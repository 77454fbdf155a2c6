import { z } from 'zod';

// Wire types of the Bedrock Converse API
// (https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_Converse.html).
// Content blocks are unions keyed by their single member (`{ text }`, `{ toolUse }`, …), not by a
// `type` field. Response schemas are loose: a field AWS adds later is kept, not stripped.

// ---------------------------------------------------------------------------------------
// Request (built by the adapter, so plain types)
// ---------------------------------------------------------------------------------------

export interface BedrockCachePoint {
  cachePoint: { type: 'default'; ttl?: '5m' | '1h' };
}

export type BedrockSource = { bytes: string } | { s3Location: { uri: string; bucketOwner?: string } };

export interface BedrockImageBlock {
  image: { format: 'png' | 'jpeg' | 'gif' | 'webp'; source: BedrockSource };
}

export interface BedrockDocumentBlock {
  document: { format: string; name: string; source: BedrockSource };
}

export type BedrockToolResultContent = { text: string } | { json: unknown } | BedrockImageBlock | BedrockDocumentBlock;

export type BedrockReasoningContent =
  | { reasoningText: { text: string; signature?: string } }
  | { redactedContent: string };

export type BedrockRequestContentBlock =
  | { text: string }
  | BedrockImageBlock
  | BedrockDocumentBlock
  | { toolUse: { toolUseId: string; name: string; input: unknown } }
  | { toolResult: { toolUseId: string; content: BedrockToolResultContent[]; status?: 'success' | 'error' } }
  | { reasoningContent: BedrockReasoningContent }
  | BedrockCachePoint;

export interface BedrockMessage {
  role: 'user' | 'assistant';
  content: BedrockRequestContentBlock[];
}

export type BedrockSystemBlock = { text: string } | BedrockCachePoint;

export interface BedrockToolSpecification {
  toolSpec: { name: string; description?: string; inputSchema: { json: Record<string, unknown> }; strict?: boolean };
}

export interface BedrockToolConfig {
  tools: Array<BedrockToolSpecification | BedrockCachePoint>;
  toolChoice?: { auto: Record<string, never> } | { any: Record<string, never> } | { tool: { name: string } };
}

export interface BedrockInferenceConfig {
  maxTokens?: number;
  temperature?: number;
  topP?: number;
  stopSequences?: string[];
}

/** Native structured output (GA 2026): the model's text answer conforms to the schema. */
export interface BedrockOutputConfig {
  textFormat: {
    type: 'json_schema';
    structure: { jsonSchema: { schema: string; name?: string; description?: string } };
  };
}

/** The body of POST /model/{modelId}/converse and /converse-stream (the model id is in the path). */
export interface BedrockConverseRequest {
  messages: BedrockMessage[];
  system?: BedrockSystemBlock[];
  inferenceConfig?: BedrockInferenceConfig;
  toolConfig?: BedrockToolConfig;
  additionalModelRequestFields?: Record<string, unknown>;
  outputConfig?: BedrockOutputConfig;
  requestMetadata?: Record<string, string>;
  [field: string]: unknown;
}

// ---------------------------------------------------------------------------------------
// Response
// ---------------------------------------------------------------------------------------

export const bedrockUsageSchema = z.looseObject({
  inputTokens: z.number().nullish(),
  outputTokens: z.number().nullish(),
  totalTokens: z.number().nullish(),
  cacheReadInputTokens: z.number().nullish(),
  cacheWriteInputTokens: z.number().nullish(),
  /** Older name of the same counters, still sent beside the new ones by some models. */
  cacheReadInputTokenCount: z.number().nullish(),
  cacheWriteInputTokenCount: z.number().nullish(),
});
export type BedrockUsage = z.infer<typeof bedrockUsageSchema>;

export const bedrockReasoningContentSchema = z.looseObject({
  reasoningText: z.looseObject({ text: z.string().nullish(), signature: z.string().nullish() }).nullish(),
  /** Base64 of the encrypted reasoning (Anthropic redacted_thinking). */
  redactedContent: z.string().nullish(),
});

export const bedrockResponseContentBlockSchema = z.looseObject({
  text: z.string().nullish(),
  toolUse: z.looseObject({ toolUseId: z.string(), name: z.string(), input: z.unknown() }).nullish(),
  reasoningContent: bedrockReasoningContentSchema.nullish(),
});
export type BedrockResponseContentBlock = z.infer<typeof bedrockResponseContentBlockSchema>;

export const bedrockServiceTierSchema = z.looseObject({ type: z.string() });

export const bedrockConverseResponseSchema = z.looseObject({
  output: z.looseObject({
    message: z.looseObject({ role: z.string().nullish(), content: z.array(bedrockResponseContentBlockSchema) }).nullish(),
  }),
  stopReason: z.string(),
  usage: bedrockUsageSchema.nullish(),
  metrics: z.looseObject({ latencyMs: z.number().nullish() }).nullish(),
  additionalModelResponseFields: z.unknown().optional(),
  trace: z.unknown().optional(),
  performanceConfig: z.unknown().optional(),
  serviceTier: bedrockServiceTierSchema.nullish(),
});
export type BedrockConverseResponse = z.infer<typeof bedrockConverseResponseSchema>;

// ---------------------------------------------------------------------------------------
// ConverseStream events: the payload of each event-stream message, named by its `:event-type`
// header. Every payload may carry a random-length `p` padding field (against traffic analysis);
// it is not part of the API and is ignored.
// ---------------------------------------------------------------------------------------

export const bedrockMessageStartSchema = z.looseObject({ role: z.string().nullish() });

export const bedrockContentBlockStartSchema = z.looseObject({
  contentBlockIndex: z.number(),
  start: z
    .looseObject({
      toolUse: z.looseObject({ toolUseId: z.string(), name: z.string() }).nullish(),
    })
    .nullish(),
});

export const bedrockContentBlockDeltaSchema = z.looseObject({
  contentBlockIndex: z.number(),
  delta: z.looseObject({
    text: z.string().nullish(),
    toolUse: z.looseObject({ input: z.string().nullish() }).nullish(),
    reasoningContent: z
      .looseObject({ text: z.string().nullish(), signature: z.string().nullish(), redactedContent: z.string().nullish() })
      .nullish(),
  }),
});

export const bedrockContentBlockStopSchema = z.looseObject({ contentBlockIndex: z.number() });

export const bedrockMessageStopSchema = z.looseObject({
  stopReason: z.string(),
  additionalModelResponseFields: z.unknown().optional(),
});

export const bedrockStreamMetadataSchema = z.looseObject({
  usage: bedrockUsageSchema.nullish(),
  metrics: z.looseObject({ latencyMs: z.number().nullish() }).nullish(),
  trace: z.unknown().optional(),
  performanceConfig: z.unknown().optional(),
  serviceTier: bedrockServiceTierSchema.nullish(),
});

/** The payload of a `:message-type: exception` message (`:exception-type` names it). */
export const bedrockStreamExceptionSchema = z.looseObject({
  message: z.string().nullish(),
  Message: z.string().nullish(),
  /** modelStreamErrorException: what the model itself answered. */
  originalStatusCode: z.number().nullish(),
  originalMessage: z.string().nullish(),
});

// ---------------------------------------------------------------------------------------
// Errors: the type is in the `x-amzn-ErrorType` header (`ValidationException:http://internal…`),
// the body is `{ message }` (or `{ Message }`, and `__type` from some AWS front ends).
// ---------------------------------------------------------------------------------------

export const bedrockErrorBodySchema = z.looseObject({
  message: z.string().nullish(),
  Message: z.string().nullish(),
  __type: z.string().nullish(),
});
