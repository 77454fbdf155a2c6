import { describe, expect, it } from 'vitest';
import { type ChatCompletionChunkLike, readChatCompletionStream, readChatCompletionStreamFailure } from './read-chat-completion-stream.js';

const chunks: ChatCompletionChunkLike[] = [
  { id: 'c1', choices: [{ delta: { reasoning_content: 'plan' }, finish_reason: null }] },
  { id: 'c1', choices: [{ delta: { content: 'Hi', tool_calls: [{ index: 0, id: 'call_0', function: { name: 'get_time', arguments: '' } }] }, finish_reason: null }] },
  { id: 'c1', choices: [{ delta: { tool_calls: [{ index: 0, function: { arguments: '{}' } }] }, finish_reason: 'tool_calls' }] },
  { id: 'c1', choices: [], usage: { prompt_tokens: 1, completion_tokens: 2, total_tokens: 3 } },
];

async function* stream(failWith?: Error) {
  yield* chunks.slice(0, 2);
  if (failWith) throw failWith;
  yield* chunks.slice(2);
}

describe('readChatCompletionStream', () => {
  it('reads text, reasoning, the last finish and usage, and tool calls put together by index', async () => {
    const reading = await readChatCompletionStream(stream());
    expect(reading).toEqual({
      chunks,
      text: 'Hi',
      reasoning: 'plan',
      finish: 'tool_calls',
      usage: { prompt_tokens: 1, completion_tokens: 2, total_tokens: 3 },
      toolCalls: [{ id: 'call_0', name: 'get_time', arguments: '{}' }],
    });
  });

  it('rejects when the stream fails', async () => {
    await expect(readChatCompletionStream(stream(new Error('cut')))).rejects.toThrow('cut');
  });
});

describe('readChatCompletionStreamFailure', () => {
  it('returns what arrived before the failure, and the failure', async () => {
    const failure = new Error('cut');
    const reading = await readChatCompletionStreamFailure(stream(failure));
    expect(reading.error).toBe(failure);
    expect(reading.text).toBe('Hi');
    expect(reading.finish).toBeNull();
  });

  it('has no error when the stream ended cleanly', async () => {
    expect((await readChatCompletionStreamFailure(stream())).error).toBeUndefined();
  });
});
