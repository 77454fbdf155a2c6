import { describe, expect, it } from 'vitest';
import { UsageTap } from './usage-tap.js';

const encoder = new TextEncoder();

describe('UsageTap', () => {
  it('reads usage from the last usage chunk of an SSE stream, whatever the chunking', () => {
    const usage = { prompt_tokens: 12, completion_tokens: 5, total_tokens: 17, prompt_tokens_details: { cached_tokens: 4 } };
    const body =
      'data: {"id":"x","model":"gpt-4o-2024-08-06","choices":[{"delta":{"content":"hi"}}],"usage":null}\n\n'.repeat(500) +
      `data: {"id":"x","model":"gpt-4o-2024-08-06","choices":[],"usage":${JSON.stringify(usage)}}\n\n` +
      'data: [DONE]\n\n';
    const bytes = encoder.encode(body);
    for (const size of [1, 7, 4096]) {
      const tap = new UsageTap();
      for (let offset = 0; offset < bytes.length; offset += size) tap.push(bytes.subarray(offset, offset + size));
      const read = tap.read();
      expect(read.usage).toMatchObject({ input: 12, output: 5, total: 17, cachedInput: 4 });
      expect(read.model).toBe('gpt-4o-2024-08-06');
    }
  });

  it('reads usage from a JSON answer and nothing from a stream without it', () => {
    const json = new UsageTap();
    json.push(encoder.encode('{"model":"m","usage":{"prompt_tokens":3,'));
    json.push(encoder.encode('"completion_tokens":2,"total_tokens":5}}'));
    expect(json.read().usage).toMatchObject({ input: 3, output: 2, total: 5 });

    const none = new UsageTap();
    none.push(encoder.encode('data: {"choices":[{"delta":{"content":"x"}}]}\n\ndata: [DONE]\n\n'));
    expect(none.read().usage).toBeUndefined();
  });
});
