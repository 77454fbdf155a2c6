import type { OpenAICompatibleQuirks } from './openai-compatible-preset.js';
import { splitContentChunks } from './split-content-chunks.js';

type Json = Record<string, unknown>;

/**
 * Whether a chunk's text may need `normaliseCompatibleChunk`: most chunks do not, and checking
 * the text first keeps them to the codec's single parse.
 */
export function chunkNeedsNormalising(data: string, quirks: OpenAICompatibleQuirks): boolean {
  if (/"object"\s*:\s*"error"/i.test(data)) return true;
  if (quirks.contentAsArray && /"content"\s*:\s*\[/.test(data)) return true;
  if (quirks.reasoningField === 'reasoning' && data.includes('"reasoning_content"') && data.includes('"reasoning"')) return true;
  return (quirks.metadataFields ?? []).some((field) => data.includes(`"${field}"`));
}

/**
 * One parsed stream chunk of a compatible server → the shape the OpenAI codec reads. Mutates
 * and returns the chunk.
 * - A flat error object (vLLM, Mistral: `{ object: 'error', message, type, code }`) becomes
 *   `{ error: {...} }`, which the codec turns into an error event instead of an empty chunk.
 * - Content arrays (Mistral magistral) become a text delta and a `reasoning_content` delta.
 * - When the server fills both reasoning fields, the preset's one is read.
 */
export function normaliseCompatibleChunk(chunk: Json, quirks: OpenAICompatibleQuirks): Json {
  if (typeof chunk.object === 'string' && chunk.object.toLowerCase() === 'error' && chunk.error === undefined) {
    const { object: _object, ...error } = chunk;
    return { error };
  }
  for (const choice of Array.isArray(chunk.choices) ? chunk.choices : []) {
    const delta = (choice as Json | null)?.delta as Json | undefined;
    if (!delta || typeof delta !== 'object') continue;
    if (quirks.contentAsArray && Array.isArray(delta.content)) {
      const { text, reasoning } = splitContentChunks(delta.content);
      delta.content = text === '' ? null : text;
      if (reasoning !== '') delta.reasoning_content = `${typeof delta.reasoning_content === 'string' ? delta.reasoning_content : ''}${reasoning}`;
    }
    preferReasoningField(delta, quirks);
  }
  return chunk;
}

/** The codec reads `reasoning_content` before `reasoning`; a preset that names `reasoning` gets that one read. */
export function preferReasoningField(message: Json, quirks: OpenAICompatibleQuirks): void {
  if (quirks.reasoningField === 'reasoning' && typeof message.reasoning === 'string' && message.reasoning_content != null) {
    message.reasoning_content = message.reasoning;
  }
}
