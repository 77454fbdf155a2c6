import type { ChatResponse, StreamEvent } from '@switchyard/core';

/** Replays a mock reply as a stream: one text delta per word, tool calls as start / arguments / end. */
export async function* streamMockReply(reply: ChatResponse, signal: AbortSignal): AsyncGenerator<StreamEvent> {
  yield { type: 'start', id: reply.id, model: reply.model, created: reply.created };
  let toolIndex = 0;
  for (const part of reply.content) {
    if (signal.aborted) return;
    if (part.type === 'text') {
      const words = part.text.split(/(?<= )/);
      for (const word of words) yield { type: 'text-delta', delta: word };
    } else if (part.type === 'tool-call') {
      const index = toolIndex++;
      yield { type: 'tool-call-start', index, id: part.id, name: part.name };
      yield { type: 'tool-call-delta', index, argumentsDelta: part.arguments };
      yield { type: 'tool-call-end', index };
    }
  }
  yield { type: 'finish', finishReason: reply.finishReason, usage: reply.usage };
}
