import { describe, expect, it } from 'vitest';
import { readAdmissionRequest } from './access-control.js';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('readAdmissionRequest', () => {
  it('reads the model and the output cap of each format, and estimates input at four bytes a token', () => {
    const chat = JSON.stringify({ model: '@openai/gpt-4o-mini', max_completion_tokens: 300, messages: [{ role: 'user', content: 'hello there' }] });
    expect(readAdmissionRequest('t', bytes(chat), 'application/json')).toEqual({ traceId: 't', model: '@openai/gpt-4o-mini', maxOutputTokens: 300, inputTokens: Math.ceil(chat.length / 4) });
    expect(readAdmissionRequest('t', bytes('{"model":"claude","max_tokens":50}'), 'application/json; charset=utf-8')).toMatchObject({ model: 'claude', maxOutputTokens: 50 });
    expect(readAdmissionRequest('t', bytes('{"model":"o3","max_output_tokens":9}'), 'application/json')).toMatchObject({ maxOutputTokens: 9 });
  });

  it('counts a body that is not JSON (or not valid JSON) by its size alone, leaving the error to the route', () => {
    expect(readAdmissionRequest('t', bytes('{"model":'), 'application/json')).toEqual({ traceId: 't', inputTokens: 3 });
    expect(readAdmissionRequest('t', bytes('--boundary\r\n'), 'multipart/form-data; boundary=boundary')).toEqual({ traceId: 't', inputTokens: 3 });
    expect(readAdmissionRequest('t', new Uint8Array(), undefined)).toEqual({ traceId: 't', inputTokens: 0 });
  });
});
