import { cannedHttpResponse } from '@switchyard/testkit';
import { describe, expect, it } from 'vitest';
import { readVertexUpstreamError } from './map-vertex-error.js';

// Every body goes as JSON, a string too (a JSON string that is no error object).
const answer = (status: number, body: unknown) => cannedHttpResponse(status, JSON.stringify(body));

describe('readVertexUpstreamError', () => {
  it("maps Google's error bodies by status name", async () => {
    const unauthenticated = await readVertexUpstreamError(
      answer(401, { error: { code: 401, message: 'Request had invalid authentication credentials.', status: 'UNAUTHENTICATED' } }),
    );
    expect(unauthenticated).toMatchObject({ kind: 'authentication', status: 401, code: 'UNAUTHENTICATED', provider: 'vertex-ai' });
    const quota = await readVertexUpstreamError(answer(429, [{ error: { code: 429, message: 'Quota exceeded', status: 'RESOURCE_EXHAUSTED' } }]));
    expect(quota).toMatchObject({ kind: 'rate_limit', status: 429, message: 'Quota exceeded', retryable: true });
    const missing = await readVertexUpstreamError(answer(404, { error: { code: 404, message: 'Publisher Model ... was not found', status: 'NOT_FOUND' } }));
    expect(missing).toMatchObject({ kind: 'not_found', status: 404 });
  });

  it("maps a Claude model's Anthropic error bodies by error type", async () => {
    const overloaded = await readVertexUpstreamError(answer(529, { type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } }));
    expect(overloaded).toMatchObject({ kind: 'overloaded', status: 529, code: 'overloaded_error', message: 'Overloaded', provider: 'vertex-ai' });
    const invalid = await readVertexUpstreamError(answer(400, { type: 'error', error: { type: 'invalid_request_error', message: 'max_tokens: Field required' } }));
    expect(invalid).toMatchObject({ kind: 'invalid_request', status: 400, code: 'invalid_request_error' });
  });

  it('falls back to the status for anything else', async () => {
    expect(await readVertexUpstreamError(answer(502, 'bad gateway'))).toMatchObject({ kind: 'upstream', status: 502, message: 'vertex-ai answered 502' });
  });
});
