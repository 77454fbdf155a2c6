import { UpstreamError } from '@switchyard/core';
import { cannedHttpResponse } from '@switchyard/testkit';
import { describe, expect, it } from 'vitest';
import { describeGoogleErrorBody, googleErrorKind, googleStreamErrorBody, readGoogleUpstreamError } from './map-google-error.js';

// Indented and with a charset, as Google sends its error bodies.
const errorResponse = (status: number, body: unknown) =>
  cannedHttpResponse(status, typeof body === 'string' ? body : JSON.stringify(body, null, 2), { 'content-type': 'application/json; charset=UTF-8' });

const googleError = (code: number, status: string, message: string, details?: unknown[]) => ({
  error: { code, message, status, ...(details && { details }) },
});

describe('readGoogleUpstreamError', () => {
  it('maps 400 INVALID_ARGUMENT "API key not valid" to authentication, keeping the 400', async () => {
    const body = [
      googleError(400, 'INVALID_ARGUMENT', 'API key not valid. Please pass a valid API key.', [
        { '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason: 'API_KEY_INVALID', domain: 'googleapis.com' },
      ]),
    ];
    const error = await readGoogleUpstreamError(errorResponse(400, body), 'google');
    expect(UpstreamError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({
      kind: 'authentication',
      status: 400,
      upstreamStatus: 400,
      code: 'INVALID_ARGUMENT',
      provider: 'google',
      retryable: false,
      message: 'API key not valid. Please pass a valid API key.',
    });
    expect(error.body).toEqual(body);
  });

  it('keeps other 400s as invalid requests', async () => {
    const error = await readGoogleUpstreamError(
      errorResponse(400, googleError(400, 'INVALID_ARGUMENT', '* GenerateContentRequest.contents: contents is not specified\n')),
      'google',
    );
    expect(error).toMatchObject({ kind: 'invalid_request', status: 400, code: 'INVALID_ARGUMENT' });
  });

  it('maps a missing key (403 unregistered callers) to authentication, other 403s to permission', async () => {
    const missing = await readGoogleUpstreamError(
      errorResponse(403, googleError(403, 'PERMISSION_DENIED', "Method doesn't allow unregistered callers (callers without established identity). Please use API Key or other form of API consumer identity to call this API.")),
      'google',
    );
    expect(missing).toMatchObject({ kind: 'authentication', status: 403 });
    const denied = await readGoogleUpstreamError(
      errorResponse(403, googleError(403, 'PERMISSION_DENIED', 'Permission denied on resource project.')),
      'google',
    );
    expect(denied).toMatchObject({ kind: 'permission', status: 403, code: 'PERMISSION_DENIED' });
  });

  it.each([
    [404, 'NOT_FOUND', 'not_found', false],
    [429, 'RESOURCE_EXHAUSTED', 'rate_limit', true],
    [500, 'INTERNAL', 'upstream', true],
    [503, 'UNAVAILABLE', 'overloaded', true],
    [504, 'DEADLINE_EXCEEDED', 'timeout', true],
  ] as const)('maps %i %s to %s', async (status, name, kind, retryable) => {
    const error = await readGoogleUpstreamError(errorResponse(status, googleError(status, name, `failure ${name}`)), 'google');
    expect(error).toMatchObject({ kind, status, code: name, retryable, message: `failure ${name}` });
  });

  it('falls back to the HTTP status for a body that is not Google-shaped', async () => {
    const error = await readGoogleUpstreamError(errorResponse(502, '<html>Bad Gateway</html>'), 'google');
    expect(error).toMatchObject({ kind: 'upstream', status: 502, message: 'google answered 502', body: '<html>Bad Gateway</html>' });
  });
});

describe('googleErrorKind and googleStreamErrorBody', () => {
  it('prefers the status name over the HTTP status', () => {
    expect(googleErrorKind(200, { code: 500, status: 'INTERNAL', message: 'boom' })).toBe('upstream');
    expect(googleErrorKind(undefined, { code: 429 })).toBe('rate_limit');
    expect(googleErrorKind(undefined, undefined)).toBe('upstream');
  });

  it('builds the body of a stream error event', () => {
    expect(googleStreamErrorBody({ code: 503, message: 'The model is overloaded.', status: 'UNAVAILABLE' }, 'google')).toEqual({
      kind: 'overloaded',
      status: 503,
      message: 'The model is overloaded.',
      code: 'UNAVAILABLE',
      provider: 'google',
    });
    expect(googleStreamErrorBody({}, 'google')).toMatchObject({ kind: 'upstream', status: 502 });
  });

  it('describes plain and array-wrapped bodies', () => {
    expect(describeGoogleErrorBody([googleError(429, 'RESOURCE_EXHAUSTED', 'quota')])).toEqual({ message: 'quota', code: 'RESOURCE_EXHAUSTED' });
    expect(describeGoogleErrorBody({ nothing: true })).toBeUndefined();
  });
});
