import { z } from 'zod';

/**
 * The request log: one record per request and per attempt, written in batches off the request
 * path. SQLite file by default, PostgreSQL to share it between instances, memory for tests, or off.
 */
export const logsConfigSchema = z
  .object({
    store: z.enum(['sqlite', 'postgres', 'memory', 'off']).default('sqlite'),
    /** The SQLite file (default `.switchyard/logs.db`). */
    path: z.string().min(1).optional(),
    /** The PostgreSQL connection string (`${DATABASE_URL}`). */
    url: z.string().min(1).optional(),
    /** PostgreSQL schema for the log table (created when missing). */
    schema: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]{0,62}$/, 'letters, digits and underscores, not starting with a digit').optional(),
    table: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]{0,62}$/, 'letters, digits and underscores, not starting with a digit').optional(),
    /** Records older than this many days are deleted (hourly). Absent: kept forever. */
    retentionDays: z.number().positive().optional(),
    /** Keep request and response bodies in the log, with keys and `redact` patterns removed. */
    bodies: z.boolean().default(false),
    /** Regular expressions (JavaScript syntax) whose matches are replaced by [REDACTED] in logged bodies. */
    redact: z
      .array(
        z.string().superRefine((pattern, context) => {
          try {
            new RegExp(pattern);
          } catch (error) {
            context.addIssue({ code: 'custom', message: `not a regular expression: ${(error as Error).message}` });
          }
        }),
      )
      .default([]),
    /** Flush the queue when it holds this many records, or after `flushIntervalMs`. */
    batchSize: z.number().int().positive().default(1000),
    flushIntervalMs: z.number().int().positive().default(1000),
    /** Records held at most while the store is slow; beyond it records are dropped and counted. */
    maxQueue: z.number().int().positive().default(10_000),
  })
  .strict()
  .superRefine((logs, context) => {
    if (logs.store === 'postgres' && !logs.url) context.addIssue({ code: 'custom', path: ['url'], message: 'logs.store "postgres" needs a connection string in logs.url' });
  });

/** `GET /metrics` in Prometheus format; `protect` puts it behind an admin key. */
export const metricsConfigSchema = z
  .object({
    enabled: z.boolean().default(true),
    protect: z.boolean().default(false),
  })
  .strict();

/** OpenTelemetry traces over OTLP/HTTP. Without `otlpEndpoint` no spans are made. */
/** The service name spans carry when the config names none. */
export const defaultServiceName = 'switchyard';

export const tracingConfigSchema = z
  .object({
    otlpEndpoint: z.string().url().optional(),
    /** The URL spans are POSTed to, used as given (no `/v1/traces` added); wins over `otlpEndpoint`. */
    otlpTracesUrl: z.string().url().optional(),
    headers: z.record(z.string(), z.string()).default({}),
    /** The OTLP/HTTP body encoding: binary protobuf (OpenTelemetry's default) or JSON, for collectors that take only JSON. */
    protocol: z.enum(['http/protobuf', 'http/json']).default('http/protobuf'),
    /** Put request and response content on spans (off: spans carry no message text). */
    captureContent: z.boolean().default(false),
    serviceName: z.string().min(1).default(defaultServiceName),
    /** Resource attributes beyond service.name, on every export (`deployment.environment.name`, `service.version`, …). */
    resourceAttributes: z.record(z.string().min(1), z.string()).default({}),
    /** One OTLP POST may take this long before its spans count as failed. */
    timeoutMs: z.number().int().positive().default(10_000),
    /** Share of new traces recorded, 0–1 (default 1: every request). A caller's sampled traceparent is always followed. */
    sampleRatio: z.number().min(0).max(1).default(1),
  })
  .strict();

/** Model prices beyond the shipped catalog: a file written by `switchyard prices convert`. */
export const pricesConfigSchema = z
  .object({
    /** JSON array of prices in Switchyard's schema; replaces the shipped list. */
    file: z.string().min(1).optional(),
  })
  .strict();
