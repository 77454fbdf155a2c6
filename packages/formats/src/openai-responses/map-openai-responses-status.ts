import type { FinishReason } from '@switchyard/core';

/**
 * A Responses answer has no finish reason: it has a `status` and, when incomplete, the
 * reason. https://platform.openai.com/docs/api-reference/responses/object
 *
 * `raw` keeps the most specific word the answer gave: the incomplete reason when there is
 * one, else the status. A completed answer that called a function is 'tool-calls', as a
 * Chat Completions answer would say.
 */
export function decodeOpenAIResponsesFinishReason(
  status: string | null | undefined,
  incompleteReason: string | null | undefined,
  calledFunctions: boolean,
): FinishReason {
  switch (status) {
    case 'completed':
      return { unified: calledFunctions ? 'tool-calls' : 'stop', raw: 'completed' };
    case 'incomplete':
      if (incompleteReason === 'max_output_tokens') return { unified: 'length', raw: incompleteReason };
      if (incompleteReason === 'content_filter') return { unified: 'content-filter', raw: incompleteReason };
      return { unified: 'other', raw: incompleteReason ?? 'incomplete' };
    case 'failed':
      return { unified: 'error', raw: 'failed' };
    default:
      // in_progress / queued (background mode), cancelled, or a server that sent none.
      return { unified: 'other', raw: status ?? null };
  }
}

export interface EncodedOpenAIResponsesStatus {
  status: 'completed' | 'incomplete' | 'failed';
  incompleteDetails: { reason: string } | null;
}

/**
 * The status a Responses client gets for a finish reason. Length and content filtering are
 * the two incomplete reasons OpenAI defines. 'other' has no Responses word, so the answer
 * reads as completed (the provider's raw reason is not carried by this format).
 */
export function encodeOpenAIResponsesStatus(reason: FinishReason): EncodedOpenAIResponsesStatus {
  switch (reason.unified) {
    case 'stop':
    case 'tool-calls':
      return { status: 'completed', incompleteDetails: null };
    case 'length':
      return { status: 'incomplete', incompleteDetails: { reason: 'max_output_tokens' } };
    case 'content-filter':
      return { status: 'incomplete', incompleteDetails: { reason: 'content_filter' } };
    case 'error':
      return { status: 'failed', incompleteDetails: null };
    case 'other':
      return { status: 'completed', incompleteDetails: null };
  }
}
