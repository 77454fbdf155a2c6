import { describe, expect, it } from 'vitest';
import { isClaudeReasoning } from './claude-reasoning.js';

describe('isClaudeReasoning', () => {
  it("takes Anthropic's, Bedrock's and unattributed reasoning as Claude's", () => {
    expect([undefined, 'anthropic', 'bedrock'].map(isClaudeReasoning)).toEqual([true, true, true]);
  });

  it("refuses other providers' signatures", () => {
    expect(['google', 'openai', 'vertex-ai', 'deepseek'].map(isClaudeReasoning)).toEqual([false, false, false, false]);
  });
});
