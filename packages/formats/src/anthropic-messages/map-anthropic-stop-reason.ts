import type { FinishReason, UnifiedFinishReason } from '@switchyard/core';

// https://docs.claude.com/en/api/handling-stop-reasons
const unifiedByStopReason: Readonly<Record<string, UnifiedFinishReason>> = {
  end_turn: 'stop',
  stop_sequence: 'stop',
  max_tokens: 'length',
  // The context window filled before max_tokens was reached (Sonnet 4.5 and later).
  model_context_window_exceeded: 'length',
  tool_use: 'tool-calls',
  refusal: 'content-filter',
  // A server tool loop was paused; the client sends the turn back to continue it.
  pause_turn: 'other',
};

/** Anthropic's `stop_reason` → canonical, the raw word kept. */
export function decodeAnthropicStopReason(stopReason: string | null | undefined): FinishReason {
  const raw = stopReason ?? null;
  return { unified: (raw !== null && unifiedByStopReason[raw]) || 'other', raw };
}

const stopReasonByUnified: Readonly<Record<UnifiedFinishReason, string>> = {
  stop: 'end_turn',
  length: 'max_tokens',
  'tool-calls': 'tool_use',
  'content-filter': 'refusal',
  // Anthropic has no word for these; the turn simply ended.
  error: 'end_turn',
  other: 'end_turn',
};

/**
 * Canonical → Anthropic's `stop_reason`. An Anthropic raw word that agrees with the unified
 * reason is kept (`stop_sequence`, `pause_turn`, `model_context_window_exceeded`); another
 * provider's word is translated from the unified reason.
 */
export function encodeAnthropicStopReason(finishReason: FinishReason): string {
  const raw = finishReason.raw;
  if (raw !== null && unifiedByStopReason[raw] === finishReason.unified) return raw;
  return stopReasonByUnified[finishReason.unified];
}
