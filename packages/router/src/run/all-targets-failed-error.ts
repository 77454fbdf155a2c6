import { GatewayError, toGatewayError } from '@switchyard/core';
import type { AttemptOutcome } from './routing-types.js';

/**
 * Every attempt of a routing run failed. Kind, status and provider are the last error's, so the
 * client sees what finally went wrong; `attempts` lists each try for the error body and logs.
 */
export class AllTargetsFailedError extends GatewayError {
  readonly attempts: AttemptOutcome[];

  constructor(attempts: AttemptOutcome[], lastError: unknown) {
    const last = toGatewayError(lastError);
    super(last.kind, `All ${attempts.length} attempts failed; last: ${last.message}`, {
      status: last.status,
      provider: last.provider,
      code: last.code,
      retryable: last.retryable,
      cause: lastError,
    });
    this.name = 'AllTargetsFailedError';
    this.attempts = attempts;
  }

  static override isInstance(value: unknown): value is AllTargetsFailedError {
    return GatewayError.isInstance(value) && value.name === 'AllTargetsFailedError';
  }
}
