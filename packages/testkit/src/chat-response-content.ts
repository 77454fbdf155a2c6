import type { ChatResponse } from '@switchyard/core';

export type ResponseToolCall = Extract<ChatResponse['content'][number], { type: 'tool-call' }>;

/** The text parts of an answer, joined. */
export function responseText(response: ChatResponse): string {
  return response.content.flatMap((part) => (part.type === 'text' ? [part.text] : [])).join('');
}

/** The reasoning parts of an answer, joined. */
export function responseReasoning(response: ChatResponse): string {
  return response.content.flatMap((part) => (part.type === 'reasoning' ? [part.text] : [])).join('');
}

/** The tool-call parts of an answer, in order. */
export function responseToolCalls(response: ChatResponse): ResponseToolCall[] {
  return response.content.filter((part): part is ResponseToolCall => part.type === 'tool-call');
}
