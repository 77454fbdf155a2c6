import { z } from 'zod';

export const responseFormatSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('text') }),
  z.object({ type: z.literal('json_object') }),
  z.object({
    type: z.literal('json_schema'),
    name: z.string(),
    description: z.string().optional(),
    schema: z.record(z.string(), z.unknown()),
    strict: z.boolean().optional(),
  }),
]);
export type ResponseFormat = z.infer<typeof responseFormatSchema>;

/** How much the model should think: an effort level, a token budget, or both. */
export const reasoningSettingsSchema = z.object({
  effort: z.enum(['none', 'minimal', 'low', 'medium', 'high', 'xhigh']).optional(),
  budgetTokens: z.number().int().nonnegative().optional(),
  /** Ask for reasoning summaries where the provider offers them (OpenAI Responses). */
  summary: z.enum(['auto', 'concise', 'detailed']).optional(),
});
export type ReasoningSettings = z.infer<typeof reasoningSettingsSchema>;
