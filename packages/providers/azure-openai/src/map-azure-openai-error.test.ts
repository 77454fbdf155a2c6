import { cannedHttpResponse } from '@switchyard/testkit';
import { describe, expect, it } from 'vitest';
import { describeAzureOpenAIErrorBody, mapAzureOpenAIError } from './map-azure-openai-error.js';

describe('mapAzureOpenAIError', () => {
  it('keeps a Responsible AI block as invalid_request with code content_filter', async () => {
    const error = await mapAzureOpenAIError(cannedHttpResponse(400, {
      error: { code: 'content_filter', message: 'The response was filtered', status: 400, innererror: { code: 'ResponsibleAIPolicyViolation', content_filter_result: {} } },
    }));
    expect(error).toMatchObject({ kind: 'invalid_request', status: 400, code: 'content_filter', provider: 'azure-openai', retryable: false });
  });

  it('maps a missing deployment, a bad key and throttling (retry-after kept)', async () => {
    expect(await mapAzureOpenAIError(cannedHttpResponse(404, { error: { code: 'DeploymentNotFound', message: 'The API deployment for this resource does not exist.' } })))
      .toMatchObject({ kind: 'not_found', status: 404, code: 'DeploymentNotFound' });
    expect(await mapAzureOpenAIError(cannedHttpResponse(401, { error: { code: '401', message: 'Access denied due to invalid subscription key' } })))
      .toMatchObject({ kind: 'authentication', status: 401, message: 'Access denied due to invalid subscription key' });
    const limited = await mapAzureOpenAIError(cannedHttpResponse(429, { error: { code: '429', message: 'Please retry after 6 seconds.' } }, { 'retry-after': '6' }));
    expect(limited).toMatchObject({ kind: 'rate_limit', status: 429, retryable: true });
    expect(limited.headers['retry-after']).toBe('6');
  });

  it('reads the API gateway’s { statusCode, message } and an innererror-only block', () => {
    expect(describeAzureOpenAIErrorBody({ statusCode: 401, message: 'Unauthorized. Access token is missing' })).toEqual({ message: 'Unauthorized. Access token is missing' });
    expect(describeAzureOpenAIErrorBody({ error: { message: 'blocked', innererror: { code: 'ResponsibleAIPolicyViolation' } } })).toMatchObject({ code: 'content_filter' });
  });
});
