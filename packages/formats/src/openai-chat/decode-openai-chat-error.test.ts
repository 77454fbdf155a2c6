import { describe, expect, it } from 'vitest';
import { decodeOpenAIChatError } from './decode-openai-chat-error.js';

describe('decodeOpenAIChatError', () => {
  it('reads the kind from the code first, then the type', () => {
    expect(
      decodeOpenAIChatError({ message: 'Incorrect API key provided', type: 'invalid_request_error', param: null, code: 'invalid_api_key' }),
    ).toEqual({ kind: 'authentication', status: 401, message: 'Incorrect API key provided', code: 'invalid_api_key' });
    expect(decodeOpenAIChatError({ message: 'gone', type: 'invalid_request_error', code: 'model_not_found' }, 404)).toEqual({
      kind: 'not_found',
      status: 404,
      message: 'gone',
      code: 'model_not_found',
    });
    expect(decodeOpenAIChatError({ message: 'slow down', type: 'tokens', code: 'rate_limit_exceeded' }).kind).toBe('rate_limit');
    expect(decodeOpenAIChatError({ message: 'bad', type: 'invalid_request_error', param: 'messages', code: 'empty_array' })).toEqual({
      kind: 'invalid_request',
      status: 400,
      message: 'bad',
      param: 'messages',
      code: 'empty_array',
    });
    expect(decodeOpenAIChatError({ message: 'boom', type: 'server_error' }).kind).toBe('upstream');
  });

  it('falls back to the status, then to upstream', () => {
    expect(decodeOpenAIChatError({ message: 'x', type: 'weird' }, 503)).toMatchObject({ kind: 'overloaded', status: 503 });
    expect(decodeOpenAIChatError({ message: 'x' })).toMatchObject({ kind: 'upstream', status: 502 });
    expect(decodeOpenAIChatError({ code: 500 })).toMatchObject({ kind: 'upstream', code: '500' });
  });
});
