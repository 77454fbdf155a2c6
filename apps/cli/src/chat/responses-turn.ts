import type { ChatTurn, ChatTurnResult } from './chat-turn.js';

/** One turn over OpenAI Responses (the history sent as input items, the system prompt as instructions). */
export async function responsesTurn(turn: ChatTurn, stream: boolean): Promise<ChatTurnResult> {
  const base = {
    model: turn.model,
    input: turn.messages.map((message) => ({ role: message.role, content: message.content })),
    ...(turn.system && { instructions: turn.system }),
    ...(turn.maxTokens !== undefined && { max_output_tokens: turn.maxTokens }),
  };
  if (!stream) {
    const response = await turn.gateway.client.responses.create({ ...base, stream: false });
    return { text: response.output_text, answer: response };
  }
  const runner = turn.gateway.client.responses.stream(base);
  runner.on('response.output_text.delta', (event) => turn.onText(event.delta));
  const response = await runner.finalResponse();
  return { text: response.output_text, answer: response };
}
