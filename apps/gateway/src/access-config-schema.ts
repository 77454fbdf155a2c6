import { validateBudgets, validateScopedLimits } from '@switchyard/access';
import { z } from 'zod';

// Limits and budgets are checked by the access package's own validators, so the config file and
// the admin API accept exactly the same shapes and name the same fields in their errors.
const limitsSchema = z.record(z.string(), z.unknown()).superRefine((limits, context) => {
  try {
    validateScopedLimits(limits, 'limits');
  } catch (error) {
    context.addIssue({ code: 'custom', message: (error as Error).message });
  }
});
const budgetsSchema = z.array(z.record(z.string(), z.unknown())).superRefine((budgets, context) => {
  try {
    validateBudgets(budgets, 'budgets');
  } catch (error) {
    context.addIssue({ code: 'custom', message: (error as Error).message });
  }
});
const groupSchema = z.object({ orgId: z.string().min(1).optional(), limits: limitsSchema.optional(), budgets: budgetsSchema.optional() }).strict();

/**
 * Managed gateway keys (created through `/admin/keys`), with rate limits and budgets per key,
 * team and organisation. Keys and the spend ledger live in SQLite by default, PostgreSQL to share
 * them between instances; the hot counters in memory, or Redis so that N instances enforce one limit.
 */
export const accessConfigSchema = z
  .object({
    store: z.enum(['sqlite', 'postgres', 'memory']).default('sqlite'),
    /** The SQLite file (default `.switchyard/access.db`) or the PostgreSQL URL (`${DATABASE_URL}`). */
    url: z.string().min(1).optional(),
    /** The PostgreSQL schema for the key tables (created when missing). Default `public`. */
    schema: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]{0,62}$/, 'letters, digits and underscores, not starting with a digit').optional(),
    /** The secret keys are hashed with (`${SWITCHYARD_KEY_PEPPER}`); changing it invalidates every key. */
    pepper: z.string().min(16, 'the pepper must be at least 16 characters'),
    redis: z
      .object({
        url: z.string().min(1),
        /** When Redis is unreachable: `open` admits requests unchecked (and counts them), `closed` answers 503. */
        failMode: z.enum(['open', 'closed']).default('open'),
        /** Prefix of every Redis key, for several gateways sharing one Redis. */
        keyPrefix: z.string().optional(),
      })
      .strict()
      .optional(),
    teams: z.record(z.string(), groupSchema).default({}),
    orgs: z.record(z.string(), groupSchema.omit({ orgId: true })).default({}),
    /** Output tokens reserved for a request that sets no max_tokens; settled on the real usage. Default 1024. */
    defaultOutputReservation: z.number().int().nonnegative().optional(),
    /** How long an instance trusts a key lookup; a revoked key stops working everywhere within it. Default 500. */
    keyCacheTtlMs: z.number().int().nonnegative().max(1_000).optional(),
  })
  .strict()
  .superRefine((access, context) => {
    if (access.store === 'postgres' && !access.url) context.addIssue({ code: 'custom', path: ['url'], message: 'store: postgres needs a url (e.g. "${DATABASE_URL}")' });
  });
