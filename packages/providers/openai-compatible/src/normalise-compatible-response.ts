import type { OpenAICompatibleQuirks } from './openai-compatible-preset.js';
import { preferReasoningField } from './normalise-compatible-chunk.js';

type Json = Record<string, unknown>;

/**
 * A compatible server's non-streamed answer → the shape the OpenAI codec reads. A flat error
 * object answered with 200 (`{ object: 'error', message }`) becomes `{ error: {...} }`, so the
 * codec raises it with its kind; content arrays are read by the codec itself (text and thinking
 * chunks), so they stay. Mutates and returns the body.
 */
export function normaliseCompatibleResponse(body: unknown, quirks: OpenAICompatibleQuirks): unknown {
  if (!isObject(body)) return body;
  if (typeof body.object === 'string' && body.object.toLowerCase() === 'error' && body.error === undefined) {
    const { object: _object, ...error } = body;
    return { error };
  }
  for (const choice of Array.isArray(body.choices) ? body.choices : []) {
    if (isObject(choice) && isObject(choice.message)) preferReasoningField(choice.message, quirks);
  }
  return body;
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
