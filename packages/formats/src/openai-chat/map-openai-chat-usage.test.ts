import { describe, expect, it } from 'vitest';
import { decodeOpenAIChatUsage, encodeOpenAIChatUsage } from './map-openai-chat-usage.js';

const openAIUsage = {
  prompt_tokens: 4020,
  completion_tokens: 4,
  total_tokens: 4024,
  prompt_tokens_details: { audio_tokens: 0, cache_write_tokens: 0, cached_tokens: 4012 },
  completion_tokens_details: { reasoning_tokens: 2, audio_tokens: 0, accepted_prediction_tokens: 0, rejected_prediction_tokens: 0 },
};

describe('usage', () => {
  it('decodes totals and details, keeping the raw object', () => {
    expect(decodeOpenAIChatUsage(openAIUsage)).toEqual({
      input: 4020,
      output: 4,
      total: 4024,
      cachedInput: 4012,
      cacheWrite: 0,
      reasoning: 2,
      raw: openAIUsage,
    });
  });

  it("falls back to DeepSeek's cache counter and computes a missing total", () => {
    expect(decodeOpenAIChatUsage({ prompt_tokens: 10, completion_tokens: 5, prompt_cache_hit_tokens: 8 })).toMatchObject({
      input: 10,
      output: 5,
      total: 15,
      cachedInput: 8,
    });
  });

  it('restores every detail from an OpenAI-shaped raw value', () => {
    expect(encodeOpenAIChatUsage(decodeOpenAIChatUsage(openAIUsage))).toEqual(openAIUsage);
  });

  it('builds the details from canonical numbers when the raw value is foreign', () => {
    expect(
      encodeOpenAIChatUsage({
        input: 1532,
        output: 20,
        total: 1552,
        cachedInput: 1111,
        cacheWrite: 418,
        raw: { input_tokens: 3, cache_read_input_tokens: 1111 },
      }),
    ).toEqual({
      prompt_tokens: 1532,
      completion_tokens: 20,
      total_tokens: 1552,
      prompt_tokens_details: { cached_tokens: 1111, cache_write_tokens: 418 },
    });
    expect(encodeOpenAIChatUsage({ input: 1, output: 2, total: 3, reasoning: 1 })).toEqual({
      prompt_tokens: 1,
      completion_tokens: 2,
      total_tokens: 3,
      completion_tokens_details: { reasoning_tokens: 1 },
    });
  });
});
