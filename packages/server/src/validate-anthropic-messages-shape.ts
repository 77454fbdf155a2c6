import { InvalidRequestError } from '@switchyard/core';
import { checkNumberParams, anthropicMessagesNumberBounds } from './check-number-params.js';

/**
 * Cheap checks for a Messages body going through untranslated, worded as Anthropic words
 * them; everything else is the upstream's to judge.
 */
export function validateAnthropicMessagesShape(body: Record<string, unknown>): void {
  const { messages, max_tokens: maxTokens, stream } = body;
  if (!Array.isArray(messages)) {
    throw new InvalidRequestError(messages === undefined ? 'messages: Field required' : 'messages: Input should be a valid list', { param: 'messages' });
  }
  for (let index = 0; index < messages.length; index++) {
    const message = messages[index] as { role?: unknown } | null;
    if (typeof message !== 'object' || message === null || Array.isArray(message)) {
      throw new InvalidRequestError(`messages.${index}: Input should be a valid dictionary`, { param: `messages.${index}` });
    }
    if (message.role !== 'user' && message.role !== 'assistant') {
      throw new InvalidRequestError(`messages.${index}.role: Input should be 'user' or 'assistant'`, { param: `messages.${index}.role` });
    }
  }
  if (maxTokens === undefined) throw new InvalidRequestError('max_tokens: Field required', { param: 'max_tokens' });
  if (typeof maxTokens !== 'number' || !Number.isInteger(maxTokens) || maxTokens < 1) {
    throw new InvalidRequestError('max_tokens: Input should be a positive integer', { param: 'max_tokens' });
  }
  if (stream !== undefined && typeof stream !== 'boolean') throw new InvalidRequestError('stream: Input should be a valid boolean', { param: 'stream' });
  checkNumberParams(body, anthropicMessagesNumberBounds);
}
