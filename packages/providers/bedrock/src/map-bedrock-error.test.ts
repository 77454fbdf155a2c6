import { cannedHttpResponse } from '@switchyard/testkit';
import { describe, expect, it } from 'vitest';
import { bedrockErrorType, errorKindForBedrockType, readBedrockError } from './map-bedrock-error.js';

describe('bedrockErrorType', () => {
  it('strips the coral URL of the x-amzn-ErrorType header', () => {
    expect(bedrockErrorType('ValidationException:http://internal.amazon.com/coral/com.amazon.bedrock/')).toBe('ValidationException');
  });
  it('strips the namespace of a __type', () => {
    expect(bedrockErrorType('com.amazon.coral.service#UnrecognizedClientException')).toBe('UnrecognizedClientException');
  });
  it('keeps a bare type and ignores empty values', () => {
    expect(bedrockErrorType('ThrottlingException')).toBe('ThrottlingException');
    expect(bedrockErrorType('')).toBeUndefined();
    expect(bedrockErrorType(undefined)).toBeUndefined();
  });
});

describe('errorKindForBedrockType', () => {
  it.each([
    ['ValidationException', 'invalid_request'],
    ['AccessDeniedException', 'permission'],
    ['UnrecognizedClientException', 'authentication'],
    ['InvalidSignatureException', 'authentication'],
    ['ExpiredTokenException', 'authentication'],
    ['ResourceNotFoundException', 'not_found'],
    ['ThrottlingException', 'rate_limit'],
    ['ServiceQuotaExceededException', 'rate_limit'],
    ['ModelTimeoutException', 'timeout'],
    ['ServiceUnavailableException', 'overloaded'],
    ['ModelNotReadyException', 'overloaded'],
    ['InternalServerException', 'upstream'],
    ['ModelErrorException', 'upstream'],
    // Stream exceptions are spelt in camelCase.
    ['throttlingException', 'rate_limit'],
    ['modelStreamErrorException', 'upstream'],
    ['validationException', 'invalid_request'],
  ] as const)('%s -> %s', (type, kind) => {
    expect(errorKindForBedrockType(type)).toBe(kind);
  });

  it('knows nothing of an unknown type', () => {
    expect(errorKindForBedrockType('BrandNewException')).toBeUndefined();
  });
});

describe('readBedrockError', () => {
  it('types the error by the x-amzn-errortype header and keeps the message, status and type', async () => {
    const error = await readBedrockError(
      cannedHttpResponse(400, '{"message":"The provided model identifier is invalid."}', {
        'x-amzn-errortype': 'ValidationException:http://internal.amazon.com/coral/com.amazon.bedrock/',
        'x-amzn-requestid': 'fe4e3f9c',
      }),
    );
    expect(error).toMatchObject({
      kind: 'invalid_request',
      status: 400,
      code: 'ValidationException',
      message: 'The provided model identifier is invalid.',
      provider: 'bedrock',
      retryable: false,
    });
    expect(error.headers['x-amzn-requestid']).toBe('fe4e3f9c');
    expect(error.body).toEqual({ message: 'The provided model identifier is invalid.' });
  });

  it('reads an upper-case Message and a __type when the header is absent', async () => {
    const error = await readBedrockError(
      cannedHttpResponse(403, '{"__type":"com.amazon.coral.service#UnrecognizedClientException","Message":"The security token included in the request is invalid."}'),
    );
    expect(error).toMatchObject({ kind: 'authentication', status: 403, code: 'UnrecognizedClientException' });
    expect(error.message).toBe('The security token included in the request is invalid.');
  });

  it('makes throttling and unavailability retryable', async () => {
    const throttled = await readBedrockError(cannedHttpResponse(429, '{"message":"Too many requests, please wait before trying again."}', { 'x-amzn-errortype': 'ThrottlingException:http://internal.amazon.com/coral/com.amazon.bedrock/' }));
    expect(throttled).toMatchObject({ kind: 'rate_limit', status: 429, retryable: true });
    const notReady = await readBedrockError(cannedHttpResponse(429, '{"message":"Model is not ready"}', { 'x-amzn-errortype': 'ModelNotReadyException' }));
    expect(notReady).toMatchObject({ kind: 'overloaded', status: 429, retryable: true });
    const timeout = await readBedrockError(cannedHttpResponse(408, '{"message":"Model has timed out in processing the request."}', { 'x-amzn-errortype': 'ModelTimeoutException' }));
    expect(timeout).toMatchObject({ kind: 'timeout', status: 408, retryable: true });
  });

  it('falls back to the status when the type is unknown or absent', async () => {
    expect(await readBedrockError(cannedHttpResponse(404, '{"message":"nope"}'))).toMatchObject({ kind: 'not_found', status: 404 });
    expect(await readBedrockError(cannedHttpResponse(500, 'Internal Server Error'))).toMatchObject({
      kind: 'upstream',
      status: 500,
      message: 'bedrock answered 500',
      retryable: true,
    });
  });
});
