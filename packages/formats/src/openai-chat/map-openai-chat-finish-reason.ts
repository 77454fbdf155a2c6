import type { FinishReason, UnifiedFinishReason } from '@switchyard/core';

/**
 * OpenAI's finish_reason ↔ the unified reason.
 * https://platform.openai.com/docs/api-reference/chat/object#chat/object-choices
 */
export function decodeOpenAIChatFinishReason(raw: string | null | undefined): FinishReason {
  return { unified: unifiedFinishReason(raw), raw: raw ?? null };
}

function unifiedFinishReason(raw: string | null | undefined): UnifiedFinishReason {
  switch (raw) {
    case 'stop':
      return 'stop';
    case 'length':
      return 'length';
    case 'tool_calls':
    case 'function_call': // the deprecated functions API
      return 'tool-calls';
    case 'content_filter':
      return 'content-filter';
    case 'error': // vLLM and some compatible servers
      return 'error';
    default:
      return 'other';
  }
}

const openAIReasonFor: Record<Exclude<UnifiedFinishReason, 'error' | 'other'>, string> = {
  stop: 'stop',
  length: 'length',
  'tool-calls': 'tool_calls',
  'content-filter': 'content_filter',
};

/**
 * The finish_reason an OpenAI client gets. The four reasons OpenAI defines come from the
 * unified value (so `end_turn` from Anthropic becomes `stop`, and the legacy `function_call`
 * becomes `tool_calls`, since calls are always encoded as tool_calls). For 'error' and
 * 'other' there is no OpenAI word: the provider's raw reason is passed on rather than
 * pretending the answer stopped normally, and 'stop' is used only when there is none.
 */
export function encodeOpenAIChatFinishReason(reason: FinishReason): string {
  if (reason.unified === 'error' || reason.unified === 'other') return reason.raw ?? 'stop';
  return openAIReasonFor[reason.unified];
}
