import { describe, expect, it } from 'vitest';
import { decodeOllamaResponse } from './decode-ollama-response.js';
import { ollamaToolCallId } from './ollama-ids.js';

const answer = {
  model: 'gpt-oss:20b',
  created_at: '2025-08-18T20:56:43.228957185Z',
  message: { role: 'assistant', content: 'Done.', thinking: 'hmm', tool_calls: [{ id: 'call_abc', function: { index: 0, name: 'f', arguments: { a: 1 } } }, { function: { name: 'g', arguments: { b: [true] } } }] },
  done: true,
  done_reason: 'stop',
  prompt_eval_count: 10,
  eval_count: 5,
  remote_model: 'gpt-oss:20b-cloud',
  logprobs: [{ token: 'Done', logprob: -0.1 }],
};

describe('decodeOllamaResponse', () => {
  it('decodes thinking, text and tool calls, keeping Ollama’s own call ids and minting the missing ones', () => {
    const response = decodeOllamaResponse(answer, 'requested');
    expect(response.content).toEqual([
      { type: 'reasoning', text: 'hmm' },
      { type: 'text', text: 'Done.' },
      { type: 'tool-call', id: 'call_abc', name: 'f', arguments: '{"a":1}' },
      { type: 'tool-call', id: ollamaToolCallId(answer.created_at, 'gpt-oss:20b', 1), name: 'g', arguments: '{"b":[true]}' },
    ]);
    expect(response.finishReason).toEqual({ unified: 'tool-calls', raw: 'stop' });
    expect(response.usage).toEqual({ input: 10, output: 5, total: 15, raw: { prompt_eval_count: 10, eval_count: 5 } });
    expect(response.providerMetadata).toEqual({ ollama: { created_at: answer.created_at, remote_model: 'gpt-oss:20b-cloud', logprobs: answer.logprobs } });
  });

  it('counts a prompt served from the KV cache (no prompt_eval_count) as 0', () => {
    const response = decodeOllamaResponse({ model: 'm', created_at: 'x', message: { role: 'assistant', content: '' }, done: true, eval_count: 2 }, 'm');
    expect(response.usage).toMatchObject({ input: 0, output: 2, total: 2 });
    expect(response.content).toEqual([{ type: 'text', text: '' }]);
  });

  it('raises an error body answered with 200, and a body that is no chat answer', () => {
    expect(() => decodeOllamaResponse({ error: 'boom' }, 'm')).toThrow(expect.objectContaining({ kind: 'upstream', message: 'boom' }));
    expect(() => decodeOllamaResponse([1, 2], 'm')).toThrow(expect.objectContaining({ kind: 'upstream' }));
  });
});
