import { GatewayError, UpstreamError } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import { AllTargetsFailedError } from './all-targets-failed-error.js';

const attempts = [
  { path: 'config.targets[0]', provider: '@a', status: 503, kind: 'overloaded', message: 'busy', durationMs: 12, retry: 0 },
  { path: 'config.targets[1]', provider: '@b', status: 429, kind: 'rate_limit', message: 'slow down', durationMs: 8, retry: 0 },
];

describe('AllTargetsFailedError', () => {
  it('takes kind, status and provider of the last error and carries every attempt', () => {
    const last = new UpstreamError('slow down', { provider: '@b', status: 429 });
    const error = new AllTargetsFailedError(attempts, last);
    expect(error.message).toBe('All 2 attempts failed; last: slow down');
    expect(error).toMatchObject({ kind: 'rate_limit', status: 429, provider: '@b', retryable: true, attempts });
    expect(error.cause).toBe(last);
    expect(GatewayError.isInstance(error)).toBe(true);
    expect(AllTargetsFailedError.isInstance(error)).toBe(true);
    expect(AllTargetsFailedError.isInstance(last)).toBe(false);
  });
  it('hides the text of an unexpected last error', () => {
    const error = new AllTargetsFailedError(attempts, new Error('secret internals'));
    expect(error).toMatchObject({ kind: 'internal', status: 500, message: 'All 2 attempts failed; last: The gateway failed to handle the request.' });
  });
});
