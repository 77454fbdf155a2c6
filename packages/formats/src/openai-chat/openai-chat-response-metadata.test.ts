import { describe, expect, it } from 'vitest';
import { readOpenAIChatResponseMetadata } from './openai-chat-response-metadata.js';

describe('readOpenAIChatResponseMetadata', () => {
  it('reads its own key and tolerates anything else', () => {
    expect(readOpenAIChatResponseMetadata(undefined)).toEqual({});
    expect(readOpenAIChatResponseMetadata({ 'openai-chat': 'nonsense' })).toEqual({});
    expect(
      readOpenAIChatResponseMetadata({
        anthropic: { container: {} },
        'openai-chat': { choice: { logprobs: null }, message: [], additionalChoices: {} },
      }),
    ).toEqual({ response: undefined, choice: { logprobs: null }, message: undefined, additionalChoices: undefined });
  });
});
