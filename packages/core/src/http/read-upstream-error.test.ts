import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { describeUpstreamErrorBody, readUpstreamError } from './read-upstream-error.js';
import { HttpClient } from './http-client.js';
import type { HttpResponse } from './http-types.js';
import { UpstreamError } from '../errors/upstream-error.js';
import { TimeoutError } from '../errors/timeout-error.js';

// Recorded from OpenAI (shared fixtures: openai-chat/error-400-missing-messages.json).
const openAIBody = `{
  "error": {
    "code": "empty_array",
    "message": "Invalid 'messages': empty array. Expected an array with minimum length 1, but got an empty array instead.",
    "param": "messages",
    "type": "invalid_request_error"
  }
}`;

/** An HttpResponse over fixed chunks, to test reading without a socket. */
function fakeResponse(status: number, chunks: Array<string | Uint8Array>, failure?: unknown): HttpResponse & { disposed: boolean } {
  const encoder = new TextEncoder();
  const response = {
    status,
    headers: { 'content-type': 'application/json' },
    disposed: false,
    body: {
      async *[Symbol.asyncIterator]() {
        for (const chunk of chunks) yield typeof chunk === 'string' ? encoder.encode(chunk) : chunk;
        if (failure !== undefined) throw failure;
      },
    },
    text: () => Promise.reject(new Error('not used')),
    bytes: () => Promise.reject(new Error('not used')),
    json: () => Promise.reject(new Error('not used')),
    dispose() {
      response.disposed = true;
    },
  };
  return response;
}

describe('readUpstreamError over HTTP', () => {
  let server: Server | undefined;
  const client = new HttpClient();

  afterEach(async () => {
    server?.closeAllConnections();
    server?.close();
    await client.close();
  });

  it('reads an OpenAI error answer into an UpstreamError', async () => {
    server = createServer((_request, response) => {
      response.writeHead(400, { 'content-type': 'application/json', 'x-request-id': 'req_123' });
      response.end(openAIBody);
    });
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    const response = await client.request({
      url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/chat/completions`,
      method: 'POST',
      body: '{"messages":[]}',
      provider: 'openai',
    });
    const error = await readUpstreamError(response, 'openai');
    expect(UpstreamError.isInstance(error)).toBe(true);
    expect(error.message).toBe(
      "Invalid 'messages': empty array. Expected an array with minimum length 1, but got an empty array instead.",
    );
    expect(error.status).toBe(400);
    expect(error.upstreamStatus).toBe(400);
    expect(error.kind).toBe('invalid_request');
    expect(error.code).toBe('empty_array');
    expect(error.param).toBe('messages');
    expect(error.provider).toBe('openai');
    expect(error.retryable).toBe(false);
    expect(error.headers['x-request-id']).toBe('req_123');
    expect(error.body).toEqual(JSON.parse(openAIBody));
  });
});

describe('readUpstreamError', () => {
  it('gives a generic message when the body says nothing', async () => {
    const response = fakeResponse(500, []);
    const error = await readUpstreamError(response, 'openai');
    expect(error.message).toBe('openai answered 500');
    expect(error.body).toBeUndefined();
    expect(error.retryable).toBe(true);
    expect(error.kind).toBe('upstream');
    expect(response.disposed).toBe(true);
  });

  it('keeps a body that is not JSON as text', async () => {
    const error = await readUpstreamError(fakeResponse(502, ['<html>Bad Gateway</html>']), 'mistral');
    expect(error.message).toBe('mistral answered 502');
    expect(error.body).toBe('<html>Bad Gateway</html>');
  });

  it('reads a JSON body split across chunks', async () => {
    const error = await readUpstreamError(fakeResponse(429, ['{"error":{"message":"Slow', ' down","type":"rate_limit_error"}}']), 'anthropic');
    expect(error.message).toBe('Slow down');
    expect(error.code).toBe('rate_limit_error');
    expect(error.kind).toBe('rate_limit');
    expect(error.retryable).toBe(true);
  });

  it('reads no more than 64 KiB', async () => {
    const chunk = new Uint8Array(16 * 1024).fill(0x61);
    const response = fakeResponse(500, Array.from({ length: 20 }, () => chunk));
    const error = await readUpstreamError(response, 'openai');
    expect((error.body as string).length).toBe(64 * 1024);
    expect(response.disposed).toBe(true);
  });

  it('builds the error from what arrived when the body stalls', async () => {
    const stalled = new TimeoutError('openai sent nothing of the response body for 10 ms', { provider: 'openai' });
    const error = await readUpstreamError(fakeResponse(503, ['{"error":"busy"'], stalled), 'openai');
    expect(error.message).toBe('openai answered 503');
    expect(error.body).toBe('{"error":"busy"');
  });

  it('lets the caller abort through', async () => {
    const reason = new DOMException('aborted', 'AbortError');
    await expect(readUpstreamError(fakeResponse(500, ['{}'], reason), 'openai')).rejects.toBe(reason);
  });

  it('uses a custom describe', async () => {
    const error = await readUpstreamError(fakeResponse(400, ['{"detail":"no"}']), 'custom', (body) => ({
      message: `custom says ${(body as { detail: string }).detail}`,
      code: 'custom_code',
    }));
    expect(error.message).toBe('custom says no');
    expect(error.code).toBe('custom_code');
  });

  it('falls back to the generic message when describe throws', async () => {
    const error = await readUpstreamError(fakeResponse(500, ['{}']), 'custom', () => {
      throw new Error('unexpected shape');
    });
    expect(error.message).toBe('custom answered 500');
  });
});

describe('describeUpstreamErrorBody', () => {
  it('understands OpenAI and Anthropic error objects', () => {
    expect(describeUpstreamErrorBody(JSON.parse(openAIBody))).toEqual({
      message: "Invalid 'messages': empty array. Expected an array with minimum length 1, but got an empty array instead.",
      code: 'empty_array',
      param: 'messages',
      type: 'invalid_request_error',
    });
    expect(
      describeUpstreamErrorBody({ type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } }),
    ).toEqual({ message: 'Overloaded', type: 'overloaded_error' });
  });

  it('ignores null fields', () => {
    expect(describeUpstreamErrorBody({ error: { message: 'x', code: null, param: null } })).toEqual({ message: 'x' });
  });

  it('understands Ollama, Bedrock and Cohere', () => {
    expect(describeUpstreamErrorBody({ error: 'the model failed to generate a response' })).toEqual({
      message: 'the model failed to generate a response',
    });
    expect(describeUpstreamErrorBody({ message: 'The provided model identifier is invalid.' })).toEqual({
      message: 'The provided model identifier is invalid.',
    });
  });

  it('understands a Gemini error array', () => {
    expect(
      describeUpstreamErrorBody([
        { error: { code: 400, message: 'API key not valid. Please pass a valid API key.', status: 'INVALID_ARGUMENT' } },
      ]),
    ).toEqual({ message: 'API key not valid. Please pass a valid API key.', code: 'INVALID_ARGUMENT' });
  });

  it('says nothing about other shapes', () => {
    expect(describeUpstreamErrorBody('text')).toBeUndefined();
    expect(describeUpstreamErrorBody({ detail: 'x' })).toBeUndefined();
    expect(describeUpstreamErrorBody(null)).toBeUndefined();
  });
});
