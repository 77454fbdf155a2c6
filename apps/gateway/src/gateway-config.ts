import { z } from 'zod';

const modelMetadataSchema = z
  .object({
    contextWindow: z.number().int().positive().optional(),
    maxOutputTokens: z.number().int().positive().optional(),
    /** USD per million tokens. */
    prices: z
      .object({
        input: z.number().nonnegative().optional(),
        output: z.number().nonnegative().optional(),
        cachedInput: z.number().nonnegative().optional(),
        cacheWrite: z.number().nonnegative().optional(),
        reasoning: z.number().nonnegative().optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

const providerEntrySchema = z
  .object({
    /** The adapter id (`openai`, `anthropic`, `mock`, …). */
    adapter: z.string().min(1),
    apiKey: z.string().optional(),
    /** Replaces the adapter's default base URL (custom_host). */
    baseURL: z.string().url().optional(),
    headers: z.record(z.string(), z.string()).optional(),
    /** Adapter-specific settings (`region` for Bedrock, `resourceName` for Azure, …). */
    options: z.record(z.string(), z.unknown()).optional(),
    /** Request params applied under the client's own (the client's values win). */
    defaultParams: z.record(z.string(), z.unknown()).optional(),
    /** What you know of this entry's models; listed by GET /v1/models. */
    models: z.record(z.string(), modelMetadataSchema).optional(),
  })
  .strict();

/**
 * Where Responses API state (`store`, `previous_response_id`, GET/DELETE /v1/responses/{id}) is
 * kept: an SQLite file by default, PostgreSQL to share it between gateway instances, or memory
 * (lost on restart).
 */
const responsesSchema = z
  .object({
    store: z.enum(['sqlite', 'postgres', 'memory']).default('sqlite'),
    /** The SQLite file, relative to the working directory. Default `.switchyard/responses.db`. */
    path: z.string().min(1).optional(),
    /** The PostgreSQL database, e.g. `${DATABASE_URL}`; required with `store: postgres`. */
    connectionString: z.string().min(1).optional(),
    /** The PostgreSQL schema for Switchyard's tables (created when missing). Default `public`. */
    schema: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]{0,62}$/, 'letters, digits and underscores, not starting with a digit').optional(),
  })
  .strict()
  .superRefine((responses, context) => {
    if (responses.store === 'postgres' && !responses.connectionString) {
      context.addIssue({ code: 'custom', path: ['connectionString'], message: 'store: postgres needs a connectionString (e.g. "${DATABASE_URL}")' });
    }
  });

/** The gateway config file (JSON or YAML). Strings may reference the environment as `${NAME}`. */
export const gatewayConfigSchema = z
  .object({
    host: z.string().optional(),
    port: z.number().int().min(0).max(65535).optional(),
    /** The provider entry for requests that name none; defaults to the built-in `mock`. */
    defaultProvider: z.string().optional(),
    /** Hosts beyond loopback that `x-switchyard-custom-host` may point at (`*.corp.example`, `10.0.0.5:11434`, or `*`). */
    allowedHosts: z.array(z.string()).default([]),
    bodyLimitBytes: z.number().int().positive().optional(),
    timeouts: z
      .object({
        connectMs: z.number().int().nonnegative().optional(),
        headersMs: z.number().int().nonnegative().optional(),
        bodyIdleMs: z.number().int().nonnegative().optional(),
      })
      .optional(),
    /** Milliseconds in-flight requests get to finish on shutdown. */
    shutdownGraceMs: z.number().int().nonnegative().default(30_000),
    /** Model aliases: a plain model name routed to `@slug/model` (`fast: "@groq/llama-3.3-70b"`). */
    aliases: z.record(z.string(), z.string().regex(/^@[a-z0-9][a-z0-9-]*\/.+/, 'an alias points at "@provider/model"')).default({}),
    /** Routing configs in Portkey's format, named so requests can send just the id in x-switchyard-config. */
    configs: z.record(z.string(), z.record(z.string(), z.unknown())).default({}),
    /** The routing config for requests that send none: an id from `configs`, or a config. */
    defaultConfig: z.union([z.string(), z.record(z.string(), z.unknown())]).optional(),
    /** Retry backoff (full jitter between 0 and min(cap, base·2^n)) and the longest retry-after honoured. */
    retry: z
      .object({
        backoffBaseMs: z.number().int().positive().optional(),
        backoffCapMs: z.number().int().positive().optional(),
        retryAfterCapMs: z.number().int().nonnegative().optional(),
      })
      .strict()
      .optional(),
    responses: responsesSchema.default({ store: 'sqlite' }),
    providers: z.record(z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'provider slugs are lower-case letters, digits and dashes'), providerEntrySchema).default({}),
  })
  .strict();

export type GatewayConfig = z.infer<typeof gatewayConfigSchema>;
export type GatewayConfigInput = z.input<typeof gatewayConfigSchema>;
