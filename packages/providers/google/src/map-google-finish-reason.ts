import type { FinishReason, UnifiedFinishReason } from '@switchyard/core';

/**
 * Gemini's finishReason (or promptFeedback.blockReason) → the unified reason; the raw word is kept.
 * https://ai.google.dev/api/generate-content#FinishReason
 *
 * Gemini has no reason of its own for tool calls: an answer holding functionCall parts
 * ends with STOP, which becomes 'tool-calls' so clients run the tools.
 */
export function mapGoogleFinishReason(raw: string | null | undefined, hasToolCalls: boolean): FinishReason {
  return { unified: unifiedFinishReason(raw, hasToolCalls), raw: raw ?? null };
}

// Every reason that means "a filter stopped the answer", for text and for generated images.
const contentFilterReasons = new Set([
  'SAFETY',
  'RECITATION',
  'BLOCKLIST',
  'PROHIBITED_CONTENT',
  'SPII',
  'IMAGE_SAFETY',
  'IMAGE_PROHIBITED_CONTENT',
  'IMAGE_RECITATION',
  'MODEL_ARMOR',
]);

function unifiedFinishReason(raw: string | null | undefined, hasToolCalls: boolean): UnifiedFinishReason {
  if (raw === 'STOP') return hasToolCalls ? 'tool-calls' : 'stop';
  if (raw === 'MAX_TOKENS') return 'length';
  if (raw && contentFilterReasons.has(raw)) return 'content-filter';
  // The model produced a call that does not parse, or one it was not allowed to make.
  if (raw === 'MALFORMED_FUNCTION_CALL' || raw === 'UNEXPECTED_TOOL_CALL' || raw === 'TOO_MANY_TOOL_CALLS') return 'error';
  // FINISH_REASON_UNSPECIFIED, OTHER, LANGUAGE, NO_IMAGE and whatever comes next.
  return 'other';
}
