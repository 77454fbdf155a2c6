import { z } from 'zod';

/** A function tool the model may call; `parameters` is a JSON Schema object. */
export const toolDefinitionSchema = z.object({
  name: z.string().min(1),
  description: z.string().optional(),
  parameters: z.record(z.string(), z.unknown()),
  strict: z.boolean().optional(),
  cache: z.object({ type: z.literal('ephemeral'), ttl: z.enum(['5m', '1h']).optional() }).optional(),
});
export type ToolDefinition = z.infer<typeof toolDefinitionSchema>;

export const toolChoiceSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('auto') }),
  z.object({ type: z.literal('none') }),
  z.object({ type: z.literal('required') }),
  z.object({ type: z.literal('tool'), name: z.string() }),
]);
export type ToolChoice = z.infer<typeof toolChoiceSchema>;
