/**
 * What went wrong, independent of any wire format. Each kind has one HTTP status; each
 * client format maps the kind to its own error `type` (see the formats package).
 */
export type ErrorKind =
  | 'invalid_request'
  | 'authentication'
  | 'permission'
  | 'not_found'
  | 'payload_too_large'
  | 'rate_limit'
  | 'timeout'
  | 'upstream'
  | 'overloaded'
  | 'unsupported'
  | 'internal';

export const statusForErrorKind: Readonly<Record<ErrorKind, number>> = {
  invalid_request: 400,
  authentication: 401,
  permission: 403,
  not_found: 404,
  payload_too_large: 413,
  rate_limit: 429,
  timeout: 504,
  upstream: 502,
  overloaded: 503,
  unsupported: 400,
  internal: 500,
};

/** The kind an upstream HTTP status means. */
export function errorKindForStatus(status: number): ErrorKind {
  if (status === 400 || status === 422) return 'invalid_request';
  if (status === 401) return 'authentication';
  if (status === 403) return 'permission';
  if (status === 404) return 'not_found';
  if (status === 408 || status === 504) return 'timeout';
  if (status === 413) return 'payload_too_large';
  if (status === 429) return 'rate_limit';
  if (status === 503 || status === 529) return 'overloaded';
  if (status >= 400 && status < 500) return 'invalid_request';
  return 'upstream';
}
