import { describe, expect, it } from 'vitest';
import { createPromptCache, exampleForSchema, mockThinkingSignature, planAnthropicReply } from './plan-anthropic-reply.js';

describe('planAnthropicReply', () => {
  it('echoes the text of the last user turn, string or blocks', () => {
    expect(planAnthropicReply({ max_tokens: 100, messages: [{ role: 'user', content: 'hi there' }] }).pieces.join('')).toBe('echo: hi there');
    const plan = planAnthropicReply({
      max_tokens: 100,
      messages: [
        { role: 'user', content: 'first' },
        { role: 'assistant', content: 'reply' },
        { role: 'user', content: [{ type: 'text', text: 'second' }, { type: 'image', source: { type: 'url', url: 'https://x' } }, { type: 'text', text: 'part' }] },
      ],
    });
    expect(plan.pieces).toEqual(['echo:', ' second', ' part']);
    expect(plan.usage).toMatchObject({ input_tokens: 4, output_tokens: 3 });
  });

  it('picks the earliest stop sequence', () => {
    const plan = planAnthropicReply({ max_tokens: 100, stop_sequences: ['four', 'two'], messages: [{ role: 'user', content: 'one two three four' }] });
    expect(plan).toMatchObject({ pieces: ['echo:', ' one'], stopReason: 'stop_sequence', stopSequence: 'two' });
  });

  it('calls only the named tool for a tool choice of type tool', () => {
    const plan = planAnthropicReply({
      max_tokens: 100,
      tools: [{ name: 'a', input_schema: { type: 'object' } }, { name: 'b', input_schema: { type: 'object', required: ['x'] } }, { type: 'web_search_20250305', name: 'web_search' }],
      tool_choice: { type: 'tool', name: 'b' },
      messages: [{ role: 'user', content: 'CALL TOOLS' }],
    });
    expect(plan.toolCalls).toEqual([{ id: 'toolu_mock_0', name: 'b', input: { x: 'x' } }]);
  });

  it('signs its thinking so the signature can be checked later', () => {
    const plan = planAnthropicReply({ max_tokens: 2000, thinking: { type: 'enabled', budget_tokens: 1024 }, messages: [{ role: 'user', content: 'why' }] });
    expect(plan.thinking).toEqual({ text: 'Thinking about: why', signature: mockThinkingSignature('Thinking about: why') });
    expect(plan.usage.output_tokens).toBe(3 + 2);
  });

  it('caches up to the last breakpoint, per mock, 1h or 5m by its ttl', () => {
    const cache = createPromptCache();
    const body = {
      model: 'm',
      max_tokens: 10,
      tools: [{ name: 't', input_schema: { type: 'object' }, cache_control: { type: 'ephemeral' } }],
      messages: [{ role: 'user', content: [{ type: 'text', text: 'cached words here', cache_control: { type: 'ephemeral' } }, { type: 'text', text: 'fresh' }] }],
    };
    expect(planAnthropicReply(body, cache).usage).toMatchObject({ input_tokens: 1, cache_creation_input_tokens: 3, cache_creation: { ephemeral_5m_input_tokens: 3 } });
    expect(planAnthropicReply(body, cache).usage).toMatchObject({ input_tokens: 1, cache_read_input_tokens: 3, cache_creation_input_tokens: 0 });
    const automatic = { model: 'm', max_tokens: 10, cache_control: { type: 'ephemeral', ttl: '1h' }, messages: [{ role: 'user', content: 'all of it' }] };
    expect(planAnthropicReply(automatic, cache).usage).toMatchObject({ input_tokens: 0, cache_creation: { ephemeral_1h_input_tokens: 3 } });
  });
});

describe('exampleForSchema', () => {
  it('fills properties by type', () => {
    expect(
      exampleForSchema({
        type: 'object',
        properties: {
          name: { type: 'string' },
          count: { type: 'integer' },
          ok: { type: 'boolean' },
          list: { type: 'array' },
          kind: { enum: ['a', 'b'] },
          maybe: { anyOf: [{ type: 'number' }, { type: 'null' }] },
          nested: { type: ['object', 'null'], properties: { x: { const: 1 } } },
        },
      }),
    ).toEqual({ name: 'name', count: 0, ok: false, list: [], kind: 'a', maybe: 0, nested: { x: 1 } });
  });
});
