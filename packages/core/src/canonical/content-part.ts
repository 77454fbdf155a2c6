import { z } from 'zod';

/**
 * A provider-side prompt-caching hint on one part (Anthropic `cache_control`, Bedrock
 * `cachePoint`). Providers without explicit caching ignore it with a warning.
 */
export const cacheHintSchema = z.object({
  type: z.literal('ephemeral'),
  ttl: z.enum(['5m', '1h']).optional(),
});
export type CacheHint = z.infer<typeof cacheHintSchema>;

const partBase = { cache: cacheHintSchema.optional() };

/** Where binary content lives: a URL the provider fetches, inline base64, or an uploaded file id. */
export const mediaSourceSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('url'), url: z.string() }),
  z.object({ type: z.literal('base64'), mediaType: z.string(), data: z.string() }),
  z.object({ type: z.literal('file-id'), fileId: z.string() }),
]);
export type MediaSource = z.infer<typeof mediaSourceSchema>;

export const textPartSchema = z.object({ type: z.literal('text'), text: z.string(), ...partBase });
export type TextPart = z.infer<typeof textPartSchema>;

export const imagePartSchema = z.object({
  type: z.literal('image'),
  source: mediaSourceSchema,
  /** OpenAI's `detail` hint (low / high / auto); other providers ignore it. */
  detail: z.enum(['low', 'high', 'auto']).optional(),
  ...partBase,
});
export type ImagePart = z.infer<typeof imagePartSchema>;

/** A document such as a PDF. */
export const filePartSchema = z.object({
  type: z.literal('file'),
  source: mediaSourceSchema,
  mediaType: z.string().optional(),
  filename: z.string().optional(),
  ...partBase,
});
export type FilePart = z.infer<typeof filePartSchema>;

export const audioPartSchema = z.object({
  type: z.literal('audio'),
  /** base64 audio bytes */
  data: z.string(),
  format: z.string(),
  ...partBase,
});
export type AudioPart = z.infer<typeof audioPartSchema>;

export const toolCallPartSchema = z.object({
  type: z.literal('tool-call'),
  id: z.string(),
  name: z.string(),
  /** The arguments exactly as JSON text, as the model produced them (not re-serialised). */
  arguments: z.string(),
  ...partBase,
});
export type ToolCallPart = z.infer<typeof toolCallPartSchema>;

export const toolResultPartSchema = z.object({
  type: z.literal('tool-result'),
  toolCallId: z.string(),
  /** The name of the tool, where the client format carries it (Gemini needs it). */
  toolName: z.string().optional(),
  content: z.array(z.discriminatedUnion('type', [textPartSchema, imagePartSchema, filePartSchema])),
  isError: z.boolean().optional(),
  ...partBase,
});
export type ToolResultPart = z.infer<typeof toolResultPartSchema>;

/**
 * Model reasoning. `signature` (Anthropic thinking signature, Gemini thoughtSignature) and
 * `redactedData` (Anthropic redacted_thinking, OpenAI encrypted_content) must be sent back
 * unchanged on the next turn, so they are kept verbatim.
 */
export const reasoningPartSchema = z.object({
  type: z.literal('reasoning'),
  text: z.string(),
  signature: z.string().optional(),
  redactedData: z.string().optional(),
  /** Which provider produced the signature / redacted data: they only mean something there. */
  provider: z.string().optional(),
  ...partBase,
});
export type ReasoningPart = z.infer<typeof reasoningPartSchema>;

/** An assistant refusal (OpenAI `refusal`), kept apart from text so it round-trips. */
export const refusalPartSchema = z.object({ type: z.literal('refusal'), text: z.string(), ...partBase });
export type RefusalPart = z.infer<typeof refusalPartSchema>;

export const userContentPartSchema = z.discriminatedUnion('type', [
  textPartSchema,
  imagePartSchema,
  filePartSchema,
  audioPartSchema,
]);
export type UserContentPart = z.infer<typeof userContentPartSchema>;

export const assistantContentPartSchema = z.discriminatedUnion('type', [
  textPartSchema,
  toolCallPartSchema,
  reasoningPartSchema,
  refusalPartSchema,
]);
export type AssistantContentPart = z.infer<typeof assistantContentPartSchema>;
