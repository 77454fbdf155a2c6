import { z } from 'zod';

/*
 * Ollama's `POST /api/embed` (https://github.com/ollama/ollama/blob/main/docs/api.md#generate-embeddings).
 * The answer schema is loose: keys a newer Ollama adds are kept.
 */

export interface OllamaEmbedRequest {
  model: string;
  input: string[];
  dimensions?: number;
  truncate?: boolean;
  keep_alive?: string | number;
  options?: Record<string, unknown>;
}

export const ollamaEmbedResponseSchema = z.looseObject({
  model: z.string().optional(),
  embeddings: z.array(z.array(z.number())),
  prompt_eval_count: z.number().optional(),
  total_duration: z.number().optional(),
  load_duration: z.number().optional(),
});
