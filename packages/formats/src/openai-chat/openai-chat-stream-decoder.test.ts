import type { SseEvent, StreamEvent } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import { createOpenAIChatStreamDecoder } from './openai-chat-stream-decoder.js';

const header = { id: 'chatcmpl-1', object: 'chat.completion.chunk', created: 1754693439, model: 'gpt-4o', service_tier: 'default', system_fingerprint: 'fp_1' };

function sse(payload: unknown): SseEvent {
  return { data: typeof payload === 'string' ? payload : JSON.stringify(payload) };
}

function delta(value: Record<string, unknown>, finishReason: string | null = null, extra: Record<string, unknown> = {}): SseEvent {
  return sse({ ...header, choices: [{ index: 0, delta: value, logprobs: null, finish_reason: finishReason }], ...extra });
}

function decodeAll(events: SseEvent[]): StreamEvent[] {
  const decoder = createOpenAIChatStreamDecoder();
  return [...events.flatMap((event) => decoder.decode(event)), ...decoder.end()];
}

const usage = { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15, prompt_tokens_details: { cached_tokens: 2 } };

describe('the Chat Completions stream decoder', () => {
  it('decodes a text stream with a usage chunk', () => {
    expect(
      decodeAll([
        delta({ role: 'assistant', content: '', refusal: null }),
        delta({ content: 'Hel' }),
        delta({ content: 'lo' }),
        delta({}, 'stop'),
        sse({ ...header, choices: [], usage }),
        sse('[DONE]'),
      ]),
    ).toEqual([
      { type: 'start', id: 'chatcmpl-1', model: 'gpt-4o', created: 1754693439, systemFingerprint: 'fp_1', serviceTier: 'default' },
      { type: 'text-delta', delta: 'Hel' },
      { type: 'text-delta', delta: 'lo' },
      { type: 'finish', finishReason: { unified: 'stop', raw: 'stop' } },
      { type: 'usage', usage: { input: 10, output: 5, total: 15, cachedInput: 2, raw: usage } },
    ]);
  });

  it('decodes reasoning (either field name) and refusals', () => {
    const events = decodeAll([
      delta({ role: 'assistant', content: null, reasoning_content: '' }),
      delta({ content: null, reasoning_content: 'Hmm' }),
      delta({ reasoning: ', yes' }),
      delta({ refusal: 'No.' }),
      delta({ content: '', reasoning_content: null }, 'stop', { usage }),
      sse('[DONE]'),
    ]);
    expect(events.slice(1)).toEqual([
      { type: 'reasoning-delta', delta: 'Hmm' },
      { type: 'reasoning-delta', delta: ', yes' },
      { type: 'refusal-delta', delta: 'No.' },
      { type: 'finish', finishReason: { unified: 'stop', raw: 'stop' }, usage: expect.objectContaining({ input: 10 }) },
    ]);
  });

  it('decodes parallel tool calls and ends every open call at the finish', () => {
    const events = decodeAll([
      delta({ role: 'assistant', content: null }),
      delta({ tool_calls: [{ index: 0, id: 'call_a', type: 'function', function: { name: 'one', arguments: '' } }] }),
      delta({ tool_calls: [{ index: 1, id: 'call_b', type: 'function', function: { name: 'two', arguments: '' } }] }),
      delta({ tool_calls: [{ index: 0, function: { arguments: '{"x"' } }] }),
      delta({ tool_calls: [{ index: 1, function: { arguments: '{}' } }] }),
      delta({ tool_calls: [{ index: 0, function: { arguments: ':1}' } }] }),
      delta({}, 'tool_calls'),
      sse('[DONE]'),
    ]);
    expect(events.slice(1)).toEqual([
      { type: 'tool-call-start', index: 0, id: 'call_a', name: 'one' },
      { type: 'tool-call-start', index: 1, id: 'call_b', name: 'two' },
      { type: 'tool-call-delta', index: 0, argumentsDelta: '{"x"' },
      { type: 'tool-call-delta', index: 1, argumentsDelta: '{}' },
      { type: 'tool-call-delta', index: 0, argumentsDelta: ':1}' },
      { type: 'tool-call-end', index: 0 },
      { type: 'tool-call-end', index: 1 },
      { type: 'finish', finishReason: { unified: 'tool-calls', raw: 'tool_calls' } },
    ]);
  });

  it('numbers whole tool calls that come without an index (Mistral)', () => {
    const events = decodeAll([
      delta({ role: 'assistant', content: '' }),
      delta(
        {
          content: null,
          tool_calls: [
            { id: 'a1', function: { name: 'weather', arguments: '{"city":"Paris"}' } },
            { id: 'b2', function: { name: 'time', arguments: '{}' } },
          ],
        },
        'tool_calls',
        { usage: { prompt_tokens: 124, total_tokens: 146, completion_tokens: 22 } },
      ),
      sse('[DONE]'),
    ]);
    expect(events.slice(1)).toEqual([
      { type: 'tool-call-start', index: 0, id: 'a1', name: 'weather' },
      { type: 'tool-call-delta', index: 0, argumentsDelta: '{"city":"Paris"}' },
      { type: 'tool-call-start', index: 1, id: 'b2', name: 'time' },
      { type: 'tool-call-delta', index: 1, argumentsDelta: '{}' },
      { type: 'tool-call-end', index: 0 },
      { type: 'tool-call-end', index: 1 },
      {
        type: 'finish',
        finishReason: { unified: 'tool-calls', raw: 'tool_calls' },
        usage: expect.objectContaining({ input: 124, output: 22, total: 146 }),
      },
    ]);
  });

  it('holds usage sent before the finish (running totals) for the finish', () => {
    const running = (completion: number) => ({ prompt_tokens: 10, completion_tokens: completion, total_tokens: 10 + completion });
    const events = decodeAll([
      delta({ role: 'assistant', content: 'a' }, null, { usage: running(1) }),
      delta({ content: 'b' }, null, { usage: running(2) }),
      delta({}, 'stop'),
      sse('[DONE]'),
    ]);
    expect(events.map((event) => event.type)).toEqual(['start', 'text-delta', 'text-delta', 'finish']);
    expect(events.at(-1)).toMatchObject({ usage: { input: 10, output: 2, total: 12 } });
  });

  it("skips Azure's leading prompt-filter chunk and starts on the first real one", () => {
    const events = decodeAll([
      sse({ choices: [], created: 0, id: '', model: '', object: '', prompt_filter_results: [] }),
      delta({ role: 'assistant', content: 'Hi' }),
      delta({}, 'stop'),
      sse('[DONE]'),
    ]);
    expect(events[0]).toMatchObject({ type: 'start', id: 'chatcmpl-1' });
    expect(events.map((event) => event.type)).toEqual(['start', 'text-delta', 'finish']);
  });

  it('turns an error chunk into an error event and stops', () => {
    const events = decodeAll([
      delta({ role: 'assistant', content: 'Hi' }),
      sse({ error: { message: 'The server had an error', type: 'server_error', param: null, code: null } }),
      delta({ content: 'ignored' }),
    ]);
    expect(events.slice(2)).toEqual([
      { type: 'error', error: { kind: 'upstream', status: 502, message: 'The server had an error' } },
    ]);
  });

  it('reports a stream cut before its finish', () => {
    const events = decodeAll([delta({ role: 'assistant', content: 'Hi' })]);
    expect(events.at(-1)).toEqual({
      type: 'error',
      error: expect.objectContaining({ kind: 'upstream', message: expect.stringContaining('ended before') }),
    });
  });

  it('accepts a finish without [DONE], and [DONE] without a finish', () => {
    expect(decodeAll([delta({ content: 'Hi' }), delta({}, 'length')]).at(-1)).toEqual({
      type: 'finish',
      finishReason: { unified: 'length', raw: 'length' },
    });
    expect(
      decodeAll([delta({ tool_calls: [{ index: 0, id: 'c', function: { name: 'f', arguments: '{}' } }] }), sse('[DONE]')]).slice(-2),
    ).toEqual([
      { type: 'tool-call-end', index: 0 },
      { type: 'finish', finishReason: { unified: 'other', raw: null } },
    ]);
  });

  it('ignores comments and reports a malformed chunk', () => {
    const decoder = createOpenAIChatStreamDecoder();
    expect(decoder.decode({ data: '', comment: 'keep-alive' })).toEqual([]);
    expect(decoder.decode(sse('{not json'))).toEqual([
      { type: 'error', error: expect.objectContaining({ kind: 'upstream', status: 502 }) },
    ]);
    expect(decoder.end()).toEqual([]);
  });
});
