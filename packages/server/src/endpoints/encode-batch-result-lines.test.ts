import type { BatchResultItem, ChatResponse } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import { encodeBatchResultLines } from './encode-batch-result-lines.js';

const answer: ChatResponse = {
  id: 'msg_1',
  model: 'claude-haiku-4-5',
  content: [{ type: 'text', text: 'echo: hi' }],
  finishReason: { unified: 'stop', raw: 'end_turn' },
  usage: { input: 3, output: 2, total: 5 },
};

const results: BatchResultItem[] = [
  { customId: 'ok', response: answer },
  { customId: 'refused', error: { status: 400, code: 'invalid_request_error', message: 'max_tokens: too small' } },
  { customId: 'late', error: { code: 'batch_expired', message: 'The batch expired.' } },
];

async function lines(kind: 'output' | 'errors'): Promise<any[]> {
  const all: any[] = [];
  for await (const line of encodeBatchResultLines('msgbatch_1', (async function* () {
    yield* results;
  })(), kind)) {
    expect(line.endsWith('\n')).toBe(true);
    all.push(JSON.parse(line));
  }
  return all;
}

describe('encodeBatchResultLines', () => {
  it('writes answers to the output file as chat.completion bodies', async () => {
    const [line, ...rest] = await lines('output');
    expect(rest).toEqual([]);
    expect(line).toMatchObject({
      custom_id: 'ok',
      error: null,
      response: { status_code: 200, request_id: 'msg_1', body: { id: 'msg_1', object: 'chat.completion', model: 'claude-haiku-4-5', choices: [{ message: { role: 'assistant', content: 'echo: hi' }, finish_reason: 'stop' }], usage: { prompt_tokens: 3, completion_tokens: 2, total_tokens: 5 } } },
    });
    expect(line.id).toMatch(/^batch_req_[0-9a-f]{32}$/);
  });

  it('writes failures to the error file as OpenAI does: an error body with its status, or an error code', async () => {
    const [refused, late] = await lines('errors');
    expect(refused).toMatchObject({ custom_id: 'refused', error: null, response: { status_code: 400, body: { error: { message: 'max_tokens: too small', type: 'invalid_request_error', code: 'invalid_request_error' } } } });
    expect(late).toMatchObject({ custom_id: 'late', response: null, error: { code: 'batch_expired', message: 'The batch expired.' } });
  });
});
