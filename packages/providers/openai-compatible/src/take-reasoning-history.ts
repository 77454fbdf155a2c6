import type { AssistantContentPart, ChatMessage, ChatRequest, Warning } from '@switchyard/core';

/** The reasoning texts of each assistant turn, by the turn's position among assistant messages. */
export type ReasoningHistory = Array<string[] | undefined>;

/**
 * Takes the reasoning parts out of the assistant turns, so the Chat Completions encoder (which
 * has no place for them and would drop them with a warning) never sees them, and returns them
 * for `putReasoningHistory` to send back in the server's own field. A signature or redacted
 * data was made by another provider and means nothing here: it is dropped with a warning, and a
 * part that held nothing else is not sent.
 */
export function takeReasoningHistory(request: ChatRequest, warn: (warning: Warning) => void): { request: ChatRequest; history: ReasoningHistory } {
  const history: ReasoningHistory = [];
  let assistantTurn = -1;
  const messages = request.messages.map((message, messageIndex): ChatMessage => {
    if (message.role !== 'assistant') return message;
    assistantTurn++;
    const texts: string[] = [];
    const content: AssistantContentPart[] = [];
    message.content.forEach((part, partIndex) => {
      if (part.type !== 'reasoning') return content.push(part);
      const field = `messages[${messageIndex}].content[${partIndex}]`;
      if (part.signature !== undefined || part.redactedData !== undefined) {
        warn({
          type: 'unsupported-field',
          field: part.signature !== undefined ? `${field}.signature` : `${field}.redactedData`,
          message: `Reasoning signatures and redacted reasoning${part.provider ? ` from ${part.provider}` : ''} cannot be sent to this provider; only the reasoning text is sent.`,
        });
      }
      if (part.text !== '') texts.push(part.text);
    });
    if (texts.length > 0) history[assistantTurn] = texts;
    return { ...message, content };
  });
  return { request: { ...request, messages }, history };
}

/**
 * Puts reasoning back into the encoded assistant messages (one per canonical assistant turn, in
 * order): as a string field (`reasoning_content`, `reasoning`), or as Mistral thinking chunks
 * ahead of the text.
 */
export function putReasoningHistory(
  messages: Array<Record<string, unknown>>,
  history: ReasoningHistory,
  mode: 'reasoning_content' | 'reasoning' | 'thinking-chunks',
): void {
  let assistantTurn = -1;
  for (const message of messages) {
    if (message.role !== 'assistant') continue;
    assistantTurn++;
    const texts = history[assistantTurn];
    if (!texts) continue;
    if (mode !== 'thinking-chunks') {
      // Several parts are pieces of one reasoning (split deltas, or blocks around tool calls).
      message[mode] = texts.join('');
      continue;
    }
    const thinking = { type: 'thinking', thinking: texts.map((text) => ({ type: 'text', text })) };
    const content = message.content;
    const rest = typeof content === 'string' ? [{ type: 'text', text: content }] : Array.isArray(content) ? content : [];
    message.content = [thinking, ...rest];
  }
}
