import { randomUUID } from 'node:crypto';
import { mockEmbeddingVector, mockTokenCount } from './mock-embedding.js';
import { isJsonObject } from './mock-request.js';

const embedFields = new Set(['model', 'texts', 'images', 'inputs', 'input_type', 'embedding_types', 'output_dimension', 'truncate', 'max_tokens']);
const inputTypes = new Set(['search_document', 'search_query', 'classification', 'clustering', 'image']);

/**
 * `POST /v2/embed` with Cohere's checks: known fields only, a model, up to 96 texts, an
 * input_type (required for v3+ models) and embedding_types. Each float vector is
 * `mockEmbeddingVector(text, output_dimension ?? 8)`; billed input tokens are the texts' words.
 */
export function answerCohereEmbed(body: unknown, models?: string[]): { status: number; body: object } {
  const invalid = (message: string) => ({ status: 400, body: { id: randomUUID(), message: `invalid request: ${message}` } });
  if (!isJsonObject(body)) return invalid('body must be a JSON object.');
  for (const key of Object.keys(body)) if (!embedFields.has(key)) return invalid(`unknown field: parameter ${key} is not a valid field`);
  if (typeof body.model !== 'string' || body.model === '') return invalid('model must be specified.');
  if (models && !models.includes(body.model)) {
    return { status: 404, body: { id: randomUUID(), message: `model '${body.model}' not found, make sure the correct model ID was used and that you have access to the model.` } };
  }
  const texts = body.texts;
  if (!Array.isArray(texts) || texts.length === 0 || texts.some((text) => typeof text !== 'string')) return invalid('texts must be a non-empty list of strings.');
  if (texts.length > 96) return invalid(`too many texts: at most 96 are allowed, got ${texts.length}.`);
  if (!inputTypes.has(body.input_type)) return invalid("valid input_type must be provided with the provided model (search_document, search_query, classification, clustering).");
  if (!Array.isArray(body.embedding_types) || !body.embedding_types.includes('float')) return invalid("embedding_types must include 'float' (the only type this mock answers).");
  const size = body.output_dimension ?? 8;
  if (!Number.isInteger(size) || size < 1) return invalid('output_dimension must be a positive integer.');
  const tokens = texts.reduce((sum: number, text: string) => sum + mockTokenCount(text), 0);
  return {
    status: 200,
    body: {
      id: randomUUID(),
      embeddings: { float: texts.map((text: string) => mockEmbeddingVector(text, size)) },
      texts,
      meta: { api_version: { version: '2' }, billed_units: { input_tokens: tokens } },
      response_type: 'embeddings_by_type',
    },
  };
}
