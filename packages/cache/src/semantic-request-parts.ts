import type { ChatRequest } from '@switchyard/core';
import { canonicalJson } from './canonical-json.js';
import { normaliseForCache, sha256 } from './cache-key.js';

export interface SemanticRequestParts {
  /** The text of the last user turn: what is embedded and compared by similarity. */
  text: string;
  /** Hash of everything else, which must match exactly (history, system prompt, tools, params, model, tenant). */
  scope: string;
}

/**
 * Splits a request for the semantic cache. Only the final user turn's text is compared by
 * meaning; the rest (including that turn's images or files) must be identical. Undefined when
 * the request does not end with a user turn that has text (a tool result, say): such requests
 * are cached by exact match only.
 */
export function semanticRequestParts(request: ChatRequest, context: { partition: string; provider: string; embeddingModel: string }): SemanticRequestParts | undefined {
  const last = request.messages[request.messages.length - 1];
  if (!last || last.role !== 'user') return undefined;
  const text = last.content.flatMap((part) => (part.type === 'text' ? [part.text] : [])).join('\n');
  if (text.trim() === '') return undefined;
  const rest: ChatRequest = { ...request, messages: [...request.messages.slice(0, -1), { ...last, content: last.content.filter((part) => part.type !== 'text') }] };
  return { text, scope: sha256(canonicalJson({ v: 1, ...context, request: normaliseForCache(rest) })) };
}
