import type { ProviderSettings } from '@switchyard/core';

/** Ollama's default address (`ollama serve` binds 127.0.0.1:11434). */
export const ollamaBaseURL = 'http://127.0.0.1:11434';

/**
 * The base is the bare host, as Portkey's custom_host for Ollama is (Portkey appends
 * `/v1/chat/completions` or `/api/embeddings` itself), and the endpoint path is appended.
 * Two common spellings are accepted as well: OLLAMA_HOST's `host:port` without a scheme (http is
 * meant, port 11434 when none is given, as Ollama's own clients read it), and a base ending in
 * `/v1` (the OpenAI-compatible base people copy from Ollama's docs) — nothing lives under /v1/api.
 */
export function ollamaEndpoint(settings: ProviderSettings, path: string): string {
  return `${normaliseOllamaBaseURL(settings.baseURL ?? ollamaBaseURL)}${path}`;
}

export function normaliseOllamaBaseURL(baseURL: string): string {
  let base = baseURL.trim().replace(/\/+$/, '');
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(base)) {
    const hasPort = /:\d+$/.test(base) || /^\[.*\]:\d+$/.test(base);
    base = `http://${base}${hasPort ? '' : ':11434'}`;
  }
  return base.replace(/\/v1$/, '');
}
