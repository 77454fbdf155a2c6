import { randomUUID } from 'node:crypto';
import { mockEmbeddingVector, mockPngBase64, mockTokenCount } from './mock-embedding.js';
import { isJsonObject } from './mock-request.js';

/** What the mock's InvokeModel answers: a status, a body, and the headers Bedrock adds. */
export interface BedrockInvokeAnswer {
  status: number;
  body: object;
  headers?: Record<string, string>;
  /** Set on a refusal: the exception type for `x-amzn-ErrorType`. */
  errorType?: string;
}

const refuse = (message: string): BedrockInvokeAnswer => ({ status: 400, body: { message }, errorType: 'ValidationException' });

/**
 * `POST /model/{id}/invoke` for the model bodies this mock knows, with the checks Bedrock makes:
 * - Titan Text Embeddings (`amazon.titan-embed-text-*`): `{inputText, dimensions?, normalize?}`,
 *   dimensions 256/512/1024 on v2 only → `{embedding, inputTextTokenCount}` (default 1024 on
 *   v2, 1536 on v1 — shortened here to 8 unless asked, to keep answers small);
 * - Cohere Embed (`cohere.embed-*`): `{texts (≤96), input_type (required), embedding_types?}`
 *   → `embeddings_by_type` (`{float: [...]}`) with embedding_types, `embeddings_floats` without;
 * - Titan Image Generator / Nova Canvas: TEXT_IMAGE, 1–5 images → `{images: [base64 PNG], error: null}`.
 * Vectors are `mockEmbeddingVector(text, size)`; input token counts (words) also go in
 * `x-amzn-bedrock-input-token-count`, as Bedrock sends them.
 */
export function answerBedrockInvoke(modelId: string, body: unknown): BedrockInvokeAnswer {
  const name = modelId.slice(modelId.lastIndexOf('/') + 1).toLowerCase();
  if (!isJsonObject(body)) return refuse('Malformed input request, please reformat your input and try again.');

  if (/(^|\.)amazon\.titan-embed-text/.test(name)) {
    const v2 = name.includes('-v2');
    const extra = Object.keys(body).filter((key) => !['inputText', ...(v2 ? ['dimensions', 'normalize', 'embeddingTypes'] : [])].includes(key));
    if (extra.length > 0) return refuse(`Malformed input request: #: extraneous key [${extra[0]}] is not permitted, please reformat your input and try again.`);
    if (typeof body.inputText !== 'string' || body.inputText === '') return refuse('Malformed input request: #/inputText: expected minLength: 1, actual: 0, please reformat your input and try again.');
    if (body.dimensions !== undefined && ![256, 512, 1024].includes(body.dimensions)) {
      return refuse(`Malformed input request: #/dimensions: ${String(body.dimensions)} is not a valid enum value, please reformat your input and try again.`);
    }
    const tokens = mockTokenCount(body.inputText);
    return {
      status: 200,
      body: { embedding: mockEmbeddingVector(body.inputText, body.dimensions ?? 8), inputTextTokenCount: tokens },
      headers: { 'x-amzn-bedrock-input-token-count': String(tokens) },
    };
  }

  if (/(^|\.)cohere\.embed-/.test(name)) {
    const texts = body.texts;
    if (!Array.isArray(texts) || texts.length === 0 || texts.some((text) => typeof text !== 'string')) return refuse('Malformed input request: #/texts: expected type: JSONArray of strings, please reformat your input and try again.');
    if (texts.length > 96) return refuse(`Malformed input request: #/texts: expected maximum item count: 96, found: ${texts.length}, please reformat your input and try again.`);
    if (!['search_document', 'search_query', 'classification', 'clustering'].includes(body.input_type)) {
      return refuse('Malformed input request: #/input_type: input_type is required and must be one of search_document, search_query, classification, clustering.');
    }
    const size = body.output_dimension ?? 8;
    const vectors = texts.map((text: string) => mockEmbeddingVector(text, size));
    const tokens = texts.reduce((sum: number, text: string) => sum + mockTokenCount(text), 0);
    const byType = Array.isArray(body.embedding_types);
    return {
      status: 200,
      body: { id: randomUUID(), texts, embeddings: byType ? { float: vectors } : vectors, response_type: byType ? 'embeddings_by_type' : 'embeddings_floats' },
      headers: { 'x-amzn-bedrock-input-token-count': String(tokens) },
    };
  }

  if (/(^|\.)amazon\.(titan-image-generator|nova-canvas)/.test(name)) {
    if (body.taskType !== 'TEXT_IMAGE') return refuse('Malformed input request: #/taskType: only TEXT_IMAGE is served by this mock.');
    const text = body.textToImageParams?.text;
    if (typeof text !== 'string' || text === '') return refuse('Malformed input request: #/textToImageParams/text: expected minLength: 1.');
    const count = body.imageGenerationConfig?.numberOfImages ?? 1;
    if (!Number.isInteger(count) || count < 1 || count > 5) return refuse('Malformed input request: #/imageGenerationConfig/numberOfImages: must be between 1 and 5.');
    return { status: 200, body: { images: Array.from({ length: count }, () => mockPngBase64), error: null } };
  }

  return refuse('The provided model identifier is invalid.');
}
