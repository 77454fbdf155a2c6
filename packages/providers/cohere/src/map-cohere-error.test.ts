import { cannedHttpResponse } from '@switchyard/testkit';
import { describe, expect, it } from 'vitest';
import { describeCohereErrorBody, mapCohereError } from './map-cohere-error.js';

describe('mapCohereError', () => {
  it.each([
    [400, 'invalid_request', false],
    [401, 'authentication', false],
    [404, 'not_found', false],
    [422, 'invalid_request', false],
    [429, 'rate_limit', true],
    [498, 'authentication', false],
    [499, 'upstream', true],
    [500, 'upstream', true],
    [501, 'unsupported', false],
    [503, 'overloaded', true],
  ])('status %i → %s (retryable %s), Cohere status and message kept', async (status, kind, retryable) => {
    const error = await mapCohereError(cannedHttpResponse(status, { id: 'trace-1', message: `failure ${status}` }));
    expect(error).toMatchObject({ kind, upstreamStatus: status, status, provider: 'cohere', message: `failure ${status}`, retryable });
    expect(error.body).toEqual({ id: 'trace-1', message: `failure ${status}` });
  });

  it('gives a generic message for a body it does not know', async () => {
    const error = await mapCohereError(cannedHttpResponse(502, '<html>bad gateway</html>'));
    expect(error.message).toBe('cohere answered 502');
    expect(describeCohereErrorBody({ message: '' })).toBeUndefined();
  });
});
