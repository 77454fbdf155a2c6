import { z } from 'zod';

/*
 * InvokeModel bodies of the embedding and image models this adapter translates to.
 * Titan text embeddings: https://docs.aws.amazon.com/bedrock/latest/userguide/model-parameters-titan-embed-text.html
 * Cohere Embed on Bedrock: https://docs.aws.amazon.com/bedrock/latest/userguide/model-parameters-embed.html
 * Titan Image Generator / Nova Canvas: https://docs.aws.amazon.com/bedrock/latest/userguide/model-parameters-titan-image.html
 * Answer schemas are loose: keys a newer model version adds are kept.
 */

export interface TitanEmbeddingRequest {
  inputText: string;
  dimensions?: number;
  normalize?: boolean;
  /** Titan Multimodal Embeddings takes the size here instead. */
  embeddingConfig?: { outputEmbeddingLength: number };
}

export const titanEmbeddingResponseSchema = z.looseObject({
  embedding: z.array(z.number()),
  inputTextTokenCount: z.number().optional(),
});

export interface BedrockCohereEmbeddingRequest {
  texts: string[];
  input_type: string;
  embedding_types: ['float'];
  truncate?: string;
  output_dimension?: number;
}

/** `embeddings_by_type` (`{float: [[…]]}`) when embedding_types was sent, `embeddings_floats` (`[[…]]`) otherwise. */
export const bedrockCohereEmbeddingResponseSchema = z.looseObject({
  embeddings: z.union([z.array(z.array(z.number())), z.looseObject({ float: z.array(z.array(z.number())) })]),
  id: z.string().optional(),
  response_type: z.string().optional(),
});

export interface TitanImageRequest {
  taskType: 'TEXT_IMAGE';
  textToImageParams: { text: string; negativeText?: string; style?: string };
  imageGenerationConfig: { numberOfImages: number; width?: number; height?: number; quality?: 'standard' | 'premium'; cfgScale?: number; seed?: number };
}

export const titanImageResponseSchema = z.looseObject({
  images: z.array(z.string()).optional(),
  error: z.string().nullish(),
});
