import type { ErrorKind } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import { encodeOpenAIChatError } from './encode-openai-chat-error.js';

describe('encodeOpenAIChatError', () => {
  it("uses OpenAI's error types, with null param and code when absent", () => {
    const expected: Record<ErrorKind, string> = {
      invalid_request: 'invalid_request_error',
      authentication: 'authentication_error',
      permission: 'permission_error',
      not_found: 'not_found_error',
      rate_limit: 'rate_limit_error',
      timeout: 'timeout_error',
      upstream: 'api_error',
      overloaded: 'server_error',
      unsupported: 'invalid_request_error',
      payload_too_large: 'invalid_request_error',
      internal: 'server_error',
    };
    for (const [kind, type] of Object.entries(expected)) {
      expect(encodeOpenAIChatError({ kind: kind as ErrorKind, status: 418, message: 'm' })).toEqual({
        status: 418,
        body: { error: { message: 'm', type, param: null, code: null } },
      });
    }
  });

  it('keeps the given param and code', () => {
    expect(
      encodeOpenAIChatError({
        kind: 'not_found',
        status: 404,
        message: 'The model `x` does not exist or you do not have access to it.',
        code: 'model_not_found',
        param: 'model',
      }),
    ).toEqual({
      status: 404,
      body: {
        error: {
          message: 'The model `x` does not exist or you do not have access to it.',
          type: 'not_found_error',
          param: 'model',
          code: 'model_not_found',
        },
      },
    });
  });
});
