import { InvalidRequestError } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import { buildTgiPrompt } from './build-tgi-prompt.js';

describe('buildTgiPrompt', () => {
  it('renders the conversation as ChatML ending in an open assistant turn; developer turns are system turns', () => {
    const prompt = buildTgiPrompt([
      { role: 'developer', content: [{ type: 'text', text: 'Be brief.' }] },
      { role: 'user', content: [{ type: 'text', text: 'Hi' }, { type: 'text', text: 'there' }] },
      { role: 'assistant', content: [{ type: 'text', text: 'Hello.' }] },
      { role: 'user', content: [{ type: 'text', text: 'Bye' }] },
    ]);
    expect(prompt).toBe(
      '<|im_start|>system\nBe brief.<|im_end|>\n<|im_start|>user\nHi\nthere<|im_end|>\n<|im_start|>assistant\nHello.<|im_end|>\n<|im_start|>user\nBye<|im_end|>\n<|im_start|>assistant\n',
    );
  });

  it('refuses a part a text prompt cannot carry, naming the message', () => {
    const build = () => buildTgiPrompt([{ role: 'user', content: [{ type: 'image', source: { type: 'url', url: 'https://example.com/a.png' } } as never] }]);
    expect(build).toThrow(/messages\[0\]: TGI's text prompt cannot carry a part of type "image"/);
    try {
      build();
    } catch (error) {
      expect(InvalidRequestError.isInstance(error)).toBe(true);
    }
  });
});
