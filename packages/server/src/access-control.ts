import type { Usage } from '@switchyard/core';

/**
 * Managed gateway keys, rate limits and budgets, as the handler calls them. The server defines
 * the shape; the gateway app passes an implementation (packages/access), so the server depends on
 * no store or Redis client.
 */
export interface AccessControl {
  /** Whether the headers present a managed key (no I/O: asked before the body is read). */
  presentsKey(headers: Readonly<Record<string, string>>): boolean;
  /** Accepts the managed key (removing it from the headers) or throws an AuthenticationError. */
  authenticate(headers: Record<string, string>): Promise<AccessSession>;
  /** Serves `/admin/keys…` (the handler has checked the admin key); undefined for anything else. */
  admin?(request: { method: string; path: string; body: Uint8Array }): Promise<{ status: number; body: unknown } | undefined>;
}

export interface AccessSession {
  keyId: string;
  /** The routing config used when the request names none. */
  defaultConfig?: string;
  /** Throws (403) when the key may not use this provider entry or model; called for each resolved target. */
  authorizeTarget(slug: string, model: string): void;
  /** Checks and reserves every limit and budget (throws 429 / 503), before the route runs. */
  admit(request: { traceId: string; model?: string; inputTokens: number; maxOutputTokens?: number }): Promise<AccessAdmission>;
}

export interface AccessAdmission {
  /** `x-ratelimit-*` headers for the response. */
  headers: Record<string, string>;
  /** Called once when the response is complete (a stream's last byte, or its abandonment). */
  settle(outcome: {
    status: number;
    provider?: string;
    modelRequested?: string;
    modelAnswered?: string;
    usage?: Usage;
    incomplete?: boolean;
    bytesOut: number;
  }): Promise<void>;
}

const outputTokenFields = ['max_tokens', 'max_completion_tokens', 'max_output_tokens'] as const;

/**
 * What admission needs from a JSON body: the model, a token estimate (four bytes a token; the
 * reservation is settled on the real usage afterwards) and the output cap. Parsed only for
 * requests under a managed key; a body that is not JSON (uploads) counts by its size alone.
 */
export function readAdmissionRequest(traceId: string, body: Uint8Array, contentType: string | undefined) {
  const inputTokens = Math.ceil(body.length / 4);
  if (body.length === 0 || !contentType?.includes('json')) return { traceId, inputTokens };
  try {
    const parsed = JSON.parse(new TextDecoder().decode(body)) as Record<string, unknown>;
    const model = typeof parsed.model === 'string' ? parsed.model : undefined;
    const cap = outputTokenFields.map((field) => parsed[field]).find((value) => typeof value === 'number' && value >= 0) as number | undefined;
    return { traceId, model, inputTokens, maxOutputTokens: cap };
  } catch {
    return { traceId, inputTokens }; // the route reports the bad JSON
  }
}
