import type { SseEvent, StreamEvent } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import { createCohereStreamDecoder } from './cohere-stream-decoder.js';

function frame(data: Record<string, unknown>): SseEvent {
  return { event: String(data.type), data: JSON.stringify(data) };
}

function run(frames: SseEvent[], end = true): StreamEvent[] {
  const decoder = createCohereStreamDecoder('command-a-03-2025');
  const events = frames.flatMap((item) => decoder.decode(item));
  return end ? [...events, ...decoder.end()] : events;
}

const start = frame({ id: 'msg-1', type: 'message-start', delta: { message: { role: 'assistant', content: [], tool_plan: '', tool_calls: [], citations: [] } } });
const done: SseEvent = { data: '[DONE]' };
const usage = { billed_units: { input_tokens: 3, output_tokens: 2 }, tokens: { input_tokens: 10, output_tokens: 4 } };

describe('the Cohere stream decoder', () => {
  it('turns text and thinking deltas into text and reasoning, finishing with usage', () => {
    const events = run([
      start,
      frame({ type: 'content-start', index: 0, delta: { message: { content: { type: 'thinking', thinking: '' } } } }),
      frame({ type: 'content-delta', index: 0, delta: { message: { content: { thinking: 'let me see' } } } }),
      frame({ type: 'content-end', index: 0 }),
      frame({ type: 'content-start', index: 1, delta: { message: { content: { type: 'text', text: '' } } } }),
      frame({ type: 'content-delta', index: 1, delta: { message: { content: { text: 'Hi' } } } }),
      frame({ type: 'content-end', index: 1 }),
      frame({ type: 'message-end', delta: { finish_reason: 'COMPLETE', usage } }),
      done,
    ]);
    expect(events).toEqual([
      { type: 'start', id: 'msg-1', model: 'command-a-03-2025' },
      { type: 'reasoning-delta', delta: 'let me see', provider: 'cohere' },
      { type: 'text-delta', delta: 'Hi' },
      { type: 'finish', finishReason: { unified: 'stop', raw: 'COMPLETE' }, usage: { input: 10, output: 4, total: 14, raw: usage } },
    ]);
  });

  it('streams the tool plan as reasoning and interleaved tool calls with their own indexes', () => {
    const events = run([
      start,
      frame({ type: 'tool-plan-delta', delta: { message: { tool_plan: 'I will' } } }),
      frame({ type: 'tool-plan-delta', delta: { message: { tool_plan: ' call.' } } }),
      frame({ type: 'tool-call-start', index: 0, delta: { message: { tool_calls: { id: 'a_1', type: 'function', function: { name: 'a', arguments: '' } } } } }),
      frame({ type: 'tool-call-start', index: 1, delta: { message: { tool_calls: { id: 'b_2', type: 'function', function: { name: 'b', arguments: '{' } } } } }),
      frame({ type: 'tool-call-delta', index: 0, delta: { message: { tool_calls: { function: { arguments: '{}' } } } } }),
      frame({ type: 'tool-call-delta', index: 1, delta: { message: { tool_calls: { function: { arguments: '}' } } } } }),
      frame({ type: 'tool-call-end', index: 0 }),
      frame({ type: 'message-end', delta: { finish_reason: 'TOOL_CALL', usage } }),
      done,
    ]);
    expect(events.slice(1)).toEqual([
      { type: 'reasoning-delta', delta: 'I will', provider: 'cohere' },
      { type: 'reasoning-delta', delta: ' call.', provider: 'cohere' },
      { type: 'tool-call-start', index: 0, id: 'a_1', name: 'a' },
      { type: 'tool-call-start', index: 1, id: 'b_2', name: 'b' },
      { type: 'tool-call-delta', index: 1, argumentsDelta: '{' },
      { type: 'tool-call-delta', index: 0, argumentsDelta: '{}' },
      { type: 'tool-call-delta', index: 1, argumentsDelta: '}' },
      { type: 'tool-call-end', index: 0 },
      // A call Cohere never ended is closed before the finish.
      { type: 'tool-call-end', index: 1 },
      {
        type: 'finish',
        finishReason: { unified: 'tool-calls', raw: 'TOOL_CALL' },
        usage: { input: 10, output: 4, total: 14, raw: usage },
        providerMetadata: { cohere: { tool_plan: 'I will call.' } },
      },
    ]);
  });

  it('collects citations into the finish', () => {
    const citation = { start: 0, end: 2, text: 'Hi', sources: [{ type: 'tool', id: 'a_1:0', tool_output: { x: 1 } }], type: 'TEXT_CONTENT' };
    const events = run([
      start,
      frame({ type: 'content-delta', index: 0, delta: { message: { content: { text: 'Hi' } } } }),
      frame({ type: 'citation-start', index: 0, delta: { message: { citations: citation } } }),
      frame({ type: 'citation-end', index: 0 }),
      frame({ type: 'message-end', delta: { finish_reason: 'COMPLETE' } }),
    ]);
    expect(events.at(-1)).toEqual({ type: 'finish', finishReason: { unified: 'stop', raw: 'COMPLETE' }, providerMetadata: { cohere: { citations: [citation] } } });
  });

  it('ends with an error, never a finish, when Cohere reports ERROR', () => {
    const events = run([start, frame({ type: 'message-end', delta: { finish_reason: 'ERROR', error: 'internal failure' } }), done]);
    expect(events.at(-1)).toEqual({ type: 'error', error: { kind: 'upstream', status: 502, message: 'internal failure', provider: 'cohere', code: 'ERROR' } });
    expect(events.some((event) => event.type === 'finish')).toBe(false);
  });

  it('ends with an error when the body stops before message-end, or [DONE] comes too early', () => {
    expect(run([start, frame({ type: 'content-delta', index: 0, delta: { message: { content: { text: 'Hi' } } } })]).at(-1)).toMatchObject({
      type: 'error',
      error: { message: expect.stringContaining('ended before the provider finished') },
    });
    expect(run([start, done]).at(-1)).toMatchObject({ type: 'error', error: { message: expect.stringContaining('[DONE]') } });
  });

  it('fails on a chunk that is not JSON, and skips unknown and debug events', () => {
    expect(run([start, frame({ type: 'debug', prompt: 'x' }), frame({ type: 'brand-new' }), { data: '{oops' }], false).at(-1)).toMatchObject({
      type: 'error',
      error: { message: 'Cohere sent a stream event that is not JSON.' },
    });
  });

  it('starts with a stand-in id when message-start is missing', () => {
    const events = run([frame({ type: 'content-delta', index: 0, delta: { message: { content: { text: 'x' } } } })], false);
    expect(events[0]).toMatchObject({ type: 'start', id: expect.stringMatching(/^cohere-/) });
  });
});
