/**
 * The wire types of TGI's native API (https://huggingface.github.io/text-generation-inference/):
 * `POST /generate` and `POST /generate_stream` take `{ inputs, parameters }`. Answers are read
 * loosely — only the fields used here are required; anything else a newer TGI adds is kept.
 */
export interface TgiParameters {
  max_new_tokens?: number;
  temperature?: number;
  top_p?: number;
  top_k?: number;
  seed?: number;
  stop?: string[];
  repetition_penalty?: number;
  /** Always true: the finish reason and token counts live in `details`. */
  details: true;
  /** Always false: the answer is the new text only, not the prompt followed by it. */
  return_full_text: false;
  [extra: string]: unknown;
}

export interface TgiGenerateRequest {
  inputs: string;
  parameters: TgiParameters;
}

/** `length`, `eos_token` or `stop_sequence`. */
export type TgiFinishReason = string;

export interface TgiGenerateResponse {
  generated_text: string;
  details?: { finish_reason: TgiFinishReason; generated_tokens: number; seed?: number | null; [extra: string]: unknown };
  [extra: string]: unknown;
}

/** One `/generate_stream` event: a token, and on the last one the whole text and the details. */
export interface TgiStreamEvent {
  index?: number;
  token: { id: number; text: string; logprob?: number; special: boolean };
  generated_text: string | null;
  details: { finish_reason: TgiFinishReason; generated_tokens: number; input_length?: number; seed?: number | null } | null;
  [extra: string]: unknown;
}

/** An error event inside a stream, or an error answer's body. */
export interface TgiError {
  error: string;
  error_type?: string;
}

export function isTgiGenerateResponse(value: unknown): value is TgiGenerateResponse {
  return typeof value === 'object' && value !== null && typeof (value as TgiGenerateResponse).generated_text === 'string';
}

export function isTgiStreamEvent(value: unknown): value is TgiStreamEvent {
  const token = (value as TgiStreamEvent | null)?.token;
  return typeof token === 'object' && token !== null && typeof token.text === 'string';
}

export function isTgiError(value: unknown): value is TgiError {
  return typeof value === 'object' && value !== null && typeof (value as TgiError).error === 'string';
}
