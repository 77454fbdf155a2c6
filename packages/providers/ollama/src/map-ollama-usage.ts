import type { Usage } from '@switchyard/core';
import type { OllamaChatResponse } from './ollama-api.js';

/**
 * Ollama's counters → canonical usage: `prompt_eval_count` is the prompt (Ollama omits it when
 * the whole prompt came from its KV cache, hence 0), `eval_count` the output, thinking included
 * (Ollama does not count it apart). The counters and durations (nanoseconds) are kept raw.
 */
export function mapOllamaUsage(response: OllamaChatResponse): Usage {
  const input = response.prompt_eval_count ?? 0;
  const output = response.eval_count ?? 0;
  const raw: Record<string, number> = {};
  for (const key of ['prompt_eval_count', 'eval_count', 'total_duration', 'load_duration', 'prompt_eval_duration', 'eval_duration'] as const) {
    const value = response[key];
    if (typeof value === 'number') raw[key] = value;
  }
  return { input, output, total: input + output, raw };
}
