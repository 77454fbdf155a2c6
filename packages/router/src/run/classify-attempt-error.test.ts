import { InvalidRequestError, NotFoundError, TimeoutError, UnsupportedError, UpstreamError } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import { classifyAttemptError, shouldFallBack, shouldRetry } from './classify-attempt-error.js';

const upstream = (status?: number) => new UpstreamError(`upstream ${status}`, { provider: 'openai', status });

describe('classifyAttemptError', () => {
  it('reads the upstream status of an UpstreamError', () => {
    expect(classifyAttemptError(upstream(503))).toMatchObject({ status: 503, kind: 'overloaded', fromTarget: true, noAnswer: false, retryable: true, health: 'failure' });
    expect(classifyAttemptError(upstream(429))).toMatchObject({ status: 429, health: 'failure' });
  });
  it('marks no answer at all: no status, retryable, unhealthy', () => {
    const failure = classifyAttemptError(new UpstreamError('ECONNREFUSED', { provider: 'openai', retryable: true }));
    expect(failure).toMatchObject({ noAnswer: true, fromTarget: true, retryable: true, health: 'failure', kind: 'upstream' });
    expect(failure.status).toBeUndefined();
  });
  it('keeps client errors of the upstream neutral for health', () => {
    expect(classifyAttemptError(upstream(400))).toMatchObject({ status: 400, fromTarget: true, health: 'neutral' });
    expect(classifyAttemptError(upstream(401))).toMatchObject({ status: 401, health: 'neutral' });
  });
  it('counts timeouts against the target', () => {
    expect(classifyAttemptError(new TimeoutError('slow', { status: 408, retryable: true }))).toMatchObject({ status: 408, kind: 'timeout', fromTarget: true, health: 'failure' });
  });
  it('takes gateway errors without a provider as the gateway refusing', () => {
    expect(classifyAttemptError(new NotFoundError('Unknown provider "x"'))).toMatchObject({ status: 404, fromTarget: false, health: 'neutral' });
    expect(classifyAttemptError(new InvalidRequestError('host not allowed'))).toMatchObject({ fromTarget: false });
    expect(classifyAttemptError(new UnsupportedError('no embeddings', { provider: 'anthropic' }))).toMatchObject({ fromTarget: true, health: 'neutral' });
  });
  it('hides anything else as an internal error that ends the run', () => {
    const bug = new TypeError('cannot read x of undefined');
    expect(classifyAttemptError(bug)).toEqual({
      error: bug,
      kind: 'internal',
      status: 500,
      message: 'The gateway failed to handle the request.',
      fromTarget: false,
      noAnswer: false,
      retryable: false,
      health: 'neutral',
    });
  });
});

describe('shouldRetry', () => {
  it('retries listed statuses and retryable no-answer failures only', () => {
    expect(shouldRetry(classifyAttemptError(upstream(503)), [503])).toBe(true);
    expect(shouldRetry(classifyAttemptError(upstream(503)), [429])).toBe(false);
    expect(shouldRetry(classifyAttemptError(upstream(401)), [401])).toBe(true);
    expect(shouldRetry(classifyAttemptError(new UpstreamError('reset', { provider: 'x', retryable: true })), [])).toBe(true);
    expect(shouldRetry(classifyAttemptError(new UpstreamError('bad', { provider: 'x', retryable: false })), [])).toBe(false);
    expect(shouldRetry(classifyAttemptError(new NotFoundError('x', { status: 429 })), [429])).toBe(false);
  });
});

describe('shouldFallBack', () => {
  it('moves on for any failure of the target by default, as Portkey documents (any non-2xx)', () => {
    expect(shouldFallBack(classifyAttemptError(upstream(400)), undefined)).toBe(true);
    expect(shouldFallBack(classifyAttemptError(upstream(500)), undefined)).toBe(true);
  });
  it('with on_status_codes, only for those, and for no answer at all', () => {
    expect(shouldFallBack(classifyAttemptError(upstream(429)), [429])).toBe(true);
    expect(shouldFallBack(classifyAttemptError(upstream(500)), [429])).toBe(false);
    expect(shouldFallBack(classifyAttemptError(new UpstreamError('refused', { provider: 'x' })), [429])).toBe(true);
  });
  it('never for the gateway refusing', () => {
    expect(shouldFallBack(classifyAttemptError(new NotFoundError('x')), undefined)).toBe(false);
    expect(shouldFallBack(classifyAttemptError(new Error('bug')), undefined)).toBe(false);
  });
});
