import { cannedHttpResponse } from '@switchyard/testkit';
import { describe, expect, it } from 'vitest';
import { mapAnthropicError } from './map-anthropic-error.js';

const errorBody = (type: string, message: string, requestId?: string) => ({
  type: 'error',
  error: { type, message },
  ...(requestId && { request_id: requestId }),
});

describe('mapAnthropicError', () => {
  it.each([
    [400, 'invalid_request_error', 'invalid_request', false],
    [401, 'authentication_error', 'authentication', false],
    [402, 'billing_error', 'permission', false],
    [403, 'permission_error', 'permission', false],
    [404, 'not_found_error', 'not_found', false],
    [413, 'request_too_large', 'payload_too_large', false],
    [429, 'rate_limit_error', 'rate_limit', true],
    [500, 'api_error', 'upstream', true],
    [504, 'timeout_error', 'timeout', true],
    [529, 'overloaded_error', 'overloaded', true],
  ] as const)('%d %s -> %s', async (status, type, kind, retryable) => {
    const error = await mapAnthropicError(cannedHttpResponse(status, errorBody(type, `a ${type}`, 'req_011')));
    expect(error).toMatchObject({ name: 'UpstreamError', kind, status, upstreamStatus: status, code: type, provider: 'anthropic', retryable, message: `a ${type}` });
    expect(error.headers['request-id']).toBe('req_011');
    expect(error.body).toEqual(errorBody(type, `a ${type}`, 'req_011'));
  });

  it('keeps the request-id header and follows x-should-retry', async () => {
    const error = await mapAnthropicError(
      cannedHttpResponse(429, errorBody('rate_limit_error', 'slow down'), { 'request-id': 'req_01T5', 'x-should-retry': 'false', 'retry-after': '3' }),
    );
    expect(error.headers).toMatchObject({ 'request-id': 'req_01T5', 'retry-after': '3' });
    expect(error.retryable).toBe(false);
  });

  it('takes the kind from the error type, not only the status', async () => {
    const error = await mapAnthropicError(cannedHttpResponse(400, errorBody('overloaded_error', 'busy')));
    expect(error.kind).toBe('overloaded');
    expect(error.status).toBe(400);
  });

  it('falls back on the status for a body that is not Anthropic JSON', async () => {
    const error = await mapAnthropicError(cannedHttpResponse(502, '<html>Bad gateway</html>', { 'content-type': 'text/html' }));
    expect(error).toMatchObject({ kind: 'upstream', status: 502, message: 'anthropic answered 502', retryable: true });
    expect(error.body).toBe('<html>Bad gateway</html>');
  });
});
