import type { GatewayClient } from '../open-client.js';

export type ChatFormat = 'chat' | 'responses' | 'messages';
export const chatFormats: readonly ChatFormat[] = ['chat', 'responses', 'messages'];

export interface ChatMessage {
  role: 'user' | 'assistant';
  content: string;
}

export interface ChatTurn {
  gateway: GatewayClient;
  model: string;
  system?: string;
  maxTokens?: number;
  /** The conversation so far, ending with the new user message. */
  messages: readonly ChatMessage[];
  /** Called with each piece of text as it arrives (streaming turns). */
  onText(text: string): void;
}

/** What a turn produced: the assistant's text (for the history) and the final answer object in the format's own shape. */
export interface ChatTurnResult {
  text: string;
  answer: unknown;
}
