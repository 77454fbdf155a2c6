import type { ChatMessage, ChatRequest, ChatResponse } from '@switchyard/core';

/** The text slots of a request: every text part (tool results' too), with the message each belongs to. */
export interface RequestTexts {
  texts: string[];
  /** Slot indices of the last message's texts. */
  lastMessage: number[];
  /** The request with each slot replaced by `texts[slot]`. */
  apply(texts: readonly string[]): ChatRequest;
}

export function requestTexts(request: ChatRequest): RequestTexts {
  const texts: string[] = [];
  const lastMessage: number[] = [];
  const lastIndex = request.messages.length - 1;
  request.messages.forEach((message, messageIndex) => {
    for (const part of message.content) {
      const inner = part.type === 'tool-result' ? part.content : [part];
      for (const piece of inner) {
        if (piece.type !== 'text') continue;
        if (messageIndex === lastIndex) lastMessage.push(texts.length);
        texts.push(piece.text);
      }
    }
  });
  return {
    texts,
    lastMessage,
    apply(next) {
      let slot = 0;
      const take = (text: string) => next[slot++] ?? text;
      const messages = request.messages.map((message) => ({
        ...message,
        content: message.content.map((part) => {
          if (part.type === 'text') return { ...part, text: take(part.text) };
          if (part.type === 'tool-result') return { ...part, content: part.content.map((piece) => (piece.type === 'text' ? { ...piece, text: take(piece.text) } : piece)) };
          return part;
        }),
      })) as ChatMessage[];
      return { ...request, messages };
    },
  };
}

/** The answer's text parts, and the answer with them replaced. */
export function responseTexts(response: ChatResponse): { texts: string[]; apply(texts: readonly string[]): ChatResponse } {
  const texts = response.content.flatMap((part) => (part.type === 'text' ? [part.text] : []));
  return {
    texts,
    apply(next) {
      let slot = 0;
      return { ...response, content: response.content.map((part) => (part.type === 'text' ? { ...part, text: next[slot++] ?? part.text } : part)) };
    },
  };
}
