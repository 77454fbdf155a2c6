import { type HttpResponse, UpstreamError, readUpstreamError } from '@switchyard/core';

/**
 * An Ollama error answer → UpstreamError. Native errors are `{ "error": "<text>" }` (the
 * OpenAI-compatible endpoint answers OpenAI's `{ error: { message, type } }`; core's default
 * reader knows both); the kind follows the status: 400 invalid_request, 401 authentication
 * (Ollama's cloud API), 404 not_found — a model that is not pulled, coded `model_not_found` —
 * and 500 upstream ("the model failed to generate a response", out of memory …).
 * https://github.com/ollama/ollama/blob/main/docs/api.md#errors
 */
export async function mapOllamaError(response: HttpResponse): Promise<UpstreamError> {
  const read = await readUpstreamError(response, 'ollama');
  if (response.status !== 404 || read.code !== undefined || !/model .*not found/i.test(read.message)) return read;
  return new UpstreamError(read.message, {
    provider: 'ollama',
    status: read.upstreamStatus,
    headers: read.headers,
    body: read.body,
    code: 'model_not_found',
  });
}
