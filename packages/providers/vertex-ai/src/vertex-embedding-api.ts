import { z } from 'zod';

/*
 * Vertex AI text embeddings through `:predict`.
 * https://cloud.google.com/vertex-ai/generative-ai/docs/model-reference/text-embeddings-api
 * The answer schema is loose: keys a newer version adds are kept.
 */

export interface VertexEmbeddingInstance {
  content: string;
  task_type?: string;
  title?: string;
}

export interface VertexEmbeddingPredictRequest {
  instances: VertexEmbeddingInstance[];
  parameters?: { outputDimensionality?: number; autoTruncate?: boolean };
}

export const vertexEmbeddingPredictResponseSchema = z.looseObject({
  predictions: z.array(
    z.looseObject({
      embeddings: z.looseObject({
        values: z.array(z.number()),
        statistics: z.looseObject({ token_count: z.number().optional(), truncated: z.boolean().optional() }).optional(),
      }),
    }),
  ),
  metadata: z.looseObject({ billableCharacterCount: z.number().optional() }).optional(),
});
