import type { ChatTurn, ChatTurnResult } from './chat-turn.js';

/** One turn over OpenAI Chat Completions, streamed, or a single answer object when `stream` is false. */
export async function chatCompletionsTurn(turn: ChatTurn, stream: boolean): Promise<ChatTurnResult> {
  const messages = [...(turn.system ? [{ role: 'system' as const, content: turn.system }] : []), ...turn.messages];
  const base = { model: turn.model, messages, ...(turn.maxTokens !== undefined && { max_tokens: turn.maxTokens }) };
  if (!stream) {
    const completion = await turn.gateway.client.chat.completions.create({ ...base, stream: false });
    return { text: completion.choices[0]?.message.content ?? '', answer: completion };
  }
  const runner = turn.gateway.client.chat.completions.stream(base);
  runner.on('content.delta', ({ delta }) => turn.onText(delta));
  const completion = await runner.finalChatCompletion();
  return { text: completion.choices[0]?.message.content ?? '', answer: completion };
}
