import { errors } from 'undici';
import { describe, expect, it } from 'vitest';
import { mapUndiciError, type UpstreamCall } from './map-undici-error.js';
import { TimeoutError } from '../errors/timeout-error.js';
import { UpstreamError } from '../errors/upstream-error.js';

const call: UpstreamCall = {
  provider: 'openai',
  origin: 'https://api.openai.com',
  connectMs: 250,
  headersMs: 1000,
  bodyIdleMs: 5000,
};

function systemError(code: string): Error {
  return Object.assign(new Error(`connect ${code} 10.0.0.1:443`), { code });
}

describe('mapUndiciError', () => {
  it('names the connect deadline that passed', () => {
    const error = mapUndiciError(new errors.ConnectTimeoutError(), call, 'request');
    expect(TimeoutError.isInstance(error)).toBe(true);
    expect((error as TimeoutError).message).toBe('could not connect to openai at https://api.openai.com within 250 ms');
    expect((error as TimeoutError).retryable).toBe(true);
    expect((error as TimeoutError).provider).toBe('openai');
  });

  it('names the headers and body deadlines that passed', () => {
    expect((mapUndiciError(new errors.HeadersTimeoutError(), call, 'request') as Error).message).toBe(
      'openai did not send response headers within 1000 ms',
    );
    expect((mapUndiciError(new errors.BodyTimeoutError(), call, 'body') as Error).message).toBe(
      'openai sent nothing of the response body for 5000 ms',
    );
  });

  it('turns connection failures into retryable UpstreamErrors without status', () => {
    for (const code of ['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN']) {
      const error = mapUndiciError(systemError(code), call, 'request') as UpstreamError;
      expect(UpstreamError.isInstance(error)).toBe(true);
      expect(error.message).toBe(`could not reach openai at https://api.openai.com: ${code}`);
      expect(error.upstreamStatus).toBeUndefined();
      expect(error.status).toBe(502);
      expect(error.retryable).toBe(true);
    }
    const midStream = mapUndiciError(new errors.SocketError('other side closed'), call, 'body') as UpstreamError;
    expect(midStream.message).toBe(
      'lost the connection to openai at https://api.openai.com while reading the response: UND_ERR_SOCKET',
    );
  });

  it('reads the code of a failed multi-address connect', () => {
    const error = mapUndiciError(new AggregateError([systemError('ECONNREFUSED'), systemError('ECONNREFUSED')]), call, 'request');
    expect((error as Error).message).toBe('could not reach openai at https://api.openai.com: ECONNREFUSED');
  });

  it('turns a garbled answer into an UpstreamError', () => {
    const error = mapUndiciError(systemError('HPE_INVALID_CONSTANT'), call, 'request');
    expect((error as Error).message).toBe('openai at https://api.openai.com sent a malformed HTTP response: HPE_INVALID_CONSTANT');
  });

  it('returns the reason of an aborted signal, whatever undici threw', () => {
    const controller = new AbortController();
    const reason = new Error('client left');
    controller.abort(reason);
    expect(mapUndiciError(new errors.RequestAbortedError(), { ...call, signal: controller.signal }, 'body')).toBe(reason);
  });

  it('returns other errors unchanged', () => {
    const invalid = new errors.InvalidArgumentError('invalid method');
    expect(mapUndiciError(invalid, call, 'request')).toBe(invalid);
    const plain = new Error('no code');
    expect(mapUndiciError(plain, call, 'request')).toBe(plain);
  });
});
