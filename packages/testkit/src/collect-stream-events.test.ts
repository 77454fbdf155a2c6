import type { StreamEvent } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import { collectStreamEvents, finishEvent, streamedReasoning, streamedText, streamedToolCalls } from './collect-stream-events.js';

const events: StreamEvent[] = [
  { type: 'start', id: 'r1', model: 'm' },
  { type: 'reasoning-delta', delta: 'think' },
  { type: 'reasoning-delta', delta: '', signature: 'sig' },
  { type: 'text-delta', delta: 'Hel' },
  { type: 'tool-call-start', index: 1, id: 'b', name: 'second' },
  { type: 'tool-call-start', index: 0, id: 'a', name: 'first' },
  { type: 'tool-call-delta', index: 0, argumentsDelta: '{"x":' },
  { type: 'tool-call-delta', index: 1, argumentsDelta: '{}' },
  { type: 'tool-call-delta', index: 0, argumentsDelta: '1}' },
  { type: 'text-delta', delta: 'lo' },
  { type: 'finish', finishReason: { unified: 'tool-calls', raw: 'tool_use' } },
  { type: 'usage', usage: { input: 1, output: 2, total: 3 } },
];

describe('collectStreamEvents and the helpers over its result', () => {
  it('drains a stream in order', async () => {
    async function* stream() {
      yield* events;
    }
    expect(await collectStreamEvents(stream())).toEqual(events);
  });

  it('joins text and reasoning, assembles tool calls by index in order of start, finds the finish', () => {
    expect(streamedText(events)).toBe('Hello');
    expect(streamedReasoning(events)).toBe('think');
    expect(streamedToolCalls(events)).toEqual([
      { id: 'b', name: 'second', arguments: '{}' },
      { id: 'a', name: 'first', arguments: '{"x":1}' },
    ]);
    expect(finishEvent(events)).toEqual({ type: 'finish', finishReason: { unified: 'tool-calls', raw: 'tool_use' } });
    expect(finishEvent(events.slice(0, 3))).toBeUndefined();
  });
});
