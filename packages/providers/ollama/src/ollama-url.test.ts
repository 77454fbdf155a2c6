import { describe, expect, it } from 'vitest';
import { normaliseOllamaBaseURL, ollamaEndpoint } from './ollama-url.js';

describe('ollamaEndpoint', () => {
  it('appends the path to the bare host, the default being the local server', () => {
    expect(ollamaEndpoint({}, '/api/chat')).toBe('http://127.0.0.1:11434/api/chat');
    expect(ollamaEndpoint({ baseURL: 'https://ollama.com/' }, '/api/chat')).toBe('https://ollama.com/api/chat');
  });

  it('reads OLLAMA_HOST spellings and a copied /v1 base', () => {
    expect(normaliseOllamaBaseURL('0.0.0.0:11434')).toBe('http://0.0.0.0:11434');
    expect(normaliseOllamaBaseURL('gpu-box')).toBe('http://gpu-box:11434');
    expect(normaliseOllamaBaseURL('http://localhost:11434/v1/')).toBe('http://localhost:11434');
    expect(normaliseOllamaBaseURL('http://proxy.internal/ollama')).toBe('http://proxy.internal/ollama');
  });
});
