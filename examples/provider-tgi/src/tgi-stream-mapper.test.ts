import { describe, expect, it } from 'vitest';
import { createTgiStreamState, endTgiStream, mapTgiStreamEvent } from './tgi-stream-mapper.js';

const token = (text: string, special = false) => ({ token: { id: 1, text, logprob: -0.1, special }, generated_text: null, details: null });

describe('mapTgiStreamEvent', () => {
  it('maps tokens to text deltas, skips the special EOS token, and finishes with the details', () => {
    const state = createTgiStreamState('tgi-1', 'llama');
    const events = [
      ...mapTgiStreamEvent(state, token('Hello')),
      ...mapTgiStreamEvent(state, token(' world')),
      ...mapTgiStreamEvent(state, {
        token: { id: 2, text: '</s>', special: true },
        generated_text: 'Hello world',
        details: { finish_reason: 'eos_token', generated_tokens: 3, input_length: 7, seed: null },
      }),
      ...endTgiStream(state),
    ];
    expect(events).toEqual([
      { type: 'start', id: 'tgi-1', model: 'llama' },
      { type: 'text-delta', delta: 'Hello' },
      { type: 'text-delta', delta: ' world' },
      {
        type: 'finish',
        finishReason: { unified: 'stop', raw: 'eos_token' },
        usage: { input: 7, output: 3, total: 10, raw: { finish_reason: 'eos_token', generated_tokens: 3, input_length: 7, seed: null } },
      },
    ]);
  });

  it('turns an error event into an error, never a clean finish', () => {
    const state = createTgiStreamState('tgi-2', 'llama');
    mapTgiStreamEvent(state, token('Hi'));
    expect(mapTgiStreamEvent(state, { error: 'Request failed during generation: CUDA out of memory', error_type: 'generation' })).toEqual([
      { type: 'error', error: { kind: 'upstream', status: 502, message: 'TGI failed mid-stream: Request failed during generation: CUDA out of memory', provider: 'tgi' } },
    ]);
  });

  it('reports a stream that breaks off before its last token', () => {
    const state = createTgiStreamState('tgi-3', 'llama');
    mapTgiStreamEvent(state, token('Hi'));
    expect(endTgiStream(state)).toEqual([{ type: 'error', error: { kind: 'upstream', status: 502, message: 'TGI ended the stream before its last token', provider: 'tgi' } }]);
  });
});
