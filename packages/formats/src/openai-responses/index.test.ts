import { describe, expect, it } from 'vitest';
import * as formats from '../index.js';
import { openAIResponsesCodec } from './index.js';

describe('openAIResponsesCodec', () => {
  it('is exported from the package with the openai-responses format', () => {
    expect(formats.openAIResponsesCodec).toBe(openAIResponsesCodec);
    expect(openAIResponsesCodec.format).toBe('openai-responses');
  });

  it('wires all four directions of Responses', () => {
    const { request } = openAIResponsesCodec.decodeRequest({ model: 'gpt-5', input: 'hi', stream: true });
    expect(openAIResponsesCodec.encodeRequest(request).body).toEqual({ model: 'gpt-5', input: [{ role: 'user', content: 'hi' }], store: false, stream: true });
    const response = openAIResponsesCodec.decodeResponse({
      id: 'resp_1',
      object: 'response',
      created_at: 1,
      status: 'completed',
      model: 'gpt-5',
      output: [{ id: 'msg_1', type: 'message', status: 'completed', role: 'assistant', content: [{ type: 'output_text', text: 'hello', annotations: [] }] }],
    });
    expect(openAIResponsesCodec.encodeResponse(response)).toMatchObject({ id: 'resp_1', output: [{ id: 'msg_1', content: [{ text: 'hello' }] }] });
    const decoder = openAIResponsesCodec.createStreamDecoder();
    const encoder = openAIResponsesCodec.createStreamEncoder();
    const events = decoder.decode({ event: 'response.created', data: JSON.stringify({ type: 'response.created', response: { id: 'resp_1', model: 'gpt-5', output: [] } }) });
    expect(events.map((event) => encoder.encode(event)).join('')).toContain('event: response.created');
    expect(openAIResponsesCodec.encodeError({ kind: 'rate_limit', status: 429, message: 'slow' })).toEqual({
      status: 429,
      body: { error: { message: 'slow', type: 'rate_limit_error', param: null, code: null } },
    });
  });
});
