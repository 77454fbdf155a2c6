import type { StreamEvent } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import { createCompatibleStreamState, endCompatibleStream, mapCompatibleStreamEvent } from './compatible-stream-mapper.js';
import type { OpenAICompatiblePreset } from './openai-compatible-preset.js';
import { testPreset } from './test-presets.test-support.js';

function run(preset: OpenAICompatiblePreset, chunks: Array<object | string>): StreamEvent[] {
  const state = createCompatibleStreamState(preset);
  const events = chunks.flatMap((chunk) => mapCompatibleStreamEvent(state, { data: typeof chunk === 'string' ? chunk : JSON.stringify(chunk) }));
  return [...events, ...endCompatibleStream(state)];
}

const head = { id: 'c1', object: 'chat.completion.chunk', created: 1, model: 'm' };

describe('compatible stream mapper', () => {
  it('reads usage under x_groq on the finish chunk (Groq)', () => {
    const events = run(testPreset({ usageInStream: 'x_groq' }), [
      { ...head, choices: [{ index: 0, delta: { role: 'assistant', content: 'hi' }, finish_reason: null }] },
      { ...head, choices: [{ index: 0, delta: {}, finish_reason: 'stop' }], x_groq: { id: 'req_1', usage: { prompt_tokens: 3, completion_tokens: 1, total_tokens: 4 } } },
      '[DONE]',
    ]);
    expect(events.at(-1)).toMatchObject({ type: 'finish', finishReason: { unified: 'stop', raw: 'stop' }, usage: { input: 3, output: 1, total: 4 } });
  });

  it('turns Mistral thinking and text chunks into reasoning and text deltas, and whole tool calls into indexed calls', () => {
    const events = run(testPreset({ contentAsArray: true, toolCallsWithoutIndex: true }), [
      { ...head, choices: [{ index: 0, delta: { role: 'assistant', content: [{ type: 'thinking', thinking: [{ type: 'text', text: 'The user' }] }] }, finish_reason: null }] },
      { ...head, choices: [{ index: 0, delta: { content: [{ type: 'thinking', thinking: [{ type: 'text', text: ' asks.' }] }] }, finish_reason: null }] },
      { ...head, choices: [{ index: 0, delta: { content: [{ type: 'text', text: '4' }] }, finish_reason: null }] },
      {
        ...head,
        choices: [
          {
            index: 0,
            delta: { content: null, tool_calls: [{ id: 'aaaaaaaaa', function: { name: 'f', arguments: '{}' } }, { id: 'bbbbbbbbb', function: { name: 'g', arguments: '{"x":1}' } }] },
            finish_reason: 'tool_calls',
          },
        ],
        usage: { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 },
      },
      '[DONE]',
    ]);
    expect(events.filter((event) => event.type === 'reasoning-delta').map((event) => (event as { delta: string }).delta)).toEqual(['The user', ' asks.']);
    expect(events.filter((event) => event.type === 'text-delta')).toEqual([{ type: 'text-delta', delta: '4' }]);
    expect(events.filter((event) => event.type.startsWith('tool-call'))).toEqual([
      { type: 'tool-call-start', index: 0, id: 'aaaaaaaaa', name: 'f' },
      { type: 'tool-call-delta', index: 0, argumentsDelta: '{}' },
      { type: 'tool-call-start', index: 1, id: 'bbbbbbbbb', name: 'g' },
      { type: 'tool-call-delta', index: 1, argumentsDelta: '{"x":1}' },
      { type: 'tool-call-end', index: 0 },
      { type: 'tool-call-end', index: 1 },
    ]);
    expect(events.at(-1)).toMatchObject({ type: 'finish', finishReason: { unified: 'tool-calls' }, usage: { input: 10, output: 5 } });
  });

  it('reads the preset\'s reasoning field when a server fills both', () => {
    const events = run(testPreset({ reasoningField: 'reasoning' }), [
      { ...head, choices: [{ index: 0, delta: { reasoning: 'right', reasoning_content: 'other' }, finish_reason: null }] },
      { ...head, choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] },
    ]);
    expect(events.filter((event) => event.type === 'reasoning-delta')).toEqual([{ type: 'reasoning-delta', delta: 'right' }]);
  });

  it("keeps Perplexity's citations as metadata on the finish, and adds xAI's reasoning tokens to the output", () => {
    const usage = { prompt_tokens: 5, completion_tokens: 2, total_tokens: 10, completion_tokens_details: { reasoning_tokens: 3 } };
    const events = run(testPreset({ metadataFields: ['citations'], reasoningTokensOutsideCompletion: true }), [
      { ...head, citations: ['https://a.example'], choices: [{ index: 0, delta: { content: 'x' }, finish_reason: null }] },
      { ...head, citations: ['https://a.example', 'https://b.example'], choices: [{ index: 0, delta: {}, finish_reason: 'stop' }], usage },
    ]);
    expect(events.at(-1)).toMatchObject({
      type: 'finish',
      usage: { input: 5, output: 5, reasoning: 3, total: 10 },
      providerMetadata: { test: { citations: ['https://a.example', 'https://b.example'] } },
    });
  });

  it('turns a flat error chunk (vLLM, Mistral) into an error event naming the provider', () => {
    const events = run(testPreset(), [
      { ...head, choices: [{ index: 0, delta: { content: 'par' }, finish_reason: null }] },
      { object: 'error', message: 'CUDA out of memory', type: 'InternalServerError', param: null, code: 500 },
    ]);
    expect(events.at(-1)).toEqual({ type: 'error', error: { kind: 'upstream', status: 502, message: 'CUDA out of memory', code: '500', provider: 'test' } });
  });

  it('ends with an error event when the body stops before the finish', () => {
    const events = run(testPreset(), [{ ...head, choices: [{ index: 0, delta: { content: 'par' }, finish_reason: null }] }]);
    expect(events.at(-1)).toMatchObject({ type: 'error', error: { kind: 'upstream', provider: 'test' } });
  });
});
