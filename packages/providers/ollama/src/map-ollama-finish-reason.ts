import type { FinishReason } from '@switchyard/core';

/**
 * Ollama's `done_reason` → the unified reason. Ollama says `stop` after tool calls too, so an
 * answer that called tools is `tool-calls` (raw `stop` kept). Older servers send no reason at all:
 * a completed answer is then a stop (raw null). `load` / `unload` answer a model (un)loading call.
 */
export function mapOllamaFinishReason(doneReason: string | null | undefined, calledTools: boolean): FinishReason {
  const raw = doneReason ?? null;
  if (calledTools && (raw === null || raw === 'stop')) return { unified: 'tool-calls', raw };
  switch (raw) {
    case null:
    case 'stop':
      return { unified: 'stop', raw };
    case 'length':
      return { unified: 'length', raw };
    default:
      return { unified: 'other', raw };
  }
}
