import { z } from 'zod';

/*
 * Cohere Embed v2 (`POST /v2/embed`). https://docs.cohere.com/reference/embed
 * The answer schema is loose: keys a newer version adds are kept.
 */

export interface CohereEmbedRequest {
  model: string;
  texts: string[];
  /** Required for embed v3 and later: search_document, search_query, classification, clustering. */
  input_type: string;
  embedding_types: ['float'];
  output_dimension?: number;
  truncate?: string;
  max_tokens?: number;
}

export const cohereEmbedResponseSchema = z.looseObject({
  id: z.string().optional(),
  embeddings: z.looseObject({ float: z.array(z.array(z.number())) }),
  texts: z.array(z.string()).optional(),
  meta: z
    .looseObject({
      billed_units: z.looseObject({ input_tokens: z.number().optional(), image_tokens: z.number().optional() }).optional(),
    })
    .optional(),
  response_type: z.string().optional(),
});
