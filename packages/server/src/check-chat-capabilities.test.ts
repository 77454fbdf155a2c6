import type { ChatCapabilities, ChatRequest, Warning } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import { checkChatCapabilities } from './check-chat-capabilities.js';

const textOnly: ChatCapabilities = { streaming: false, tools: false, parallelTools: false, images: false, files: false, audio: false, reasoning: false, jsonObject: false, jsonSchema: false };
const base: ChatRequest = { model: 'm', stream: false, messages: [{ role: 'user', content: [{ type: 'text', text: 'hi' }] }] };

describe('checkChatCapabilities', () => {
  it('passes a plain request', () => {
    expect(() => checkChatCapabilities(base, 'plain', textOnly, () => {})).not.toThrow();
  });

  it.each([
    [{ stream: true }, 'streaming', 'stream'],
    [{ tools: [{ name: 'f', parameters: {} }] }, 'tools', 'tools'],
    [{ responseFormat: { type: 'json_schema', name: 'x', schema: {} } }, 'JSON schema', 'response_format'],
    [{ messages: [{ role: 'user', content: [{ type: 'image', source: { type: 'url', url: 'https://x/y.png' } }] }] }, 'image input', 'messages'],
    [{ messages: [{ role: 'user', content: [{ type: 'file', source: { type: 'base64', mediaType: 'application/pdf', data: 'AA==' } }] }] }, 'file', 'messages'],
  ] as Array<[Partial<ChatRequest>, string, string]>)('refuses %j naming the provider and the feature', (change, feature, param) => {
    expect(() => checkChatCapabilities({ ...base, ...change }, 'plain', textOnly, () => {})).toThrow(
      expect.objectContaining({ status: 400, param, message: expect.stringMatching(new RegExp(`Provider "plain" does not support .*${feature}`)) }),
    );
  });

  it('warns rather than refuses reasoning settings', () => {
    const warnings: Warning[] = [];
    checkChatCapabilities({ ...base, reasoning: { effort: 'high' } }, 'plain', textOnly, (warning) => warnings.push(warning));
    expect(warnings).toEqual([expect.objectContaining({ field: 'reasoning' })]);
  });
});
