import { GatewayError } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import { decodeGoogleResponse } from './decode-google-response.js';
import { parseGoogleToolCallId } from './google-tool-call-id.js';

const usageMetadata = { promptTokenCount: 10, candidatesTokenCount: 5, thoughtsTokenCount: 20, totalTokenCount: 35 };

describe('decodeGoogleResponse', () => {
  it('keeps the responseId, reads the model version and maps text, finish and usage', () => {
    const response = decodeGoogleResponse(
      {
        candidates: [{ content: { parts: [{ text: 'Hello' }, { text: ' world' }], role: 'model' }, finishReason: 'STOP', index: 0 }],
        usageMetadata,
        modelVersion: 'models/gemini-2.5-flash',
        responseId: 'resp-1',
      },
      { model: 'gemini-2.5-flash-latest' },
    );
    expect(response).toEqual({
      id: 'resp-1',
      model: 'gemini-2.5-flash',
      content: [
        { type: 'text', text: 'Hello' },
        { type: 'text', text: ' world' },
      ],
      finishReason: { unified: 'stop', raw: 'STOP' },
      usage: { input: 10, output: 25, reasoning: 20, total: 35, raw: usageMetadata },
      providerMetadata: { google: { modelVersion: 'models/gemini-2.5-flash' } },
    });
  });

  it('turns thoughts into reasoning and carries the signature of the part after them', () => {
    const response = decodeGoogleResponse(
      {
        candidates: [
          {
            content: {
              parts: [
                { text: 'thinking…', thought: true },
                { text: 'answer', thoughtSignature: 'SIG1' },
                { text: '', thoughtSignature: 'SIG2' },
              ],
            },
            finishReason: 'STOP',
          },
        ],
        responseId: 'r',
      },
      { model: 'm' },
    );
    expect(response.content).toEqual([
      { type: 'reasoning', text: 'thinking…', provider: 'google', signature: 'SIG1' },
      { type: 'text', text: 'answer' },
      { type: 'reasoning', text: '', signature: 'SIG2', provider: 'google' },
    ]);
  });

  it('gives function calls stable ids, carries the signature in the first one, and finishes with tool-calls', () => {
    const response = decodeGoogleResponse(
      {
        candidates: [
          {
            content: {
              parts: [
                { functionCall: { name: 'a', args: { x: 1 } }, thoughtSignature: 'U0lH' },
                { functionCall: { name: 'b' } },
                { functionCall: { name: 'c', args: {}, id: 'native-id' } },
              ],
            },
            finishReason: 'STOP',
          },
        ],
        responseId: 'resp9',
      },
      { model: 'm' },
    );
    const [carrier, first, second, third] = response.content as any[];
    expect(carrier).toEqual({ type: 'reasoning', text: '', signature: 'U0lH', provider: 'google' });
    expect(parseGoogleToolCallId(first.id)).toEqual({ baseId: 'call_resp9_0', thoughtSignature: 'U0lH' });
    expect(first).toMatchObject({ type: 'tool-call', name: 'a', arguments: '{"x":1}' });
    expect(second).toEqual({ type: 'tool-call', id: 'call_resp9_1', name: 'b', arguments: '{}' });
    expect(third).toEqual({ type: 'tool-call', id: 'native-id', name: 'c', arguments: '{}' });
    expect(response.finishReason).toEqual({ unified: 'tool-calls', raw: 'STOP' });
  });

  it('keeps ids short when the signature is not to travel in them', () => {
    const response = decodeGoogleResponse(
      { candidates: [{ content: { parts: [{ functionCall: { name: 'a', args: {} }, thoughtSignature: 'U0lH' }] }, finishReason: 'STOP' }], responseId: 'r' },
      { model: 'm', signatureInToolCallId: false },
    );
    expect(response.content).toEqual([
      { type: 'reasoning', text: '', signature: 'U0lH', provider: 'google' },
      { type: 'tool-call', id: 'call_r_0', name: 'a', arguments: '{}' },
    ]);
  });

  it('answers a blocked prompt with a content-filter finish and the feedback in providerMetadata', () => {
    const response = decodeGoogleResponse(
      { promptFeedback: { blockReason: 'SAFETY', safetyRatings: [] }, usageMetadata: { promptTokenCount: 4, totalTokenCount: 4 } },
      { model: 'gemini-2.5-flash' },
    );
    expect(response.content).toEqual([]);
    expect(response.finishReason).toEqual({ unified: 'content-filter', raw: 'SAFETY' });
    expect(response.model).toBe('gemini-2.5-flash');
    expect(response.id).toMatch(/^gemini-/);
    expect(response.providerMetadata).toEqual({ google: { promptFeedback: { blockReason: 'SAFETY', safetyRatings: [] } } });
  });

  it('keeps what has no canonical home in providerMetadata', () => {
    const response = decodeGoogleResponse(
      {
        candidates: [
          {
            content: { parts: [{ text: 'x' }, { executableCode: { language: 'PYTHON', code: 'print(1)' } }] },
            finishReason: 'STOP',
            safetyRatings: [{ category: 'HARM_CATEGORY_HARASSMENT', probability: 'NEGLIGIBLE' }],
            avgLogprobs: -0.1,
          },
          { content: { parts: [{ text: 'y' }] }, finishReason: 'STOP', index: 1 },
        ],
        createTime: '2025-10-24T07:45:16.255887Z',
        responseId: 'r',
      },
      { model: 'm' },
    );
    expect(response.created).toBe(1761291916);
    expect(response.providerMetadata!.google).toMatchObject({
      safetyRatings: [{ category: 'HARM_CATEGORY_HARASSMENT', probability: 'NEGLIGIBLE' }],
      avgLogprobs: -0.1,
      additionalCandidates: [{ index: 1 }],
      unmappedParts: [{ executableCode: { language: 'PYTHON', code: 'print(1)' } }],
    });
  });

  it('refuses a body that is not a GenerateContentResponse', () => {
    let caught: unknown;
    try {
      decodeGoogleResponse({ candidates: 'nope' }, { model: 'm' });
    } catch (error) {
      caught = error;
    }
    expect(GatewayError.isInstance(caught)).toBe(true);
    expect(caught).toMatchObject({ kind: 'upstream', provider: 'google' });
  });
});
