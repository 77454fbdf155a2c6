import type { RoutingSuccess } from '@switchyard/router';

/**
 * Which option of the config answered and after how many retries. Clients that spoke Portkey's
 * header API also get Portkey's names, so their tooling keeps working.
 */
export function routingResponseHeaders(requestHeaders: Readonly<Record<string, string>>, outcome: RoutingSuccess<unknown>): Record<string, string> {
  const headers: Record<string, string> = {
    'x-switchyard-last-used-option-index': outcome.target.path,
    'x-switchyard-retry-count': String(outcome.retryCount),
    'x-switchyard-attempt-count': String(outcome.attempts.length),
  };
  if (usesPortkeyHeaders(requestHeaders)) {
    headers['x-portkey-last-used-option-index'] = outcome.target.path;
    headers['x-portkey-retry-attempt-count'] = String(outcome.retryCount);
  }
  return headers;
}

export function usesPortkeyHeaders(headers: Readonly<Record<string, string>>): boolean {
  for (const name in headers) if (name.startsWith('x-portkey-')) return true;
  return false;
}
