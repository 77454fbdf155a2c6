import { InvalidRequestError } from '@switchyard/core';
import { z } from 'zod';
import { toOpenAIChatInvalidRequest } from '../openai-chat/to-openai-chat-invalid-request.js';

/** Fields OpenAI types as decimals: it says "decimal below minimum value" even for -1. */
const decimalFields = new Set(['temperature', 'top_p']);

/**
 * A rejected Responses request → the error OpenAI itself gives (same messages and codes as
 * Chat Completions, e.g. `Invalid 'temperature': decimal below minimum value…`). `prefix` is
 * where the validated value sits in the body, for schemas applied to one input item or tool
 * (`['input', 2]` → `input[2].call_id`).
 */
export function toOpenAIResponsesInvalidRequest(error: z.ZodError, body: unknown, prefix: readonly PropertyKey[] = []): InvalidRequestError {
  const located =
    prefix.length === 0 ? error : new z.ZodError(error.issues.map((issue) => ({ ...issue, path: [...prefix, ...issue.path] })));
  const converted = toOpenAIChatInvalidRequest(located, body);
  if (converted.param !== undefined && decimalFields.has(converted.param) && converted.code?.startsWith('integer_')) {
    return new InvalidRequestError(converted.message.replace(': integer ', ': decimal '), {
      param: converted.param,
      code: converted.code.replace(/^integer_/, 'decimal_'),
    });
  }
  return converted;
}
