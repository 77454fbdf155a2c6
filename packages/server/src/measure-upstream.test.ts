import type { HttpRequest, HttpResponse } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import { measureUpstream } from './measure-upstream.js';

/** A transport that keeps what it was asked and answers an empty 200. */
function recordingTransport() {
  const sent: HttpRequest[] = [];
  const answer: HttpResponse = {
    status: 200,
    headers: {},
    body: { async *[Symbol.asyncIterator]() {} },
    text: async () => '',
    bytes: async () => new Uint8Array(),
    json: async () => ({}),
    dispose() {},
  };
  return { sent, http: { request: async (request: HttpRequest) => (sent.push(request), answer) } };
}

describe('measureUpstream', () => {
  it("adds the trace's headers to the upstream call and keeps the adapter's, without changing the adapter's object", async () => {
    const transport = recordingTransport();
    const ended: Array<{ status?: number }> = [];
    const timer = measureUpstream(transport.http, {
      upstreamCall: () => ({ headers: { traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01' }, end: (outcome) => ended.push(outcome) }),
    });
    const headers = { authorization: 'Bearer sk-test', 'content-type': 'application/json' };
    const response = await timer.http.request({ url: 'http://127.0.0.1:1/v1/chat/completions', method: 'POST', headers, body: '{}', provider: 'openai' });
    await response.text();

    expect(transport.sent[0]!.headers).toEqual({ ...headers, traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01' });
    expect(transport.sent[0]!.body).toBe('{}');
    expect(headers).toEqual({ authorization: 'Bearer sk-test', 'content-type': 'application/json' });
    expect(ended).toEqual([{ status: 200 }]);
  });

  it('passes the request through as it is when no trace adds headers', async () => {
    const transport = recordingTransport();
    const request: HttpRequest = { url: 'http://127.0.0.1:1/v1/models', headers: { authorization: 'Bearer sk-test' }, provider: 'openai' };
    await (await measureUpstream(transport.http).http.request(request)).text();
    expect(transport.sent[0]).toBe(request);
  });
});
