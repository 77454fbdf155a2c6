import { GatewayError } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import { decodeOpenAIResponsesResponse } from './decode-openai-responses-response.js';

const answer = {
  id: 'resp_1',
  object: 'response',
  created_at: 1757687080,
  status: 'completed',
  error: null,
  incomplete_details: null,
  instructions: 'Plan.',
  model: 'gpt-5-2025-08-07',
  output: [
    { id: 'rs_1', type: 'reasoning', summary: [{ type: 'summary_text', text: 'A' }, { type: 'summary_text', text: 'B' }], encrypted_content: 'gAAAAAB1' },
    { id: 'ws_1', type: 'web_search_call', status: 'completed', action: { type: 'search', query: 'q' } },
    {
      id: 'msg_1',
      type: 'message',
      status: 'completed',
      role: 'assistant',
      phase: 'final_answer',
      content: [{ type: 'output_text', text: 'See [1].', annotations: [{ type: 'url_citation', url: 'https://e.com' }], logprobs: [] }],
    },
    { id: 'fc_1', type: 'function_call', status: 'completed', call_id: 'call_1', name: 'update_plan', arguments: '{"plan":"x"}' },
  ],
  parallel_tool_calls: true,
  service_tier: 'default',
  usage: { input_tokens: 124, input_tokens_details: { cached_tokens: 0 }, output_tokens: 1926, output_tokens_details: { reasoning_tokens: 1792 }, total_tokens: 2050 },
  billing: { payer: 'developer' },
};

describe('decodeOpenAIResponsesResponse', () => {
  it('turns output items into content parts in order, keeping everything else as metadata', () => {
    const decoded = decodeOpenAIResponsesResponse(answer);
    expect(decoded).toMatchObject({
      id: 'resp_1',
      model: 'gpt-5-2025-08-07',
      created: 1757687080,
      serviceTier: 'default',
      finishReason: { unified: 'tool-calls', raw: 'completed' },
      usage: { input: 124, output: 1926, total: 2050, cachedInput: 0, reasoning: 1792 },
    });
    expect(decoded.content).toEqual([
      { type: 'reasoning', text: 'A\n\nB', redactedData: 'gAAAAAB1', provider: 'openai' },
      { type: 'text', text: 'See [1].' },
      { type: 'tool-call', id: 'call_1', name: 'update_plan', arguments: '{"plan":"x"}' },
    ]);
    expect(decoded.providerMetadata).toEqual({
      'openai-responses': {
        response: { instructions: 'Plan.', parallel_tool_calls: true, billing: { payer: 'developer' } },
        output: [
          { parts: 1, item: { id: 'rs_1', type: 'reasoning', summary: [{ type: 'summary_text', text: 'A' }, { type: 'summary_text', text: 'B' }] } },
          { parts: 0, item: answer.output[1] },
          {
            parts: 1,
            item: {
              id: 'msg_1',
              type: 'message',
              status: 'completed',
              role: 'assistant',
              phase: 'final_answer',
              content: [{ type: 'output_text', annotations: [{ type: 'url_citation', url: 'https://e.com' }], logprobs: [] }],
            },
          },
          { parts: 1, item: { id: 'fc_1', type: 'function_call', status: 'completed' } },
        ],
      },
    });
  });

  it('reads an incomplete answer as cut by length', () => {
    const decoded = decodeOpenAIResponsesResponse({ ...answer, status: 'incomplete', incomplete_details: { reason: 'max_output_tokens' }, output: [] });
    expect(decoded.finishReason).toEqual({ unified: 'length', raw: 'max_output_tokens' });
  });

  it('throws for an error body, a failed response and something that is not a response', () => {
    const thrown = (body: unknown) => {
      try {
        decodeOpenAIResponsesResponse(body);
      } catch (error) {
        if (GatewayError.isInstance(error)) return error;
      }
      throw new Error('expected an error');
    };
    expect(thrown({ error: { message: 'No such model', type: 'invalid_request_error', param: 'model', code: 'model_not_found' } })).toMatchObject({
      kind: 'not_found',
      code: 'model_not_found',
      param: 'model',
    });
    expect(thrown({ ...answer, status: 'failed', error: { code: 'rate_limit_exceeded', message: 'Slow down' } })).toMatchObject({ kind: 'rate_limit', message: 'Slow down' });
    expect(thrown({ ...answer, status: 'failed', error: { code: 'server_error', message: 'Oops' } })).toMatchObject({ kind: 'upstream', message: 'Oops' });
    expect(thrown({ id: 'x' })).toMatchObject({ kind: 'upstream' });
  });
});
