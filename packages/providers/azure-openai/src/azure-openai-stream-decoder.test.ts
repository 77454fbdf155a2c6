import type { StreamEvent } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import { createAzureOpenAIStreamDecoderState, decodeAzureOpenAIStreamEvent, endAzureOpenAIStreamDecoder } from './azure-openai-stream-decoder.js';

const promptChunk = { choices: [], created: 0, id: '', model: '', object: '', prompt_filter_results: [{ prompt_index: 0, content_filter_results: { hate: { filtered: false, severity: 'safe' } } }] };
const chunk = (delta: object, finish: string | null = null, filters: object = {}) => ({
  id: 'chatcmpl-1',
  object: 'chat.completion.chunk',
  created: 1,
  model: 'gpt-4o',
  choices: [{ index: 0, delta, finish_reason: finish, content_filter_results: filters }],
});

function decode(...chunks: Array<object | string>): StreamEvent[] {
  const state = createAzureOpenAIStreamDecoderState();
  const events = chunks.flatMap((data) => decodeAzureOpenAIStreamEvent(state, { data: typeof data === 'string' ? data : JSON.stringify(data) }));
  return [...events, ...endAzureOpenAIStreamDecoder(state)];
}

describe('decodeAzureOpenAIStreamEvent', () => {
  it('starts at the first chunk with an id, carrying the prompt verdicts of the leading chunk', () => {
    const events = decode(promptChunk, chunk({ role: 'assistant', content: '' }), chunk({ content: 'Hi' }, null, { hate: { filtered: false, severity: 'safe' } }), chunk({}, 'stop'), '[DONE]');
    expect(events.map((event) => event.type)).toEqual(['start', 'text-delta', 'finish']);
    expect(events[0]).toMatchObject({ id: 'chatcmpl-1', providerMetadata: { 'azure-openai': { promptFilterResults: promptChunk.prompt_filter_results } } });
    expect(events[2]).toMatchObject({
      finishReason: { unified: 'stop', raw: 'stop' },
      providerMetadata: { 'azure-openai': { promptFilterResults: promptChunk.prompt_filter_results, contentFilterResults: { hate: { filtered: false, severity: 'safe' } } } },
    });
  });

  it('reports a content-filter finish and a mid-stream error as Azure sends them', () => {
    const filtered = decode(chunk({ content: 'x' }), chunk({}, 'content_filter', { violence: { filtered: true, severity: 'high' } }), '[DONE]');
    expect(filtered.at(-1)).toMatchObject({ type: 'finish', finishReason: { unified: 'content-filter', raw: 'content_filter' }, providerMetadata: { 'azure-openai': { contentFilterResults: { violence: { filtered: true } } } } });

    const failed = decode(promptChunk, chunk({ content: 'x' }), { error: { code: 'InternalServerError', message: 'boom' } });
    expect(failed.at(-1)).toMatchObject({ type: 'error', error: { message: 'boom', provider: 'azure-openai', code: 'InternalServerError' } });
  });

  it('ends with an error when the body stops before a finish', () => {
    const events = decode(promptChunk, chunk({ content: 'x' }));
    expect(events.at(-1)).toMatchObject({ type: 'error', error: { kind: 'upstream', provider: 'azure-openai' } });
  });
});
