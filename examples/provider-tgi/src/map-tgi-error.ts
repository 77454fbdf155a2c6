import { type HttpResponse, type UpstreamError, readUpstreamError } from '@switchyard/core';

/**
 * A TGI error answer → UpstreamError. Bodies are `{ error, error_type }`; the kind follows the
 * status: 422 validation (a prompt too long, a bad parameter) is an invalid request, 429 (a
 * full queue) is throttling the client may retry, 424 (generation failed) and 5xx are upstream errors.
 */
export function mapTgiError(response: HttpResponse): Promise<UpstreamError> {
  return readUpstreamError(response, 'tgi');
}
