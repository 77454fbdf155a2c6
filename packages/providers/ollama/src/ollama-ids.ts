import { createHash } from 'node:crypto';

/**
 * Ollama's answers have no id, and older servers give tool calls none either, yet clients need
 * both (OpenAI clients send the tool-call id back with the result). So they are derived, never
 * random: from the answer's `created_at` (the first chunk's, for a stream — nanosecond
 * timestamps), the model and the call's index. The same answer, decoded twice, gets the same ids.
 * A tool call's own id (Ollama 0.12+ sends `call_…`) is kept when there is one.
 */
export function ollamaResponseId(createdAt: string, model: string): string {
  return `ollama-${digest(`${createdAt}|${model}`)}`;
}

export function ollamaToolCallId(createdAt: string, model: string, index: number): string {
  return `call_${digest(`${createdAt}|${model}|${index}`)}`;
}

function digest(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 24);
}

/** Unix seconds of Ollama's RFC 3339 `created_at`, when it parses. */
export function ollamaCreated(createdAt: string | null | undefined): number | undefined {
  if (!createdAt) return undefined;
  const millis = Date.parse(createdAt);
  return Number.isNaN(millis) ? undefined : Math.floor(millis / 1000);
}
