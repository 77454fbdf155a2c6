import { type HttpResponse, type UpstreamError, type UpstreamErrorDescription, readUpstreamError } from '@switchyard/core';

/**
 * An Azure OpenAI error answer → UpstreamError. Azure's bodies are OpenAI's `{ error: { code,
 * message } }` with Azure codes (`DeploymentNotFound`, `content_filter`, `429`), an `innererror`
 * for Responsible AI blocks (`{ code: 'ResponsibleAIPolicyViolation', content_filter_result }`),
 * and, from the API gateway in front of it, `{ statusCode, message }` for a bad bearer token.
 * The kind follows the status (400 invalid_request, 401 authentication, 404 not_found, 429
 * rate_limit); the code is kept (`content_filter` stays `content_filter`), the body and headers
 * (`retry-after`, `apim-request-id`) travel with the error.
 * https://learn.microsoft.com/azure/ai-foundry/openai/concepts/content-filter
 */
export function mapAzureOpenAIError(response: HttpResponse): Promise<UpstreamError> {
  return readUpstreamError(response, 'azure-openai', describeAzureOpenAIErrorBody);
}

export function describeAzureOpenAIErrorBody(body: unknown): UpstreamErrorDescription | undefined {
  if (!isObject(body)) return undefined;
  const error = body.error;
  if (isObject(error)) {
    const inner = isObject(error.innererror) ? error.innererror : undefined;
    const code = textOf(error.code) ?? textOf(inner?.code);
    return {
      message: textOf(error.message),
      // A Responsible AI block answers `code: content_filter`; older versions only put it in innererror.
      code: inner?.code === 'ResponsibleAIPolicyViolation' && code !== 'content_filter' ? 'content_filter' : code,
      param: textOf(error.param),
      type: textOf(error.type),
    };
  }
  if (typeof error === 'string') return { message: error };
  return textOf(body.message) === undefined ? undefined : { message: textOf(body.message) };
}

function textOf(value: unknown): string | undefined {
  if (typeof value === 'number') return String(value);
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
