import { type HttpResponse, UpstreamError, type UpstreamErrorDescription, readUpstreamError } from '@switchyard/core';
import { anthropicErrorBodySchema, errorKindForAnthropicType } from '@switchyard/formats';
import { describeAnthropicErrorBody } from '@switchyard/provider-anthropic';
import { describeGoogleErrorBody, googleErrorKind, readGoogleErrorObject } from '@switchyard/provider-google';

/**
 * An error answer from Vertex AI → UpstreamError (provider 'vertex-ai'), Vertex's status kept.
 * Two shapes arrive: Google's `{error: {code, message, status}}` (or a one-element array of it)
 * from Vertex itself — authentication, quota, unknown models, and every Gemini error — and
 * Anthropic's `{type: 'error', error: {type, message}}` from a Claude model behind rawPredict.
 * The kind comes from the Anthropic error type or the Google status name, else from the HTTP
 * status.
 */
export async function readVertexUpstreamError(response: HttpResponse): Promise<UpstreamError> {
  const read = await readUpstreamError(response, 'vertex-ai', describeVertexErrorBody);
  const anthropic = anthropicErrorBodySchema.safeParse(read.body);
  const kind = anthropic.success
    ? errorKindForAnthropicType(anthropic.data.error.type, response.status)
    : googleErrorKind(response.status, readGoogleErrorObject(read.body));
  return new UpstreamError(read.message, {
    provider: 'vertex-ai',
    status: read.upstreamStatus,
    headers: read.headers,
    body: read.body,
    code: read.code,
    param: read.param,
    kind,
  });
}

/** Either error shape → the message, with Anthropic's error type or Google's status name as the code. */
export function describeVertexErrorBody(body: unknown): UpstreamErrorDescription | undefined {
  const anthropic = describeAnthropicErrorBody(body);
  if (anthropic) return { message: anthropic.message, code: anthropic.type };
  return describeGoogleErrorBody(body);
}
