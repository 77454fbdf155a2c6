import { describe, expect, it } from 'vitest';
import { planOpenAIReply } from './plan-openai-reply.js';

const tool = (name: string, required?: string[]) => ({
  type: 'function',
  function: { name, parameters: { type: 'object', properties: {}, ...(required ? { required } : {}) } },
});

describe('planOpenAIReply', () => {
  it('echoes the last user message, keeping its whitespace in the pieces', () => {
    const plan = planOpenAIReply({
      messages: [
        { role: 'user', content: 'first question' },
        { role: 'assistant', content: 'an answer' },
        { role: 'user', content: 'second  question' },
      ],
    });
    expect(plan.pieces).toEqual(['echo:', ' second', '  question']);
    expect(plan.pieces.join('')).toBe('echo: second  question');
    expect(plan).toMatchObject({ finishReason: 'stop', promptTokens: 6, completionTokens: 3, toolCalls: [] });
  });

  it('echoes the trailing tool results when the conversation ends with them', () => {
    const plan = planOpenAIReply({
      messages: [
        { role: 'user', content: 'call tools' },
        { role: 'assistant', content: null, tool_calls: [] },
        { role: 'tool', tool_call_id: 'a', content: 'first result' },
        { role: 'tool', tool_call_id: 'b', content: 'second result' },
      ],
    });
    expect(plan.pieces.join('')).toBe('echo: first result second result');
  });

  it('reads text parts and ignores other parts', () => {
    const plan = planOpenAIReply({
      messages: [{ role: 'user', content: [{ type: 'text', text: 'look' }, { type: 'image_url', image_url: { url: 'x' } }, { type: 'text', text: 'here' }] }],
    });
    expect(plan.pieces.join('')).toBe('echo: look here');
  });

  it('answers "echo:" when there is no user message', () => {
    expect(planOpenAIReply({ messages: [{ role: 'system', content: 's' }] }).pieces).toEqual(['echo:']);
  });

  it('sizes the reply to `words`, repeating the user words or "echo"', () => {
    expect(planOpenAIReply({ messages: [{ role: 'user', content: 'a b' }] }, { words: 5 }).pieces.join('')).toBe('echo: a b a b');
    expect(planOpenAIReply({ messages: [] }, { words: 3 }).pieces.join('')).toBe('echo: echo echo');
    expect(planOpenAIReply({ messages: [{ role: 'user', content: 'a b c' }] }, { words: 2 }).pieces.join('')).toBe('echo: a');
  });

  it('honours max_tokens with finish reason length', () => {
    const plan = planOpenAIReply({ messages: [{ role: 'user', content: 'a b c' }], max_tokens: 3 });
    expect(plan).toMatchObject({ pieces: ['echo:', ' a', ' b'], finishReason: 'length', completionTokens: 3 });
  });

  it('calls every function tool when the last user message says "call tools"', () => {
    const plan = planOpenAIReply({
      messages: [{ role: 'user', content: 'Please CALL TOOLS' }],
      tools: [tool('get_weather', ['city', 'unit']), tool('get_time')],
    });
    expect(plan.toolCalls).toEqual([
      { id: 'call_0', name: 'get_weather', arguments: '{"city":"city","unit":"unit"}' },
      { id: 'call_1', name: 'get_time', arguments: '{}' },
    ]);
    expect(plan).toMatchObject({ pieces: [], finishReason: 'tool_calls', completionTokens: 4 });
  });

  it('keeps the text reply when tools are off, not asked for, or the last message is not the user', () => {
    const tools = [tool('a'), tool('b')];
    const ask = [{ role: 'user', content: 'call tools' }];
    expect(planOpenAIReply({ messages: ask, tools, tool_choice: 'none' }).toolCalls).toEqual([]);
    expect(planOpenAIReply({ messages: [{ role: 'user', content: 'hi' }], tools }).toolCalls).toEqual([]);
    expect(planOpenAIReply({ messages: [...ask, { role: 'tool', tool_call_id: 'call_0', content: '{}' }], tools }).toolCalls).toEqual([]);
    expect(planOpenAIReply({ messages: ask, tools, parallel_tool_calls: false }).toolCalls).toHaveLength(1);
  });
});
