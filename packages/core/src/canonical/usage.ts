import { z } from 'zod';

/**
 * Token usage, normalised. `input` counts every prompt token including cached ones;
 * `cachedInput` and `cacheWrite` are the parts of it read from / written to a prompt cache;
 * `reasoning` is the part of `output` spent thinking. `raw` is the provider's own object.
 */
export const usageSchema = z.object({
  input: z.number(),
  output: z.number(),
  cachedInput: z.number().optional(),
  cacheWrite: z.number().optional(),
  reasoning: z.number().optional(),
  total: z.number(),
  raw: z.unknown().optional(),
});
export type Usage = z.infer<typeof usageSchema>;
