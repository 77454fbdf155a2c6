import type { ChatResponse } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import { collectStreamedAnswer } from './collect-streamed-answer.js';
import { replayCachedAnswer } from './replay-cached-answer.js';

const response: ChatResponse = {
  id: 'msg_1',
  model: 'claude-x',
  created: 1_700_000_000,
  content: [
    { type: 'reasoning', text: 'Think first.', signature: 'sig-1', provider: 'anthropic' },
    { type: 'text', text: 'Looking it up.' },
    { type: 'tool-call', id: 'call_1', name: 'lookup', arguments: '{"q":"switchyard"}' },
    { type: 'tool-call', id: 'call_2', name: 'lookup', arguments: '{"q":"rail"}' },
  ],
  finishReason: { unified: 'tool-calls', raw: 'tool_use' },
  usage: { input: 12, output: 30, total: 42 },
};

describe('stream replay of a stored answer', () => {
  it('emits start, content in order, closed tool calls and a finish with usage', () => {
    const events = replayCachedAnswer(response);
    expect(events.map((event) => event.type)).toEqual([
      'start', 'reasoning-delta', 'text-delta', 'tool-call-start', 'tool-call-delta', 'tool-call-end', 'tool-call-start', 'tool-call-delta', 'tool-call-end', 'finish',
    ]);
    expect(events.at(-1)).toEqual({ type: 'finish', finishReason: response.finishReason, usage: response.usage });
  });

  it('collects back to the same response', () => {
    const collector = collectStreamedAnswer();
    for (const event of replayCachedAnswer(response)) collector.push(event);
    expect(collector.answer()).toEqual(response);
  });

  it('collects nothing from a stream that failed or never finished', () => {
    const events = replayCachedAnswer(response);
    const failed = collectStreamedAnswer();
    for (const event of events.slice(0, 3)) failed.push(event);
    failed.push({ type: 'error', error: { kind: 'upstream', message: 'cut', status: 502 } as never });
    expect(failed.answer()).toBeUndefined();
    const cut = collectStreamedAnswer();
    for (const event of events.slice(0, -1)) cut.push(event);
    expect(cut.answer()).toBeUndefined();
  });
});
