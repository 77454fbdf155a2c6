import type { ChatRequest, Warning } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import { encodeCompatibleRequest } from './encode-compatible-request.js';
import { testPreset } from './test-presets.test-support.js';

const request: ChatRequest = {
  model: 'm',
  stream: true,
  streamUsage: true,
  maxOutputTokens: 64,
  seed: 7,
  user: 'end-user',
  parallelToolCalls: false,
  reasoning: { effort: 'low' },
  messages: [
    { role: 'system', content: [{ type: 'text', text: 'be brief' }] },
    { role: 'developer', content: [{ type: 'text', text: 'in English' }] },
    { role: 'user', content: [{ type: 'text', text: 'hi', cache: { type: 'ephemeral' } }], name: 'ann' },
    { role: 'assistant', content: [{ type: 'reasoning', text: 'thought' }, { type: 'text', text: 'hello' }] },
    { role: 'user', content: [{ type: 'text', text: 'again' }] },
  ],
  providerOptions: { test: { safe_prompt: true, model: 'never-overrides' }, 'openai-chat': { store: true } },
};

function encode(preset: ReturnType<typeof testPreset>, input: ChatRequest = request) {
  const warnings: Warning[] = [];
  const body = encodeCompatibleRequest(input, preset, {}, { warn: (warning) => warnings.push(warning) });
  return { body, warnings, fields: warnings.map((warning) => warning.field) };
}

describe('encodeCompatibleRequest', () => {
  it('leaves an OpenAI-like server the OpenAI body, always asking for stream usage, minus the cache breakpoint', () => {
    const { body, fields } = encode(testPreset());
    expect(body).toMatchObject({ max_completion_tokens: 64, seed: 7, user: 'end-user', parallel_tool_calls: false, reasoning_effort: 'low', store: true, safe_prompt: true, model: 'm' });
    expect(body.stream_options).toEqual({ include_usage: true });
    expect((body.messages as Array<{ role: string }>).map((message) => message.role)).toEqual(['system', 'developer', 'user', 'assistant', 'user']);
    // The codec drops reasoning history (no quirk says where it goes) and the breakpoint is stripped, each with a warning.
    expect(fields).toEqual(['messages[3].content[0]', 'messages[2].content[0].prompt_cache_breakpoint']);
  });

  it('renames, strips and rewrites what the preset says', () => {
    const { body, fields } = encode(
      testPreset({
        maxTokensField: 'max_tokens',
        seedField: 'random_seed',
        supportsStreamOptions: false,
        stripFields: ['user', 'store', 'parallel_tool_calls', 'messages.name'],
        developerRole: 'system',
        reasoningInHistory: 'reasoning_content',
      }),
    );
    expect(body).toMatchObject({ max_tokens: 64, random_seed: 7 });
    for (const field of ['max_completion_tokens', 'seed', 'stream_options', 'user', 'store', 'parallel_tool_calls']) expect(body).not.toHaveProperty(field);
    const messages = body.messages as Array<Record<string, unknown>>;
    expect(messages.map((message) => message.role)).toEqual(['system', 'system', 'user', 'assistant', 'user']);
    expect(messages[2]).toEqual({ role: 'user', content: [{ type: 'text', text: 'hi' }] });
    expect(messages[3]).toEqual({ role: 'assistant', content: 'hello', reasoning_content: 'thought' });
    expect(fields).toEqual(['messages[2].content[0].prompt_cache_breakpoint', 'user', 'store', 'parallel_tool_calls', 'messages[2].name']);
  });

  it('sends history as Mistral thinking chunks and takes reasoning settings away from a provider without them', () => {
    const { body } = encode(testPreset({ contentAsArray: true, reasoningInHistory: 'thinking-chunks' }, { capabilities: { ...testPreset().capabilities, reasoning: false } }));
    expect(body).not.toHaveProperty('reasoning_effort');
    expect((body.messages as Array<Record<string, unknown>>)[3]!.content).toEqual([
      { type: 'thinking', thinking: [{ type: 'text', text: 'thought' }] },
      { type: 'text', text: 'hello' },
    ]);
  });

  it("runs an extension's rewrite after the preset's quirks", () => {
    const warnings: Warning[] = [];
    const body = encodeCompatibleRequest(
      { ...request, stream: false },
      testPreset({ maxTokensField: 'max_tokens' }),
      {
        beforeEncode: (input) => ({
          request: { ...input, messages: input.messages.slice(-1) },
          afterEncode: (encoded) => {
            encoded.seen_max_tokens = encoded.max_tokens;
          },
        }),
      },
      { warn: (warning) => warnings.push(warning) },
    );
    expect(body.messages).toEqual([{ role: 'user', content: 'again' }]);
    expect(body.seen_max_tokens).toBe(64);
    expect(body).not.toHaveProperty('stream_options');
  });
});
