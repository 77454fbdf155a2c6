import { describe, expect, it } from 'vitest';
import { describeCompatibleErrorBody } from './map-compatible-error.js';

describe('describeCompatibleErrorBody', () => {
  it("reads OpenAI's shape, with Groq's extra keys and a numeric code", () => {
    expect(
      describeCompatibleErrorBody({
        error: { code: 'tool_use_failed', failed_generation: '{}', message: 'Tool call validation failed', type: 'invalid_request_error' },
      }),
    ).toEqual({ message: 'Tool call validation failed', code: 'tool_use_failed', param: undefined, type: 'invalid_request_error' });
    expect(describeCompatibleErrorBody({ error: { code: 402, message: 'Insufficient credits', metadata: {} } })).toMatchObject({ message: 'Insufficient credits', code: '402' });
    expect(describeCompatibleErrorBody({ error: 'model not loaded' })).toEqual({ message: 'model not loaded' });
  });

  it("reads Mistral's flat body and vLLM's", () => {
    expect(
      describeCompatibleErrorBody({
        object: 'error',
        message: 'Tool call id was call_0fypS1hVX but must be a-z, A-Z, 0-9, with a length of 9.',
        type: 'invalid_function_call',
        param: null,
        code: '3280',
      }),
    ).toEqual({ message: 'Tool call id was call_0fypS1hVX but must be a-z, A-Z, 0-9, with a length of 9.', code: '3280', param: undefined, type: 'invalid_function_call' });
    expect(describeCompatibleErrorBody({ object: 'error', message: 'The model `x` does not exist.', type: 'NotFoundError', param: null, code: 404 })).toMatchObject({
      message: 'The model `x` does not exist.',
      code: '404',
      type: 'NotFoundError',
    });
  });

  it("turns Mistral's and FastAPI's validation reports into one line per problem", () => {
    const detail = [
      { type: 'extra_forbidden', loc: ['body', 'max_completion_tokens'], msg: 'Extra inputs are not permitted', input: 32000 },
      { type: 'missing', loc: ['body', 'messages', 0, 'content'], msg: 'Field required' },
    ];
    const expected = { message: 'max_completion_tokens: Extra inputs are not permitted; messages.0.content: Field required', param: 'max_completion_tokens' };
    expect(describeCompatibleErrorBody({ object: 'error', message: { detail }, type: 'invalid_request_error', param: null, code: null })).toMatchObject(expected);
    expect(describeCompatibleErrorBody({ object: 'Error', detail, message: detail, type: 'invalid_request_error', code: 3001 })).toMatchObject({ ...expected, code: '3001' });
    expect(describeCompatibleErrorBody({ object: 'error', message: JSON.stringify({ detail }), type: 'internal_error_proxy', code: '1000' })).toMatchObject(expected);
    expect(describeCompatibleErrorBody({ detail })).toMatchObject(expected);
    expect(describeCompatibleErrorBody({ detail: 'Not authenticated' })).toMatchObject({ message: 'Not authenticated' });
  });

  it('gives up on shapes it does not know', () => {
    expect(describeCompatibleErrorBody({ status: 'bad' })).toBeUndefined();
    expect(describeCompatibleErrorBody([{ error: 'a' }, { error: 'b' }])).toBeUndefined();
  });
});
