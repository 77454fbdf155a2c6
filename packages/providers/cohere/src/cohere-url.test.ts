import { describe, expect, it } from 'vitest';
import { cohereChatURL } from './cohere-url.js';

describe('cohereChatURL', () => {
  it('appends /v2/chat to the documented host by default', () => {
    expect(cohereChatURL({})).toBe('https://api.cohere.com/v2/chat');
  });

  it("takes Portkey's bare-host custom_host, with or without a trailing slash", () => {
    expect(cohereChatURL({ baseURL: 'https://api.cohere.ai' })).toBe('https://api.cohere.ai/v2/chat');
    expect(cohereChatURL({ baseURL: 'http://127.0.0.1:9000/' })).toBe('http://127.0.0.1:9000/v2/chat');
  });

  it('replaces a version segment already in the base', () => {
    expect(cohereChatURL({ baseURL: 'https://api.cohere.ai/v1' })).toBe('https://api.cohere.ai/v2/chat');
    expect(cohereChatURL({ baseURL: 'https://proxy.example.com/cohere/v2/' })).toBe('https://proxy.example.com/cohere/v2/chat');
  });
});
