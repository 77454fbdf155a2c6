import { z } from 'zod';
import { accessConfigSchema } from './access-config-schema.js';
import { cacheConfigSchema } from './cache-config-schema.js';
import { logsConfigSchema, metricsConfigSchema, pricesConfigSchema, tracingConfigSchema } from './observability-config-schema.js';

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

/** Upstream deadlines in milliseconds; 0 switches one off. */
const timeoutsSchema = z
  .object({
    /** Until the TCP/TLS connection is up. */
    connectMs: z.number().int().nonnegative().optional(),
    /** Until the response status and headers arrived (first byte). */
    headersMs: z.number().int().nonnegative().optional(),
    /** Longest silence between two chunks of the response body. */
    bodyIdleMs: z.number().int().nonnegative().optional(),
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
    /** Upstream deadlines for this entry, over the gateway-wide `timeouts`. */
    timeouts: timeoutsSchema.optional(),
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
    /**
     * Stored responses older than this many days are deleted (at start, then hourly), as OpenAI
     * keeps a stored response 30 days; `forever` keeps every one. Default 30.
     */
    retentionDays: z.union([z.number().positive(), z.literal('forever')]).default(30),
  })
  .strict()
  .superRefine((responses, context) => {
    if (responses.store === 'postgres' && !responses.connectionString) {
      context.addIssue({ code: 'custom', path: ['connectionString'], message: 'store: postgres needs a connectionString (e.g. "${DATABASE_URL}")' });
    }
  });

/**
 * Where the gateway keeps uploads for providers that have a batch API but no files API
 * (Anthropic): a directory (content streamed to disk), or memory (lost on restart; tests).
 */
const filesSchema = z
  .object({
    store: z.enum(['disk', 'memory']).default('disk'),
    /** The directory, relative to the working directory. Default: `files/` beside the SQLite response store (`.switchyard/files`). */
    dir: z.string().min(1).optional(),
  })
  .strict();

/** The gateway config file (JSON or YAML). Strings may reference the environment as `${NAME}`. */
export const gatewayConfigSchema = z
  .object({
    host: z.string().optional(),
    port: z.number().int().min(0).max(65535).optional(),
    /** Processes serving the port (`switchyard serve`, node:cluster): a number, or `auto` for one per core. Default 1. */
    workers: z.union([z.number().int().positive(), z.literal('auto')]).optional(),
    /** The provider entry for requests that name none; defaults to the built-in `mock`. */
    defaultProvider: z.string().optional(),
    /** Third-party adapter packages loaded at start: package names (`@acme/switchyard-provider-foo`) or paths relative to the config file (`./local/adapter`). */
    plugins: z.array(z.string().min(1)).default([]),
    /** Hosts beyond loopback that `x-switchyard-custom-host` may point at (`*.corp.example`, `10.0.0.5:11434`, or `*`). */
    allowedHosts: z.array(z.string()).default([]),
    /**
     * The gateway's own API keys (use `${ENV}` references): when any is set, every route but
     * `GET /health` requires one, as a bearer token, `x-api-key` or `x-switchyard-api-key`.
     */
    apiKeys: z.array(z.string().min(16, 'a gateway API key must be at least 16 characters')).default([]),
    /** Managed gateway keys with rate limits and budgets (see the README's "Keys, limits and budgets"). */
    access: accessConfigSchema.optional(),
    /** Response cache stores (memory LRU or Redis) and semantic mode; see the README's Caching section. */
    cache: cacheConfigSchema.optional(),
    /** Named guardrail sets in Portkey's guardrail format, referred to by id from configs' `input_guardrails` / `output_guardrails`; see docs/guardrails.md. */
    guardrails: z.record(z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'guardrail set ids are letters, digits, dots, dashes and underscores'), z.record(z.string(), z.unknown())).default({}),
    /** The request log, metrics, traces and model prices; see the README's "Logs, costs and metrics". */
    logs: logsConfigSchema.prefault({}),
    metrics: metricsConfigSchema.prefault({}),
    tracing: tracingConfigSchema.optional(),
    prices: pricesConfigSchema.optional(),
    /** Keys that open the admin API (`/admin/keys`), sent as `x-switchyard-admin-key` or a bearer token. */
    adminKeys: z.array(z.string().min(16, 'an admin key must be at least 16 characters')).default([]),
    bodyLimitBytes: z.number().int().positive().optional(),
    /** Largest upload streamed through (audio, images, files, proxied /v1/* paths); default 512 MiB. Past it: 413. */
    uploadLimitBytes: z.number().int().positive().optional(),
    /** Upstream deadlines for every provider (defaults: connect 10 s, first byte 600 s, idle 300 s). */
    timeouts: timeoutsSchema.optional(),
    /** Most open connections to one upstream origin; requests beyond it wait for a free one. Default 128. */
    upstreamConnections: z.number().int().positive().max(65_536).default(128),
    /** Slowloris guards: how long a client may take over its headers, its whole request, and silences in its body. */
    clientTimeouts: z
      .object({
        headersMs: z.number().int().positive().optional(),
        requestMs: z.number().int().nonnegative().optional(),
        bodyIdleMs: z.number().int().nonnegative().optional(),
      })
      .strict()
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
    responses: responsesSchema.prefault({}),
    files: filesSchema.default({ store: 'disk' }),
    providers: z.record(z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'provider slugs are lower-case letters, digits and dashes'), providerEntrySchema).default({}),
  })
  .strict();

export type GatewayConfig = z.infer<typeof gatewayConfigSchema>;
export type GatewayConfigInput = z.input<typeof gatewayConfigSchema>;
