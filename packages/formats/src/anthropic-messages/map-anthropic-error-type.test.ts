import { describe, expect, it } from 'vitest';
import { decodeAnthropicError, errorKindForAnthropicType, statusForAnthropicErrorType } from './map-anthropic-error-type.js';

describe('errorKindForAnthropicType', () => {
  it.each([
    ['invalid_request_error', 'invalid_request'],
    ['authentication_error', 'authentication'],
    ['billing_error', 'permission'],
    ['permission_error', 'permission'],
    ['not_found_error', 'not_found'],
    ['request_too_large', 'payload_too_large'],
    ['rate_limit_error', 'rate_limit'],
    ['api_error', 'upstream'],
    ['timeout_error', 'timeout'],
    ['overloaded_error', 'overloaded'],
  ] as const)('%s -> %s', (type, kind) => {
    expect(errorKindForAnthropicType(type)).toBe(kind);
  });

  it('falls back on the status for an unknown type', () => {
    expect(errorKindForAnthropicType('brand_new_error', 429)).toBe('rate_limit');
    expect(errorKindForAnthropicType(undefined, 503)).toBe('overloaded');
    expect(errorKindForAnthropicType(undefined)).toBe('upstream');
  });
});

describe('decodeAnthropicError', () => {
  it('gives a mid-stream error the status Anthropic uses for its type', () => {
    expect(decodeAnthropicError({ type: 'overloaded_error', message: 'Overloaded' })).toEqual({
      kind: 'overloaded',
      status: 529,
      message: 'Overloaded',
      code: 'overloaded_error',
    });
    expect(statusForAnthropicErrorType('api_error')).toBe(500);
    expect(statusForAnthropicErrorType('who_knows')).toBe(500);
  });

  it('keeps the HTTP status when one was received', () => {
    expect(decodeAnthropicError({ type: 'invalid_request_error', message: 'bad' }, 400)).toMatchObject({ kind: 'invalid_request', status: 400 });
  });

  it('writes a message when the error has none', () => {
    expect(decodeAnthropicError({ type: 'api_error' }).message).toBe('Anthropic error (api_error)');
  });
});
