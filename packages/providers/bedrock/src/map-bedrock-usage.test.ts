import { describe, expect, it } from 'vitest';
import { mapBedrockUsage } from './map-bedrock-usage.js';

describe('mapBedrockUsage', () => {
  it('maps plain counters', () => {
    const raw = { inputTokens: 13, outputTokens: 35, totalTokens: 48 };
    expect(mapBedrockUsage(raw)).toEqual({ input: 13, output: 35, total: 48, raw });
  });

  it('counts cache reads and writes into the input, as Bedrock counts them into the total', () => {
    const raw = { inputTokens: 2, outputTokens: 5, totalTokens: 1329, cacheReadInputTokens: 1322, cacheWriteInputTokens: 0 };
    expect(mapBedrockUsage(raw)).toEqual({ input: 1324, output: 5, total: 1329, cachedInput: 1322, cacheWrite: 0, raw });
    const writing = { inputTokens: 4, outputTokens: 10, totalTokens: 1514, cacheReadInputTokens: 0, cacheWriteInputTokens: 1500 };
    expect(mapBedrockUsage(writing)).toMatchObject({ input: 1504, cacheWrite: 1500, cachedInput: 0, total: 1514 });
  });

  it('falls back to the legacy *TokenCount names', () => {
    expect(mapBedrockUsage({ inputTokens: 1, outputTokens: 1, cacheReadInputTokenCount: 7 })).toMatchObject({
      input: 8,
      cachedInput: 7,
      total: 9,
    });
  });
});
