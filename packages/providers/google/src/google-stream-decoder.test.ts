import type { StreamEvent } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import { createGoogleStreamDecoder } from './google-stream-decoder.js';

function run(chunks: unknown[], { end = true } = {}): StreamEvent[] {
  const decoder = createGoogleStreamDecoder('gemini-2.5-flash');
  const events = chunks.flatMap((chunk) => decoder.decode({ data: typeof chunk === 'string' ? chunk : JSON.stringify(chunk) }));
  return end ? [...events, ...decoder.end()] : events;
}

const text = (value: string, extra: Record<string, unknown> = {}) => ({
  candidates: [{ content: { parts: [{ text: value }], role: 'model' }, index: 0, ...extra }],
  responseId: 'resp',
  modelVersion: 'gemini-2.5-flash',
});

describe('Gemini stream decoder', () => {
  it('streams text, keeps the last cumulative usage and finishes on finishReason', () => {
    const events = run([
      { ...text('Hel'), usageMetadata: { promptTokenCount: 5, totalTokenCount: 5 } },
      { ...text('lo'), usageMetadata: { promptTokenCount: 5, candidatesTokenCount: 1, totalTokenCount: 6 } },
      { ...text('!', { finishReason: 'STOP' }), usageMetadata: { promptTokenCount: 5, candidatesTokenCount: 2, totalTokenCount: 7 } },
    ]);
    expect(events).toEqual([
      { type: 'start', id: 'resp', model: 'gemini-2.5-flash' },
      { type: 'text-delta', delta: 'Hel' },
      { type: 'text-delta', delta: 'lo' },
      { type: 'text-delta', delta: '!' },
      {
        type: 'finish',
        finishReason: { unified: 'stop', raw: 'STOP' },
        usage: { input: 5, output: 2, total: 7, raw: { promptTokenCount: 5, candidatesTokenCount: 2, totalTokenCount: 7 } },
        providerMetadata: { google: { modelVersion: 'gemini-2.5-flash' } },
      },
    ]);
  });

  it('streams thoughts as reasoning and places a signature before the part it came on', () => {
    const events = run([
      { candidates: [{ content: { parts: [{ text: 'plan', thought: true }] } }], responseId: 'r' },
      { candidates: [{ content: { parts: [{ text: 'Answer', thoughtSignature: 'SIG' }] } }], responseId: 'r' },
      { candidates: [{ content: { parts: [{ text: '' }] }, finishReason: 'STOP' }], responseId: 'r' },
    ]);
    expect(events.slice(1, 4)).toEqual([
      { type: 'reasoning-delta', delta: 'plan', provider: 'google' },
      { type: 'reasoning-delta', delta: '', signature: 'SIG', provider: 'google' },
      { type: 'text-delta', delta: 'Answer' },
    ]);
    expect(events[4]).toMatchObject({ type: 'finish', finishReason: { unified: 'stop' } });
  });

  it('emits whole function calls as start / one delta / end with stable, indexed ids', () => {
    const events = run([
      {
        candidates: [
          {
            content: { parts: [{ functionCall: { name: 'a', args: { n: 1 } } }, { functionCall: { name: 'b', args: {} } }] },
            finishReason: 'STOP',
          },
        ],
        responseId: 'xyz',
      },
    ]);
    expect(events.slice(1, 7)).toEqual([
      { type: 'tool-call-start', index: 0, id: 'call_xyz_0', name: 'a' },
      { type: 'tool-call-delta', index: 0, argumentsDelta: '{"n":1}' },
      { type: 'tool-call-end', index: 0 },
      { type: 'tool-call-start', index: 1, id: 'call_xyz_1', name: 'b' },
      { type: 'tool-call-delta', index: 1, argumentsDelta: '{}' },
      { type: 'tool-call-end', index: 1 },
    ]);
    expect(events[7]).toMatchObject({ type: 'finish', finishReason: { unified: 'tool-calls', raw: 'STOP' } });
  });

  it('carries a function call signature in its id, unless told not to', () => {
    const chunk = { candidates: [{ content: { parts: [{ functionCall: { name: 'a', args: {} }, thoughtSignature: 'U0lH' }] }, finishReason: 'STOP' }], responseId: 'r' };
    const signed = run([chunk]);
    expect(signed[1]).toEqual({ type: 'reasoning-delta', delta: '', signature: 'U0lH', provider: 'google' });
    expect(signed[2]).toEqual({ type: 'tool-call-start', index: 0, id: 'call_r_0__thought__U0lH', name: 'a' });
    const decoder = createGoogleStreamDecoder('m', { signatureInToolCallId: false });
    expect(decoder.decode({ data: JSON.stringify(chunk) })[2]).toEqual({ type: 'tool-call-start', index: 0, id: 'call_r_0', name: 'a' });
  });

  it('finishes with content-filter when the prompt is blocked', () => {
    const events = run([{ promptFeedback: { blockReason: 'PROHIBITED_CONTENT' }, usageMetadata: { promptTokenCount: 3, totalTokenCount: 3 } }]);
    expect(events[1]).toMatchObject({ type: 'finish', finishReason: { unified: 'content-filter', raw: 'PROHIBITED_CONTENT' }, usage: { input: 3 } });
  });

  it('turns an error chunk into an error event and stops there', () => {
    const events = run([text('Hi'), { error: { code: 500, message: 'An internal error has occurred.', status: 'INTERNAL' } }, text('more')]);
    expect(events.slice(1)).toEqual([
      { type: 'text-delta', delta: 'Hi' },
      { type: 'error', error: { kind: 'upstream', status: 500, message: 'An internal error has occurred.', code: 'INTERNAL', provider: 'google' } },
    ]);
  });

  it('reports a body that ends without a finishReason, and a chunk that is not JSON', () => {
    const cut = run([text('Hi')]);
    expect(cut[cut.length - 1]).toMatchObject({ type: 'error', error: { kind: 'upstream', message: expect.stringContaining('ended before') } });
    const broken = run(['{"candidates": [', text('x')]);
    expect(broken).toEqual([{ type: 'error', error: expect.objectContaining({ message: expect.stringContaining('not JSON') }) }]);
  });

  it('reports usage that comes after the finish', () => {
    const events = run([text('x', { finishReason: 'MAX_TOKENS' }), { usageMetadata: { promptTokenCount: 1, candidatesTokenCount: 1, totalTokenCount: 2 } }]);
    expect(events.map((event) => event.type)).toEqual(['start', 'text-delta', 'finish', 'usage']);
    expect(events[2]).toMatchObject({ finishReason: { unified: 'length', raw: 'MAX_TOKENS' } });
  });
});
