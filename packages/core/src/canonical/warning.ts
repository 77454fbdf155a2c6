import { z } from 'zod';

/**
 * Something the gateway could not carry across faithfully: a field the target cannot
 * express, a default it had to fill in. Returned in the `x-switchyard-warnings` header and
 * logged — never a silent drop.
 */
export const warningSchema = z.object({
  type: z.enum(['unsupported-field', 'unsupported-value', 'default-applied', 'other']),
  /** The request field concerned, as a path in the client's format (e.g. `logit_bias`). */
  field: z.string().optional(),
  message: z.string(),
});
export type Warning = z.infer<typeof warningSchema>;
