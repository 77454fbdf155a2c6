import { answerImagenPredict } from './google-mock-predictions.js';
import { googleError } from './google-mock.js';
import { mockEmbeddingVector, mockTokenCount } from './mock-embedding.js';
import { isJsonObject } from './mock-request.js';

type Send = (status: number, body: unknown) => void;

/**
 * Vertex AI's `:predict` for Google models: instances with `content` are a text-embedding call
 * (`{content, task_type?, title?}` → `predictions[].embeddings.{values, statistics}`, vectors
 * `mockEmbeddingVector(content, parameters.outputDimensionality ?? 8)`, token_count = words),
 * instances with `prompt` an Imagen call (answered as on the Gemini API).
 */
export function answerVertexPredict(body: unknown, send: Send): void {
  const invalid = (message: string) => send(400, googleError(400, 'INVALID_ARGUMENT', message));
  if (!isJsonObject(body) || !Array.isArray(body.instances) || body.instances.length === 0) return invalid('instances must be a non-empty list.');
  if (body.instances.some((instance: any) => isJsonObject(instance) && 'prompt' in instance)) return answerImagenPredict(body, send);
  if (body.instances.length > 250) return invalid('The maximum number of instances is 250.');
  const parameters = isJsonObject(body.parameters) ? body.parameters : {};
  const dimensions = parameters.outputDimensionality ?? 8;
  if (!Number.isInteger(dimensions) || dimensions < 1) return invalid('outputDimensionality must be a positive integer.');
  let characters = 0;
  const predictions = [];
  for (const [index, instance] of body.instances.entries()) {
    if (typeof instance?.content !== 'string') return invalid(`instances[${index}].content must be a string.`);
    const allowed = new Set(['content', 'task_type', 'title']);
    const unknown = Object.keys(instance).find((key) => !allowed.has(key));
    if (unknown) return invalid(`Invalid JSON payload received. Unknown name "${unknown}" at 'instances[${index}]'.`);
    characters += instance.content.length;
    predictions.push({
      embeddings: { statistics: { truncated: false, token_count: mockTokenCount(instance.content) }, values: mockEmbeddingVector(instance.content, dimensions) },
    });
  }
  send(200, { predictions, metadata: { billableCharacterCount: characters } });
}
