import { z } from 'zod';
import { assistantContentPartSchema } from './content-part.js';
import { finishReasonSchema } from './finish-reason.js';
import { usageSchema } from './usage.js';

/** The canonical answer to a chat request (one choice). Upstream ids are kept, never invented. */
export const chatResponseSchema = z.object({
  id: z.string(),
  model: z.string(),
  /** Unix seconds, when the provider gives it. */
  created: z.number().optional(),
  content: z.array(assistantContentPartSchema),
  finishReason: finishReasonSchema,
  usage: usageSchema.optional(),
  systemFingerprint: z.string().nullable().optional(),
  serviceTier: z.string().nullable().optional(),
  /** Provider-specific extras with no canonical home (citations, content-filter results, …). */
  providerMetadata: z.record(z.string(), z.unknown()).optional(),
});
export type ChatResponse = z.infer<typeof chatResponseSchema>;
