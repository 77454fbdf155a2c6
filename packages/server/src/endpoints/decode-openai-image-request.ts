import { type ImageGenerationRequest, InvalidRequestError } from '@switchyard/core';

const known = new Set(['model', 'prompt', 'n', 'size', 'quality', 'style', 'response_format', 'output_format', 'background', 'user']);

/** OpenAI's `POST /v1/images/generations` body to the canonical request, with 400s naming the field at fault. */
export function decodeOpenAIImageRequest(body: Record<string, unknown>): ImageGenerationRequest {
  if (typeof body.prompt !== 'string' || body.prompt.trim() === '') {
    throw new InvalidRequestError(
      body.prompt === undefined ? "Missing required parameter: 'prompt'." : "Invalid value for 'prompt': expected a non-empty string.",
      { param: 'prompt' },
    );
  }
  const request: ImageGenerationRequest = { model: String(body.model ?? ''), prompt: body.prompt, extra: {} };
  if (body.n !== undefined && body.n !== null) {
    if (typeof body.n !== 'number' || !Number.isInteger(body.n) || body.n < 1) throw new InvalidRequestError("Invalid value for 'n': expected a positive integer.", { param: 'n' });
    request.n = body.n;
  }
  if (body.response_format !== undefined && body.response_format !== null) {
    if (body.response_format !== 'url' && body.response_format !== 'b64_json') {
      throw new InvalidRequestError(`Invalid value for 'response_format': expected "url" or "b64_json", got ${JSON.stringify(body.response_format)}.`, {
        param: 'response_format',
      });
    }
    request.responseFormat = body.response_format;
  }
  for (const field of ['size', 'quality', 'style', 'output_format', 'background', 'user'] as const) {
    const value = body[field];
    if (value === undefined || value === null) continue;
    if (typeof value !== 'string') throw new InvalidRequestError(`Invalid type for '${field}': expected a string.`, { param: field });
    if (field === 'output_format') request.outputFormat = value;
    else request[field] = value;
  }
  for (const [key, value] of Object.entries(body)) if (!known.has(key)) request.extra[key] = value;
  return request;
}
