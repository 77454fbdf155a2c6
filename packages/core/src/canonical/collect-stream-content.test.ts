import type { StreamEvent } from './stream-event.js';
import { describe, expect, it } from 'vitest';
import { createStreamContentCollector } from './collect-stream-content.js';

function collect(events: StreamEvent[]) {
  const collector = createStreamContentCollector();
  events.forEach((event) => collector.push(event));
  return collector.parts();
}

describe('createStreamContentCollector', () => {
  it('joins text deltas and keeps reasoning, text and interleaved calls in the order they started', () => {
    expect(
      collect([
        { type: 'start', id: 'msg_1', model: 'm' },
        { type: 'reasoning-delta', delta: 'think' },
        { type: 'reasoning-delta', delta: 'ing' },
        { type: 'reasoning-delta', delta: '', signature: 'sig', provider: 'anthropic' },
        { type: 'text-delta', delta: 'Hel' },
        { type: 'text-delta', delta: '' },
        { type: 'text-delta', delta: 'lo' },
        { type: 'tool-call-start', index: 0, id: 'call_a', name: 'a' },
        { type: 'tool-call-start', index: 1, id: 'call_b', name: 'b' },
        { type: 'tool-call-delta', index: 1, argumentsDelta: '{"y":' },
        { type: 'tool-call-delta', index: 0, argumentsDelta: '{}' },
        { type: 'tool-call-delta', index: 1, argumentsDelta: '2}' },
        { type: 'tool-call-end', index: 0 },
        { type: 'tool-call-end', index: 1 },
        { type: 'finish', finishReason: { unified: 'tool-calls', raw: 'tool_use' } },
      ]),
    ).toEqual([
      { type: 'reasoning', text: 'thinking', signature: 'sig', provider: 'anthropic' },
      { type: 'text', text: 'Hello' },
      { type: 'tool-call', id: 'call_a', name: 'a', arguments: '{}' },
      { type: 'tool-call', id: 'call_b', name: 'b', arguments: '{"y":2}' },
    ]);
  });

  it('starts a new reasoning part after a signed one, and keeps redacted data', () => {
    expect(
      collect([
        { type: 'reasoning-delta', delta: 'a', signature: 's1' },
        { type: 'reasoning-delta', delta: '', redactedData: 'opaque' },
        { type: 'refusal-delta', delta: 'no' },
      ]),
    ).toEqual([
      { type: 'reasoning', text: 'a', signature: 's1' },
      { type: 'reasoning', text: '', redactedData: 'opaque' },
      { type: 'refusal', text: 'no' },
    ]);
  });
});
