import type { ChatCapabilities } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import { checkPassthroughCapabilities } from './check-passthrough-capabilities.js';

const textOnly: ChatCapabilities = { streaming: true, tools: false, parallelTools: false, images: false, files: false, audio: false, reasoning: false, jsonObject: false, jsonSchema: false };

describe('checkPassthroughCapabilities', () => {
  it('passes text in every format', () => {
    expect(() => checkPassthroughCapabilities({ messages: [{ role: 'user', content: 'hi' }] }, 'p', textOnly)).not.toThrow();
    expect(() => checkPassthroughCapabilities({ input: [{ role: 'user', content: [{ type: 'input_text', text: 'hi' }] }] }, 'p', textOnly)).not.toThrow();
  });

  it('refuses images, files and tools the provider does not declare, naming provider and feature', () => {
    const chatImage = { messages: [{ role: 'user', content: [{ type: 'image_url', image_url: { url: 'https://x/y.png' } }] }] };
    expect(() => checkPassthroughCapabilities(chatImage, 'plain', textOnly)).toThrow(/Provider "plain" does not support image input/);
    const messagesPdf = { messages: [{ role: 'user', content: [{ type: 'document', source: {} }] }] };
    expect(() => checkPassthroughCapabilities(messagesPdf, 'plain', textOnly)).toThrow(expect.objectContaining({ status: 400, param: 'messages' }));
    const responsesImage = { input: [{ role: 'user', content: [{ type: 'input_image', image_url: 'data:' }] }] };
    expect(() => checkPassthroughCapabilities(responsesImage, 'plain', textOnly)).toThrow(expect.objectContaining({ param: 'input' }));
    expect(() => checkPassthroughCapabilities({ tools: [{}], messages: [] }, 'plain', textOnly)).toThrow(/tools/);
  });
});
