import { z } from 'zod';

export const unifiedFinishReasonSchema = z.enum(['stop', 'length', 'tool-calls', 'content-filter', 'error', 'other']);
export type UnifiedFinishReason = z.infer<typeof unifiedFinishReasonSchema>;

/** Why generation ended: the normalised reason and the provider's own word for it. */
export const finishReasonSchema = z.object({
  unified: unifiedFinishReasonSchema,
  raw: z.string().nullable(),
});
export type FinishReason = z.infer<typeof finishReasonSchema>;
