import type { Usage } from '../canonical/usage.js';

/**
 * An embeddings call, normalised from OpenAI's `POST /v1/embeddings`. The gateway turns
 * `encoding_format: "base64"` into base64 itself, so adapters always return floats.
 */
export interface EmbeddingRequest {
  model: string;
  /** Texts, or token arrays (only providers that take token ids accept those). */
  input: string[] | number[][];
  /** Output size for models that can shorten their vectors. */
  dimensions?: number;
  user?: string;
  /**
   * Fields of the client's body with no canonical home (Cohere's `input_type`, Gemini's
   * `task_type`), forwarded by adapters that understand them and warned about by the others.
   */
  extra: Record<string, unknown>;
}

export interface EmbeddingResponse {
  /** The model that answered, as the provider names it. */
  model: string;
  /** One vector per input, in input order. */
  embeddings: number[][];
  usage?: Pick<Usage, 'input' | 'total'> & { raw?: unknown };
}
