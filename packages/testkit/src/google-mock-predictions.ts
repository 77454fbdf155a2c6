import { googleError } from './google-mock.js';
import { mockEmbeddingVector, mockPngBase64 } from './mock-embedding.js';
import { isJsonObject } from './mock-request.js';

type Send = (status: number, body: unknown) => void;

const taskTypes = new Set([
  'TASK_TYPE_UNSPECIFIED',
  'RETRIEVAL_QUERY',
  'RETRIEVAL_DOCUMENT',
  'SEMANTIC_SIMILARITY',
  'CLASSIFICATION',
  'CLUSTERING',
  'QUESTION_ANSWERING',
  'FACT_VERIFICATION',
  'CODE_RETRIEVAL_QUERY',
]);

/**
 * `models/{model}:batchEmbedContents` as the Gemini API checks it: every entry names the URL's
 * model and holds text parts; each answer is `mockEmbeddingVector(text, outputDimensionality ?? 8)`
 * of the entry's texts joined with a space. No usage, as Gemini sends none for embeddings.
 */
export function answerGoogleEmbeddings(body: unknown, model: string, send: Send): void {
  const invalid = (message: string) => send(400, googleError(400, 'INVALID_ARGUMENT', message));
  if (!isJsonObject(body) || !Array.isArray(body.requests) || body.requests.length === 0) return invalid('* BatchEmbedContentsRequest.requests: requests is not specified\n');
  if (body.requests.length > 100) return invalid('* BatchEmbedContentsRequest.requests: at most 100 requests can be in one batch\n');
  const embeddings: Array<{ values: number[] }> = [];
  for (const [index, entry] of body.requests.entries()) {
    if (entry?.model !== `models/${model}`) {
      return invalid(`Model names in all requests must match the model in the URL. requests[${index}].model is ${JSON.stringify(entry?.model)}, expected "models/${model}".`);
    }
    const parts = entry.content?.parts;
    if (!Array.isArray(parts) || parts.length === 0 || parts.some((part: any) => typeof part?.text !== 'string')) {
      return invalid(`* BatchEmbedContentsRequest.requests[${index}].content: contents must have text parts\n`);
    }
    if (entry.taskType !== undefined && !taskTypes.has(entry.taskType)) return invalid(`Invalid value at 'requests[${index}].task_type' (type.googleapis.com/google.ai.generativelanguage.v1beta.TaskType), "${entry.taskType}"`);
    const dimensions = entry.outputDimensionality ?? 8;
    if (!Number.isInteger(dimensions) || dimensions < 1 || dimensions > 3072) return invalid(`requests[${index}].output_dimensionality must be between 1 and 3072.`);
    embeddings.push({ values: mockEmbeddingVector(parts.map((part: any) => part.text).join(' '), dimensions) });
  }
  send(200, { embeddings });
}

/** Imagen's `models/{model}:predict`: one prompt, `sampleCount` (1–4, default 4) images of 1×1 PNG. */
export function answerImagenPredict(body: unknown, send: Send): void {
  const invalid = (message: string) => send(400, googleError(400, 'INVALID_ARGUMENT', message));
  if (!isJsonObject(body) || !Array.isArray(body.instances) || body.instances.length !== 1) return invalid('Exactly one instance is expected.');
  if (typeof body.instances[0]?.prompt !== 'string' || body.instances[0].prompt === '') return invalid('instances[0].prompt is required.');
  const parameters = isJsonObject(body.parameters) ? body.parameters : {};
  const count = parameters.sampleCount ?? 4;
  if (!Number.isInteger(count) || count < 1 || count > 4) return invalid('sampleCount must be between 1 and 4.');
  if (parameters.aspectRatio !== undefined && !['1:1', '3:4', '4:3', '9:16', '16:9'].includes(parameters.aspectRatio)) {
    return invalid(`Unsupported aspect ratio: ${String(parameters.aspectRatio)}.`);
  }
  const mimeType = parameters.outputOptions?.mimeType ?? 'image/png';
  send(200, { predictions: Array.from({ length: count }, () => ({ bytesBase64Encoded: mockPngBase64, mimeType })) });
}
