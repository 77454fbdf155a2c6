import { type HttpResponse, type UpstreamErrorDescription, UpstreamError, readUpstreamError } from '@switchyard/core';
import { anthropicErrorBodySchema, errorKindForAnthropicType } from '@switchyard/formats';

/**
 * An Anthropic error answer → UpstreamError. The body is `{ type: 'error', error: { type,
 * message }, request_id }`; the kind comes from `error.type` (so a 529 `overloaded_error` is
 * `overloaded`, a 413 `request_too_large` is `payload_too_large`), the status stays the
 * upstream's, and the request id — from the `request-id` header or the body — is kept in the
 * error's headers so it reaches the client and the log.
 * https://docs.claude.com/en/api/errors
 */
export async function mapAnthropicError(response: HttpResponse): Promise<UpstreamError> {
  const read = await readUpstreamError(response, 'anthropic', describeAnthropicErrorBody);
  const parsed = anthropicErrorBodySchema.safeParse(read.body);
  const type = parsed.success ? parsed.data.error.type : undefined;
  const headers = { ...read.headers };
  const requestId = parsed.success ? parsed.data.request_id : undefined;
  if (headers['request-id'] === undefined && requestId) headers['request-id'] = requestId;
  return new UpstreamError(read.message, {
    provider: 'anthropic',
    status: read.upstreamStatus,
    headers,
    body: read.body,
    kind: errorKindForAnthropicType(type, read.upstreamStatus),
    code: read.code,
    // Anthropic says itself whether a retry may help (429, 5xx, 529 set it to true).
    retryable: headers['x-should-retry'] === undefined ? read.retryable : headers['x-should-retry'] === 'true',
  });
}

/** Anthropic's error body → the message and code (its `error.type`). */
export function describeAnthropicErrorBody(body: unknown): UpstreamErrorDescription | undefined {
  const parsed = anthropicErrorBodySchema.safeParse(body);
  if (!parsed.success) return undefined;
  const { type, message } = parsed.data.error;
  return { message: message ?? undefined, type };
}
