import { type HttpResponse, UpstreamError } from '@switchyard/core';

/** A 2xx body that is not JSON (a proxy's page) is the upstream's fault, not the gateway's. */
export async function readOllamaJson(response: HttpResponse): Promise<unknown> {
  const text = await response.text();
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new UpstreamError('Ollama answered with a body that is not JSON.', {
      provider: 'ollama',
      status: response.status,
      headers: response.headers,
      body: text.slice(0, 1000),
      kind: 'upstream',
      retryable: false,
      cause: error,
    });
  }
}
