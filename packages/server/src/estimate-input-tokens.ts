import type { ChatRequest } from '@switchyard/core';

/**
 * Tokens counted for each image, document or audio part. Anthropic's images cost about
 * width × height / 750 tokens, ~1,600 at the size it scales large images to
 * (https://docs.claude.com/en/docs/build-with-claude/vision#calculate-image-costs).
 */
export const mediaPartTokenEstimate = 1_600;

/**
 * A rough count of a request's input tokens, for providers with no counting endpoint: text
 * (messages, reasoning, tool calls and results) and the tool definitions' JSON at four
 * characters a token, plus a fixed count per media part. It is an estimate, and the
 * count_tokens route says so in a warning.
 */
export function estimateInputTokens(request: ChatRequest): number {
  let characters = 0;
  let media = 0;
  const text = (value: string) => {
    characters += value.length;
  };
  for (const message of request.messages) {
    for (const part of message.content) {
      switch (part.type) {
        case 'text':
        case 'refusal':
        case 'reasoning':
          text(part.text);
          break;
        case 'tool-call':
          text(part.name);
          text(part.arguments);
          break;
        case 'tool-result':
          for (const inner of part.content) {
            if (inner.type === 'text') text(inner.text);
            else media++;
          }
          break;
        default:
          media++;
      }
    }
  }
  if (request.tools && request.tools.length > 0) text(JSON.stringify(request.tools));
  return Math.ceil(characters / 4) + media * mediaPartTokenEstimate;
}
