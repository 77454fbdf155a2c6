import { z } from 'zod';

/*
 * The Gemini API's embeddings and Imagen wire formats.
 * https://ai.google.dev/api/embeddings#method:-models.batchembedcontents and
 * https://ai.google.dev/gemini-api/docs/imagen (`models/{model}:predict`).
 * Response schemas are loose: keys a newer API version adds are kept.
 */

export type GoogleEmbeddingTaskType =
  | 'RETRIEVAL_QUERY'
  | 'RETRIEVAL_DOCUMENT'
  | 'SEMANTIC_SIMILARITY'
  | 'CLASSIFICATION'
  | 'CLUSTERING'
  | 'QUESTION_ANSWERING'
  | 'FACT_VERIFICATION'
  | 'CODE_RETRIEVAL_QUERY';

export interface GoogleEmbedContentRequest {
  /** `models/{id}`: batchEmbedContents wants it on every entry, equal to the one in the URL. */
  model: string;
  content: { parts: Array<{ text: string }> };
  taskType?: string;
  title?: string;
  outputDimensionality?: number;
}

export interface GoogleBatchEmbedContentsRequest {
  requests: GoogleEmbedContentRequest[];
}

export const googleBatchEmbedContentsResponseSchema = z.looseObject({
  embeddings: z.array(z.looseObject({ values: z.array(z.number()) })),
  // Not sent for embeddings today; read if a later version adds it.
  usageMetadata: z.looseObject({ promptTokenCount: z.number().optional(), totalTokenCount: z.number().optional() }).optional(),
});
export type GoogleBatchEmbedContentsResponse = z.infer<typeof googleBatchEmbedContentsResponseSchema>;

export interface ImagenPredictRequest {
  instances: Array<{ prompt: string }>;
  parameters: {
    sampleCount: number;
    aspectRatio?: string;
    personGeneration?: string;
    imageSize?: string;
    negativePrompt?: string;
    seed?: number;
    outputOptions?: { mimeType?: string; compressionQuality?: number };
    [key: string]: unknown;
  };
}

export const imagenPredictResponseSchema = z.looseObject({
  predictions: z
    .array(
      z.looseObject({
        bytesBase64Encoded: z.string().optional(),
        mimeType: z.string().optional(),
        /** Set instead of the bytes when a safety filter removed the image. */
        raiFilteredReason: z.string().optional(),
        prompt: z.string().optional(),
      }),
    )
    .optional(),
});
export type ImagenPredictResponse = z.infer<typeof imagenPredictResponseSchema>;
