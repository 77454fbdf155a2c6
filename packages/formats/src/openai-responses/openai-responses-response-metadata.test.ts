import { describe, expect, it } from 'vitest';
import { readOpenAIResponsesResponseMetadata } from './openai-responses-response-metadata.js';

describe('readOpenAIResponsesResponseMetadata', () => {
  it('reads what the decoder kept and tolerates anything else', () => {
    const output = [{ parts: 1, item: { id: 'msg_1', type: 'message' } }];
    expect(readOpenAIResponsesResponseMetadata({ 'openai-responses': { response: { store: true }, output } })).toEqual({ response: { store: true }, output });
    expect(readOpenAIResponsesResponseMetadata({ 'openai-responses': { response: 'x', output: [{ parts: 'x' }] } })).toEqual({});
    expect(readOpenAIResponsesResponseMetadata(undefined)).toEqual({});
  });
});
