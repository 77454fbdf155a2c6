import { z } from 'zod';

const providerEntrySchema = z.object({
  /** The adapter id (`openai`, `mock`, …). */
  adapter: z.string().min(1),
  apiKey: z.string().optional(),
  /** Replaces the adapter's default base URL (custom_host). */
  baseURL: z.string().url().optional(),
  headers: z.record(z.string(), z.string()).optional(),
  options: z.record(z.string(), z.unknown()).optional(),
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
    providers: z.record(z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'provider slugs are lower-case letters, digits and dashes'), providerEntrySchema).default({}),
  })
  .strict();

export type GatewayConfig = z.infer<typeof gatewayConfigSchema>;
export type GatewayConfigInput = z.input<typeof gatewayConfigSchema>;
