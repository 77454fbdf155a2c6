import { describe, expect, it } from 'vitest';
import { encodeOpenAIResponsesError } from './encode-openai-responses-error.js';

describe('Responses errors', () => {
  it('use the Chat Completions body', () => {
    expect(encodeOpenAIResponsesError({ kind: 'not_found', status: 404, message: "The requested model 'x' does not exist.", param: 'model', code: 'model_not_found' })).toEqual({
      status: 404,
      body: { error: { message: "The requested model 'x' does not exist.", type: 'not_found_error', param: 'model', code: 'model_not_found' } },
    });
    expect(encodeOpenAIResponsesError({ kind: 'rate_limit', status: 429, message: 'slow' }).body).toEqual({
      error: { message: 'slow', type: 'rate_limit_error', param: null, code: null },
    });
  });
});
