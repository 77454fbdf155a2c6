import type { ChatRequest } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import { exactCacheKey } from './cache-key.js';

const base: ChatRequest = {
  model: 'gpt-4o-mini',
  messages: [
    { role: 'system', content: [{ type: 'text', text: 'Be brief.' }] },
    { role: 'user', content: [{ type: 'text', text: 'What is a switchyard?' }] },
  ],
  temperature: 0.2,
  stream: false,
};
const key = (request: ChatRequest, partition = '', provider = 'openai') => exactCacheKey({ partition, provider, request });

describe('exactCacheKey', () => {
  it('is a sha256 hex digest, stable across calls', () => {
    expect(key(base)).toMatch(/^[0-9a-f]{64}$/);
    expect(key(structuredClone(base))).toBe(key(base));
  });

  it('ignores what does not change the answer: stream, stream usage, user, metadata, key order, prompt-cache hints', () => {
    const reordered = { stream: true, temperature: 0.2, messages: base.messages, model: 'gpt-4o-mini' } as ChatRequest;
    expect(key(reordered)).toBe(key(base));
    expect(key({ ...base, stream: true, streamUsage: true, user: 'alice', metadata: { trace: 't-1' } })).toBe(key(base));
    const hinted: ChatRequest = { ...base, messages: [base.messages[0]!, { role: 'user', content: [{ type: 'text', text: 'What is a switchyard?', cache: { type: 'ephemeral' } }] }] };
    expect(key(hinted)).toBe(key(base));
    expect(key({ ...base, providerOptions: { 'openai-chat': { prompt_cache_key: 'k', store: true, safety_identifier: 'u1' } } })).toBe(key(base));
    const tool = { name: 'lookup', parameters: { type: 'object' } };
    expect(key({ ...base, tools: [{ ...tool, cache: { type: 'ephemeral' } }] })).toBe(key({ ...base, tools: [tool] }));
  });

  it('changes with the messages, the model, tools, answer-changing params and wire extras', () => {
    const keys = [
      key(base),
      key({ ...base, messages: [base.messages[0]!, { role: 'user', content: [{ type: 'text', text: 'What is a rail yard?' }] }] }),
      key({ ...base, model: 'gpt-4o' }),
      key({ ...base, temperature: 0.3 }),
      key({ ...base, maxOutputTokens: 10 }),
      key({ ...base, seed: 1 }),
      key({ ...base, stop: ['\n'] }),
      key({ ...base, responseFormat: { type: 'json_object' } }),
      key({ ...base, tools: [{ name: 'lookup', parameters: { type: 'object' } }] }),
      key({ ...base, providerOptions: { 'openai-chat': { logit_bias: { '50256': -100 } } } }),
    ];
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('partitions by tenant and by provider entry', () => {
    expect(key(base, 'key:a')).not.toBe(key(base, 'key:b'));
    expect(key(base, 'key:a')).not.toBe(key(base, ''));
    expect(key(base, '', 'openai')).not.toBe(key(base, '', 'azure-eu'));
  });
});
