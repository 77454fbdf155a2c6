import type { FinishReason, UnifiedFinishReason } from '@switchyard/core';

// https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_Converse.html#API_runtime_Converse_ResponseSyntax
const unifiedByStopReason: Record<string, UnifiedFinishReason> = {
  end_turn: 'stop',
  stop_sequence: 'stop',
  max_tokens: 'length',
  // The prompt plus the answer reached the model's context window.
  model_context_window_exceeded: 'length',
  tool_use: 'tool-calls',
  guardrail_intervened: 'content-filter',
  content_filtered: 'content-filter',
  malformed_model_output: 'error',
  malformed_tool_use: 'error',
};

/**
 * Bedrock's `stopReason` -> the canonical finish reason, the raw value kept. With structured output
 * through a forced tool (`asText`), the tool call is the answer, so `tool_use` means a normal stop.
 */
export function mapBedrockStopReason(stopReason: string | null | undefined, options: { toolUseIsAnswer?: boolean } = {}): FinishReason {
  if (stopReason == null) return { unified: 'other', raw: null };
  if (stopReason === 'tool_use' && options.toolUseIsAnswer) return { unified: 'stop', raw: stopReason };
  return { unified: unifiedByStopReason[stopReason] ?? 'other', raw: stopReason };
}
