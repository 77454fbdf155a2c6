import { UpstreamError } from '../errors/upstream-error.js';
import type { HttpResponse } from './http-types.js';

/**
 * Reads a 2xx answer as JSON. A body that is not JSON (a proxy's HTML page, a truncated
 * answer) is the upstream's fault, not the gateway's: it becomes a non-retryable UpstreamError
 * naming the provider, with the start of the body kept for the log.
 */
export async function readJsonAnswer(response: HttpResponse, provider: string, providerName: string): Promise<unknown> {
  const text = await response.text();
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new UpstreamError(`${providerName} answered with a body that is not JSON.`, {
      provider,
      status: response.status,
      headers: response.headers,
      body: text.slice(0, 1000),
      kind: 'upstream',
      retryable: false,
      cause: error,
    });
  }
}
