import { GatewayError, type GuardrailPhase } from '@switchyard/core';

/**
 * A guardrail with `deny` failed. A standard status, not Portkey's 446: 400 for the request
 * (it was refused before any upstream call), 422 for the answer (the request was fine, the
 * model's answer failed a check). Both are `invalid_request` errors with code
 * `guardrail_blocked`, so every SDK raises its usual client-error class.
 */
export function guardrailBlockedError(phase: GuardrailPhase, blocked: { set: string; check: string; explanation: string }): GatewayError {
  const what = phase === 'input' ? 'The request was blocked' : "The model's answer was blocked";
  return new GatewayError('invalid_request', `${what} by guardrail "${blocked.set}": check ${blocked.check} failed (${blocked.explanation}).`, {
    status: phase === 'input' ? 400 : 422,
    code: 'guardrail_blocked',
  });
}
