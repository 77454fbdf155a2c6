import { describe, expect, it } from 'vitest';
import { estimateInputTokens, mediaPartTokenEstimate } from './estimate-input-tokens.js';

describe('estimateInputTokens', () => {
  it('counts text at four characters a token, rounding up', () => {
    expect(estimateInputTokens({ model: 'm', stream: false, messages: [{ role: 'system', content: [{ type: 'text', text: '12345' }] }] })).toBe(2);
    expect(estimateInputTokens({ model: 'm', stream: false, messages: [] })).toBe(0);
  });

  it('adds tool calls, tool results, the tools’ JSON and a fixed count per image', () => {
    const tools = [{ name: 'get_weather', parameters: { type: 'object' } }];
    const estimate = estimateInputTokens({
      model: 'm',
      stream: false,
      tools,
      messages: [
        { role: 'user', content: [{ type: 'text', text: 'abcd' }, { type: 'image', source: { type: 'url', url: 'https://x/y.png' } }] },
        { role: 'assistant', content: [{ type: 'tool-call', id: 'c', name: 'get_weather', arguments: '{}' }] },
        { role: 'tool', content: [{ type: 'tool-result', toolCallId: 'c', content: [{ type: 'text', text: 'sunny' }] }] },
      ],
    });
    const characters = 4 + 'get_weather'.length + 2 + 5 + JSON.stringify(tools).length;
    expect(estimate).toBe(Math.ceil(characters / 4) + mediaPartTokenEstimate);
  });
});
