import { type ErrorKind, type HttpResponse, UpstreamError, type UpstreamErrorDescription, readUpstreamError } from '@switchyard/core';
import { cohereErrorBodySchema } from './cohere-api.js';

/**
 * Cohere's statuses whose meaning differs from the generic mapping
 * (https://docs.cohere.com/reference/errors): 498 is an invalid or expired key; 499 means the
 * request was cancelled on Cohere's side (not a fault of the request, worth another attempt);
 * 501 is a feature the model does not offer.
 */
const kindByStatus: Readonly<Record<number, ErrorKind>> = {
  498: 'authentication',
  499: 'upstream',
  501: 'unsupported',
};

/**
 * An error answer from Cohere → UpstreamError. Bodies are `{ message }` or `{ id, message }`
 * (the id is a trace id, not a code: it stays in the error's body for the log). The client keeps
 * Cohere's status.
 */
export async function mapCohereError(response: HttpResponse): Promise<UpstreamError> {
  const read = await readUpstreamError(response, 'cohere', describeCohereErrorBody);
  const kind = kindByStatus[response.status];
  if (kind === undefined) return read;
  return new UpstreamError(read.message, {
    provider: 'cohere',
    status: read.upstreamStatus,
    headers: read.headers,
    body: read.body,
    code: read.code,
    kind,
    // A cancelled request may go through on another attempt; a feature the model lacks never will.
    retryable: response.status === 499,
  });
}

/** `{ message, id? }` → the message. */
export function describeCohereErrorBody(body: unknown): UpstreamErrorDescription | undefined {
  const parsed = cohereErrorBodySchema.safeParse(body);
  if (!parsed.success || typeof parsed.data.message !== 'string' || parsed.data.message === '') return undefined;
  return { message: parsed.data.message };
}
