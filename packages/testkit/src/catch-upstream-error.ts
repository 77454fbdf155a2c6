import { UpstreamError } from '@switchyard/core';

/**
 * Runs a call that must fail with an UpstreamError and returns that error for assertions.
 * Resolving, or failing with anything else, fails the test with what happened instead.
 */
export async function catchUpstreamError(run: () => Promise<unknown>): Promise<UpstreamError> {
  try {
    await run();
  } catch (error) {
    if (UpstreamError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected an UpstreamError, but the call succeeded');
}
