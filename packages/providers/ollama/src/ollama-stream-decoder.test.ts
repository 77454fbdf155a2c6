import type { StreamEvent } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import { ollamaResponseId, ollamaToolCallId } from './ollama-ids.js';
import { createOllamaStreamDecoderState, decodeOllamaStreamChunk, endOllamaStreamDecoder } from './ollama-stream-decoder.js';

const chunk = (message: object, extra: object = { done: false }, at = '2025-01-01T00:00:00.000000001Z') => ({ model: 'qwen3', created_at: at, message: { role: 'assistant', ...message }, ...extra });

function decode(...values: unknown[]): StreamEvent[] {
  const state = createOllamaStreamDecoderState('asked');
  return [...values.flatMap((value) => decodeOllamaStreamChunk(state, value)), ...endOllamaStreamDecoder(state)];
}

describe('decodeOllamaStreamChunk', () => {
  it('opens with the first chunk, then thinking, text, whole tool calls, and the finish with usage', () => {
    const events = decode(
      chunk({ content: '', thinking: 'Hmm' }),
      chunk({ content: 'Hi' }, { done: false }, '2025-01-01T00:00:00.5Z'),
      chunk({ content: '', tool_calls: [{ function: { name: 'f', arguments: { x: 1 } } }, { function: { name: 'g', arguments: {} } }] }),
      chunk({ content: '!' }, { done: true, done_reason: 'stop', prompt_eval_count: 3, eval_count: 4 }),
    );
    const first = ollamaToolCallId('2025-01-01T00:00:00.000000001Z', 'qwen3', 0);
    expect(events).toEqual([
      { type: 'start', id: ollamaResponseId('2025-01-01T00:00:00.000000001Z', 'qwen3'), model: 'qwen3', created: 1735689600 },
      { type: 'reasoning-delta', delta: 'Hmm' },
      { type: 'text-delta', delta: 'Hi' },
      { type: 'tool-call-start', index: 0, id: first, name: 'f' },
      { type: 'tool-call-delta', index: 0, argumentsDelta: '{"x":1}' },
      { type: 'tool-call-end', index: 0 },
      { type: 'tool-call-start', index: 1, id: ollamaToolCallId('2025-01-01T00:00:00.000000001Z', 'qwen3', 1), name: 'g' },
      { type: 'tool-call-delta', index: 1, argumentsDelta: '{}' },
      { type: 'tool-call-end', index: 1 },
      { type: 'text-delta', delta: '!' },
      {
        type: 'finish',
        finishReason: { unified: 'tool-calls', raw: 'stop' },
        usage: { input: 3, output: 4, total: 7, raw: { prompt_eval_count: 3, eval_count: 4 } },
        providerMetadata: { ollama: { created_at: '2025-01-01T00:00:00.000000001Z' } },
      },
    ]);
  });

  it('ends with an error on Ollama’s error line, on a line that is no chunk, and on a body cut before done', () => {
    expect(decode(chunk({ content: 'a' }), { error: 'out of memory' }).at(-1)).toEqual({ type: 'error', error: { kind: 'upstream', status: 502, message: 'out of memory', provider: 'ollama' } });
    expect(decode(chunk({ content: 'a' }), 42).at(-1)).toMatchObject({ type: 'error', error: { message: expect.stringContaining('not a chat chunk') } });
    expect(decode(chunk({ content: 'a' })).at(-1)).toMatchObject({ type: 'error', error: { message: expect.stringContaining('ended before the answer was complete') } });
    expect(decode().at(-1)).toMatchObject({ type: 'error' });
  });

  it('decodes nothing after the finish', () => {
    const events = decode(chunk({ content: '' }, { done: true, done_reason: 'length' }), chunk({ content: 'late' }));
    expect(events.map((event) => event.type)).toEqual(['start', 'finish']);
    expect(events[1]).toMatchObject({ finishReason: { unified: 'length', raw: 'length' } });
  });
});
