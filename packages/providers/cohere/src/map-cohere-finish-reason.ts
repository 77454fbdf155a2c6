import type { FinishReason, UnifiedFinishReason } from '@switchyard/core';

/**
 * Cohere's finish_reason → the unified reason, the raw word kept.
 * https://docs.cohere.com/reference/chat#response.body.finish_reason
 *
 * TIMEOUT ("stopped because it exceeded the allowed time limit") cut the answer short for a
 * reason none of the unified words name, so it is 'other' and clients see the raw word.
 */
export function mapCohereFinishReason(raw: string | null | undefined): FinishReason {
  return { unified: unifiedReason(raw), raw: raw ?? null };
}

function unifiedReason(raw: string | null | undefined): UnifiedFinishReason {
  switch (raw) {
    case 'COMPLETE':
    case 'STOP_SEQUENCE':
      return 'stop';
    case 'MAX_TOKENS':
      return 'length';
    case 'TOOL_CALL':
      return 'tool-calls';
    case 'ERROR':
      return 'error';
    default:
      return 'other';
  }
}
