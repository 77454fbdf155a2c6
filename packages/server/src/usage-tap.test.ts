import { describe, expect, it } from 'vitest';
import { anthropicMessagesFront } from './anthropic-messages-front.js';
import { openAIChatFront } from './openai-chat-front.js';
import { UsageTap } from './usage-tap.js';

const encoder = new TextEncoder();

function tapAll(tap: UsageTap, body: string, chunkSize: number) {
  const bytes = encoder.encode(body);
  for (let offset = 0; offset < bytes.length; offset += chunkSize) tap.push(bytes.subarray(offset, offset + chunkSize));
  return tap.read();
}

describe('UsageTap', () => {
  it('reads OpenAI usage from the last chunk of a long SSE stream, whatever the chunking', () => {
    const usage = { prompt_tokens: 12, completion_tokens: 5, total_tokens: 17, prompt_tokens_details: { cached_tokens: 4 } };
    const body =
      'data: {"id":"x","model":"gpt-4o-2024-08-06","choices":[{"delta":{"content":"hi"}}],"usage":null}\n\n'.repeat(500) +
      `data: {"id":"x","model":"gpt-4o-2024-08-06","choices":[],"usage":${JSON.stringify(usage)}}\n\n` +
      'data: [DONE]\n\n';
    for (const size of [1, 7, 4096]) {
      const read = tapAll(new UsageTap(openAIChatFront.readPassthroughUsage), body, size);
      expect(read.usage).toMatchObject({ input: 12, output: 5, total: 17, cachedInput: 4 });
      expect(read.model).toBe('gpt-4o-2024-08-06');
    }
  });

  it('takes the first non-empty model (Azure opens streams with an empty one)', () => {
    const body = 'data: {"id":"","model":"","choices":[],"prompt_filter_results":[]}\n\ndata: {"id":"c1","model":"gpt-4o-2024-11-20","choices":[{"delta":{"content":"x"}}]}\n\n';
    expect(tapAll(new UsageTap(openAIChatFront.readPassthroughUsage), body, 50).model).toBe('gpt-4o-2024-11-20');
  });

  it('reads OpenAI usage from a JSON answer and nothing from a stream without it', () => {
    const json = tapAll(new UsageTap(openAIChatFront.readPassthroughUsage), '{"model":"m","usage":{"prompt_tokens":3,"completion_tokens":2,"total_tokens":5}}', 10);
    expect(json.usage).toMatchObject({ input: 3, output: 2, total: 5 });
    const none = tapAll(new UsageTap(openAIChatFront.readPassthroughUsage), 'data: {"choices":[{"delta":{"content":"x"}}]}\n\ndata: [DONE]\n\n', 10);
    expect(none.usage).toBeUndefined();
  });

  it('joins Anthropic message_start usage with the cumulative message_delta usage', () => {
    const body = [
      'event: message_start\ndata: {"type":"message_start","message":{"id":"msg_1","model":"claude-sonnet-4-5","usage":{"input_tokens":3,"cache_read_input_tokens":1111,"cache_creation_input_tokens":418,"output_tokens":1}}}\n\n',
      'event: content_block_delta\ndata: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"hello"}}\n\n'.repeat(300),
      'event: message_delta\ndata: {"type":"message_delta","delta":{"stop_reason":"end_turn"},"usage":{"output_tokens":42}}\n\n',
      'event: message_stop\ndata: {"type":"message_stop"}\n\n',
    ].join('');
    const read = tapAll(new UsageTap(anthropicMessagesFront.readPassthroughUsage), body, 333);
    expect(read.model).toBe('claude-sonnet-4-5');
    expect(read.usage).toMatchObject({ input: 1532, cachedInput: 1111, cacheWrite: 418, output: 42 });
  });
});
