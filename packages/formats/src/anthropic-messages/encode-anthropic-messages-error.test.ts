import type { ErrorKind } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import { encodeAnthropicMessagesError } from './encode-anthropic-messages-error.js';

describe('encodeAnthropicMessagesError', () => {
  it.each([
    ['invalid_request', 400, 'invalid_request_error'],
    ['authentication', 401, 'authentication_error'],
    ['permission', 403, 'permission_error'],
    ['not_found', 404, 'not_found_error'],
    ['payload_too_large', 413, 'request_too_large'],
    ['rate_limit', 429, 'rate_limit_error'],
    ['upstream', 502, 'api_error'],
    ['internal', 500, 'api_error'],
    ['overloaded', 529, 'overloaded_error'],
    ['timeout', 504, 'timeout_error'],
    ['unsupported', 400, 'invalid_request_error'],
  ] as const)('%s (%d) -> %s', (kind: ErrorKind, status, type) => {
    expect(encodeAnthropicMessagesError({ kind, status, message: 'something' })).toEqual({
      status,
      body: { type: 'error', error: { type, message: 'something' } },
    });
  });
});
