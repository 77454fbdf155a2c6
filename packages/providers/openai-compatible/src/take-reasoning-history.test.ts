import type { ChatRequest, Warning } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import { putReasoningHistory, takeReasoningHistory } from './take-reasoning-history.js';

const request: ChatRequest = {
  model: 'm',
  stream: false,
  messages: [
    { role: 'user', content: [{ type: 'text', text: 'q1' }] },
    { role: 'assistant', content: [{ type: 'reasoning', text: 'think 1' }, { type: 'text', text: 'a1' }] },
    { role: 'user', content: [{ type: 'text', text: 'q2' }] },
    {
      role: 'assistant',
      content: [
        { type: 'reasoning', text: 'think 2', signature: 'sig', provider: 'anthropic' },
        { type: 'tool-call', id: 'c1', name: 'f', arguments: '{}' },
      ],
    },
    { role: 'assistant', content: [{ type: 'reasoning', text: '', redactedData: 'opaque', provider: 'anthropic' }, { type: 'text', text: 'a3' }] },
  ],
};

describe('reasoning history', () => {
  it('takes reasoning out of assistant turns, warning about signatures it cannot carry', () => {
    const warnings: Warning[] = [];
    const taken = takeReasoningHistory(request, (warning) => warnings.push(warning));
    expect(taken.history).toEqual([['think 1'], ['think 2']]);
    expect(taken.history[2]).toBeUndefined();
    expect(taken.request.messages[1]!.content).toEqual([{ type: 'text', text: 'a1' }]);
    expect(JSON.stringify(taken.request)).not.toContain('"reasoning"');
    expect(warnings.map((warning) => warning.field)).toEqual(['messages[3].content[0].signature', 'messages[4].content[0].redactedData']);
  });

  it('puts it back as a field of the assistant message', () => {
    const messages: Array<Record<string, unknown>> = [
      { role: 'user', content: 'q1' },
      { role: 'assistant', content: 'a1' },
      { role: 'assistant', content: null, tool_calls: [] },
    ];
    putReasoningHistory(messages, [['a', 'b'], undefined], 'reasoning_content');
    expect(messages[1]).toEqual({ role: 'assistant', content: 'a1', reasoning_content: 'ab' });
    expect(messages[2]).not.toHaveProperty('reasoning_content');
  });

  it('puts it back as Mistral thinking chunks ahead of the text', () => {
    const messages: Array<Record<string, unknown>> = [
      { role: 'assistant', content: 'answer' },
      { role: 'assistant', content: null, tool_calls: [{ id: 'x' }] },
    ];
    putReasoningHistory(messages, [['one', 'two'], ['three']], 'thinking-chunks');
    expect(messages[0]!.content).toEqual([
      { type: 'thinking', thinking: [{ type: 'text', text: 'one' }, { type: 'text', text: 'two' }] },
      { type: 'text', text: 'answer' },
    ]);
    expect(messages[1]!.content).toEqual([{ type: 'thinking', thinking: [{ type: 'text', text: 'three' }] }]);
  });
});
