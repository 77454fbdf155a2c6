import type { StreamEvent } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import { createOpenAIChatStreamEncoder } from './openai-chat-stream-encoder.js';

const start: StreamEvent = {
  type: 'start',
  id: 'chatcmpl-1',
  model: 'gpt-4o',
  created: 1754693439,
  systemFingerprint: 'fp_1',
  serviceTier: 'default',
};

function encodeAll(events: StreamEvent[], includeUsage = false): string {
  const encoder = createOpenAIChatStreamEncoder({ includeUsage });
  return events.map((event) => encoder.encode(event)).join('') + encoder.end();
}

function frames(text: string): unknown[] {
  expect(text.endsWith('\n\n')).toBe(true);
  return text
    .trimEnd()
    .split('\n\n')
    .map((frame) => {
      expect(frame.startsWith('data: ')).toBe(true);
      const data = frame.slice('data: '.length);
      return data === '[DONE]' ? data : JSON.parse(data);
    });
}

const head = { id: 'chatcmpl-1', object: 'chat.completion.chunk', created: 1754693439, model: 'gpt-4o', service_tier: 'default', system_fingerprint: 'fp_1' };

describe('the Chat Completions stream encoder', () => {
  it('writes the exact OpenAI text-stream frames', () => {
    const text = encodeAll([
      start,
      { type: 'text-delta', delta: 'Hi' },
      { type: 'finish', finishReason: { unified: 'stop', raw: 'end_turn' } },
    ]);
    expect(text).toBe(
      [
        `data: ${JSON.stringify({ ...head, choices: [{ index: 0, delta: { role: 'assistant', content: '', refusal: null }, logprobs: null, finish_reason: null }] })}`,
        `data: ${JSON.stringify({ ...head, choices: [{ index: 0, delta: { content: 'Hi' }, logprobs: null, finish_reason: null }] })}`,
        `data: ${JSON.stringify({ ...head, choices: [{ index: 0, delta: {}, logprobs: null, finish_reason: 'stop' }] })}`,
        'data: [DONE]',
        '',
      ].join('\n\n'),
    );
  });

  it('with include_usage: usage null on every chunk, then a usage chunk with no choices before [DONE]', () => {
    const usage = { input: 10, output: 5, total: 15, cachedInput: 0, reasoning: 0 };
    const parsed = frames(
      encodeAll(
        [start, { type: 'text-delta', delta: 'Hi' }, { type: 'finish', finishReason: { unified: 'stop', raw: 'stop' } }, { type: 'usage', usage }],
        true,
      ),
    );
    expect(parsed).toHaveLength(5);
    for (const frame of parsed.slice(0, 3)) expect(frame).toMatchObject({ usage: null });
    expect(parsed[3]).toEqual({
      ...head,
      choices: [],
      usage: {
        prompt_tokens: 10,
        completion_tokens: 5,
        total_tokens: 15,
        prompt_tokens_details: { cached_tokens: 0 },
        completion_tokens_details: { reasoning_tokens: 0 },
      },
    });
    expect(parsed[4]).toBe('[DONE]');
  });

  it('without include_usage: no usage anywhere, even when the finish carries it', () => {
    const text = encodeAll([start, { type: 'finish', finishReason: { unified: 'stop', raw: 'stop' }, usage: { input: 1, output: 1, total: 2 } }]);
    expect(text).not.toContain('usage');
  });

  it('renumbers tool calls 0, 1 … and sends arguments as deltas', () => {
    const parsed = frames(
      encodeAll([
        start,
        { type: 'tool-call-start', index: 1, id: 'toolu_a', name: 'one' },
        { type: 'tool-call-delta', index: 1, argumentsDelta: '{"x":' },
        { type: 'tool-call-delta', index: 1, argumentsDelta: '1}' },
        { type: 'tool-call-end', index: 1 },
        { type: 'tool-call-start', index: 3, id: 'toolu_b', name: 'two' },
        { type: 'tool-call-end', index: 3 },
        { type: 'finish', finishReason: { unified: 'tool-calls', raw: 'tool_use' } },
      ]),
    ) as Array<{ choices: Array<{ delta: Record<string, unknown>; finish_reason: string | null }> }>;
    expect(parsed.slice(1, 5).map((frame) => frame.choices[0]!.delta)).toEqual([
      { tool_calls: [{ index: 0, id: 'toolu_a', type: 'function', function: { name: 'one', arguments: '' } }] },
      { tool_calls: [{ index: 0, function: { arguments: '{"x":' } }] },
      { tool_calls: [{ index: 0, function: { arguments: '1}' } }] },
      { tool_calls: [{ index: 1, id: 'toolu_b', type: 'function', function: { name: 'two', arguments: '' } }] },
    ]);
    expect(parsed[5]!.choices[0]!.finish_reason).toBe('tool_calls');
  });

  it('sends reasoning as reasoning_content and refusals as refusal', () => {
    const parsed = frames(
      encodeAll([
        start,
        { type: 'reasoning-delta', delta: 'Hmm' },
        { type: 'reasoning-delta', delta: '', signature: 'sig' },
        { type: 'refusal-delta', delta: 'No.' },
        { type: 'finish', finishReason: { unified: 'stop', raw: 'stop' } },
      ]),
    ) as Array<{ choices: Array<{ delta: unknown }> }>;
    expect(parsed.slice(1, 3).map((frame) => frame.choices[0]!.delta)).toEqual([{ reasoning_content: 'Hmm' }, { refusal: 'No.' }]);
  });

  it('ends an errored stream with the error chunk only: no [DONE], nothing after', () => {
    const encoder = createOpenAIChatStreamEncoder({ includeUsage: true });
    let text = encoder.encode(start) + encoder.encode({ type: 'text-delta', delta: 'Hi' });
    const error = encoder.encode({ type: 'error', error: { kind: 'overloaded', status: 503, message: 'Overloaded' } });
    expect(error).toBe('data: {"error":{"message":"Overloaded","type":"server_error","param":null,"code":null}}\n\n');
    text += error + encoder.encode({ type: 'text-delta', delta: 'more' }) + encoder.end();
    expect(text.endsWith(error)).toBe(true);
    expect(text).not.toContain('[DONE]');
  });

  it('writes the role chunk even when the canonical stream had no start', () => {
    const parsed = frames(encodeAll([{ type: 'text-delta', delta: 'Hi' }, { type: 'finish', finishReason: { unified: 'stop', raw: null } }]));
    expect(parsed[0]).toMatchObject({ id: '', choices: [{ delta: { role: 'assistant', content: '' } }] });
    expect(parsed).toHaveLength(4);
  });
});
