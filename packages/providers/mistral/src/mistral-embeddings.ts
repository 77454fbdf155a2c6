import {
  type EmbeddingRequest,
  type EmbeddingResponse,
  InvalidRequestError,
  type ProviderCallContext,
  UpstreamError,
  readJsonAnswer,
} from '@switchyard/core';
import { compatibleHeaders, mapCompatibleError } from '@switchyard/provider-openai-compatible';
import { mistralPreset } from './mistral-preset.js';

/** Fields of Mistral's embeddings body a client may send beside the canonical ones. */
const mistralEmbeddingFields = new Set(['output_dtype']);

/**
 * OpenAI's `/v1/embeddings` → Mistral's `POST /v1/embeddings`. The shapes match except the output
 * size, which Mistral calls `output_dimension` and refuses as `dimensions` (422), so the call is
 * translated rather than forwarded as bytes. Floats are always asked for: the gateway encodes
 * base64 for clients that want it.
 */
export async function createMistralEmbeddings(request: EmbeddingRequest, context: ProviderCallContext): Promise<EmbeddingResponse> {
  if (request.input.some((item) => typeof item !== 'string')) {
    throw new InvalidRequestError('Mistral embeds texts only; token-id inputs cannot be sent.', { param: 'input', provider: 'mistral' });
  }
  const body: Record<string, unknown> = { model: request.model, input: request.input };
  if (request.dimensions !== undefined) body.output_dimension = request.dimensions;
  if (request.user !== undefined) context.warn({ type: 'unsupported-field', field: 'user', message: 'Mistral embeddings take no user field; it was not sent.' });
  for (const [field, value] of Object.entries(request.extra)) {
    if (mistralEmbeddingFields.has(field)) body[field] = value;
    else context.warn({ type: 'unsupported-field', field, message: `${field} has no counterpart in Mistral's embeddings API and was not sent.` });
  }
  const base = (context.settings.baseURL ?? mistralPreset.baseURL).replace(/\/+$/, '');
  const response = await context.http.request({
    provider: 'mistral',
    url: `${base}/embeddings`,
    method: 'POST',
    headers: compatibleHeaders(mistralPreset, context, false),
    body: JSON.stringify(body),
    signal: context.signal,
    timeouts: context.timeouts,
  });
  if (response.status >= 300) throw await mapCompatibleError(response, 'mistral');
  return decodeMistralEmbeddingResponse(await readJsonAnswer(response, 'mistral', 'Mistral'), request.input.length);
}

/** Mistral's (OpenAI-shaped) embeddings answer → canonical vectors in input order. */
export function decodeMistralEmbeddingResponse(body: unknown, inputs: number): EmbeddingResponse {
  const answer = body as { model?: unknown; data?: Array<{ index?: unknown; embedding?: unknown }>; usage?: { prompt_tokens?: unknown; total_tokens?: unknown } };
  const data = Array.isArray(answer?.data) ? answer.data : [];
  const vectors: number[][] = new Array(inputs);
  for (const [position, item] of data.entries()) {
    const index = typeof item.index === 'number' ? item.index : position;
    if (Array.isArray(item.embedding) && index >= 0 && index < inputs) vectors[index] = item.embedding as number[];
  }
  if (data.length !== inputs || vectors.some((vector) => vector === undefined)) {
    throw new UpstreamError('Mistral answered the embeddings call without one float vector per input.', { provider: 'mistral', status: 200, body, kind: 'upstream', retryable: false });
  }
  const input = typeof answer.usage?.prompt_tokens === 'number' ? answer.usage.prompt_tokens : undefined;
  const total = typeof answer.usage?.total_tokens === 'number' ? answer.usage.total_tokens : input;
  return {
    model: typeof answer.model === 'string' ? answer.model : '',
    embeddings: vectors,
    ...(input !== undefined ? { usage: { input, total: total ?? input, raw: answer.usage } } : {}),
  };
}
