import { z } from 'zod';
import { chatMessageSchema } from './chat-message.js';
import { reasoningSettingsSchema, responseFormatSchema } from './response-format.js';
import { toolChoiceSchema, toolDefinitionSchema } from './tool.js';

/**
 * The canonical chat request: richer than any one wire format so that translating between
 * formats loses as little as possible. Whatever has no canonical home travels in
 * `providerOptions`, keyed by provider id (or by wire format for format-level extras).
 */
export const chatRequestSchema = z.object({
  model: z.string().min(1),
  messages: z.array(chatMessageSchema),
  tools: z.array(toolDefinitionSchema).optional(),
  toolChoice: toolChoiceSchema.optional(),
  parallelToolCalls: z.boolean().optional(),
  temperature: z.number().optional(),
  topP: z.number().optional(),
  topK: z.number().optional(),
  maxOutputTokens: z.number().int().optional(),
  stop: z.array(z.string()).optional(),
  seed: z.number().int().optional(),
  presencePenalty: z.number().optional(),
  frequencyPenalty: z.number().optional(),
  /** Number of choices; only 1 is supported when translating. */
  n: z.number().int().optional(),
  logprobs: z.boolean().optional(),
  topLogprobs: z.number().int().optional(),
  responseFormat: responseFormatSchema.optional(),
  reasoning: reasoningSettingsSchema.optional(),
  /** End-user id for the provider's abuse monitoring (OpenAI `user`). */
  user: z.string().optional(),
  metadata: z.record(z.string(), z.string()).optional(),
  stream: z.boolean(),
  /** The client asked for a final usage event in the stream (OpenAI `stream_options.include_usage`). */
  streamUsage: z.boolean().optional(),
  providerOptions: z.record(z.string(), z.record(z.string(), z.unknown())).optional(),
});
export type ChatRequest = z.infer<typeof chatRequestSchema>;
