import { type EmbeddingRequest, InvalidRequestError } from '@switchyard/core';

const known = new Set(['model', 'input', 'encoding_format', 'dimensions', 'user']);

export interface DecodedEmbeddingsRequest {
  request: EmbeddingRequest;
  encodingFormat: 'float' | 'base64';
}

/** OpenAI's `POST /v1/embeddings` body to the canonical request, with 400s naming the field at fault. */
export function decodeOpenAIEmbeddingsRequest(body: Record<string, unknown>): DecodedEmbeddingsRequest {
  const request: EmbeddingRequest = { model: String(body.model ?? ''), input: readInput(body.input), extra: {} };
  const format = body.encoding_format ?? 'float';
  if (format !== 'float' && format !== 'base64') {
    throw new InvalidRequestError(`Invalid value for 'encoding_format': expected "float" or "base64", got ${JSON.stringify(format)}.`, { param: 'encoding_format' });
  }
  if (body.dimensions !== undefined && body.dimensions !== null) {
    if (typeof body.dimensions !== 'number' || !Number.isInteger(body.dimensions) || body.dimensions < 1) {
      throw new InvalidRequestError("Invalid value for 'dimensions': expected a positive integer.", { param: 'dimensions' });
    }
    request.dimensions = body.dimensions;
  }
  if (body.user !== undefined) {
    if (typeof body.user !== 'string') throw new InvalidRequestError("Invalid type for 'user': expected a string.", { param: 'user' });
    request.user = body.user;
  }
  for (const [key, value] of Object.entries(body)) if (!known.has(key)) request.extra[key] = value;
  return { request, encodingFormat: format };
}

/** `input`: a string, an array of strings, an array of token ids, or an array of token-id arrays. */
function readInput(input: unknown): string[] | number[][] {
  const invalid = () =>
    new InvalidRequestError("Invalid value for 'input': expected a string, an array of strings, an array of integers (tokens) or an array of integer arrays.", {
      param: 'input',
    });
  if (input === undefined || input === null) throw new InvalidRequestError("Missing required parameter: 'input'.", { param: 'input' });
  if (typeof input === 'string') return [input];
  if (!Array.isArray(input) || input.length === 0) {
    if (Array.isArray(input)) throw new InvalidRequestError("Invalid value for 'input': the array is empty.", { param: 'input' });
    throw invalid();
  }
  if (input.every((item) => typeof item === 'string')) return input as string[];
  if (input.every(isTokenId)) return [input as number[]];
  if (input.every((item) => Array.isArray(item) && item.length > 0 && item.every(isTokenId))) return input as number[][];
  throw invalid();
}

function isTokenId(value: unknown): boolean {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}
