import { z } from 'zod';

/**
 * The response cache's stores. Caching itself is switched on per routing config (`cache:
 * { mode, max_age }`, Portkey's format) or per request (`x-switchyard-cache`); this section says
 * where entries live. Without it, exact entries stay in an in-memory LRU of 1000 entries and
 * semantic mode is unavailable.
 */
export const cacheConfigSchema = z
  .object({
    /** `memory` (this process, LRU) or `redis` (shared by every instance). */
    store: z.enum(['memory', 'redis']).default('memory'),
    /** Most entries the memory store keeps; the least recently used goes first. */
    maxEntries: z.number().int().positive().default(1000),
    /** `redis://host:6379/0`; required with `store: redis`. */
    redisUrl: z.string().min(1).optional(),
    /** Prefix of every Redis key, so several gateways can share one Redis. */
    keyPrefix: z.string().default('switchyard:cache:'),
    /** Seconds an entry lives when neither the config nor the request gives `max_age`. Default 7 days. */
    defaultMaxAge: z.number().positive().optional(),
    /** Semantic mode: entries found by the embedding similarity of the last user turn. */
    semantic: z
      .object({
        /** The catalog's embeddings model, as `@provider/model` (`@openai/text-embedding-3-small`). */
        embeddingModel: z.string().regex(/^@[a-z0-9][a-z0-9-]*\/.+/, 'an embedding model is "@provider/model"'),
        /** Cosine similarity a stored prompt must reach to be served. */
        threshold: z.number().min(-1).max(1).default(0.95),
        /** Where entries persist so a restart (or another instance) rebuilds the index. */
        store: z.enum(['sqlite', 'postgres']).default('sqlite'),
        /** The SQLite file, relative to the working directory. Default `.switchyard/semantic-cache.db`. */
        path: z.string().min(1).optional(),
        /** The PostgreSQL database; required with `store: postgres`. */
        connectionString: z.string().min(1).optional(),
        schema: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]{0,62}$/, 'letters, digits and underscores, not starting with a digit').optional(),
        /** Most entries kept (oldest evicted); the in-process index searches them by brute force. */
        maxEntries: z.number().int().positive().max(20_000).default(5000),
      })
      .strict()
      .superRefine((semantic, context) => {
        if (semantic.store === 'postgres' && !semantic.connectionString) {
          context.addIssue({ code: 'custom', path: ['connectionString'], message: 'store: postgres needs a connectionString (e.g. "${DATABASE_URL}")' });
        }
      })
      .optional(),
  })
  .strict()
  .superRefine((cache, context) => {
    if (cache.store === 'redis' && !cache.redisUrl) context.addIssue({ code: 'custom', path: ['redisUrl'], message: 'store: redis needs a redisUrl (e.g. "${REDIS_URL}")' });
  });

export type CacheConfig = z.infer<typeof cacheConfigSchema>;
