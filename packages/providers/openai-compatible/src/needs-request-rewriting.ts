import type { OpenAICompatibleExtensions } from './openai-compatible-extensions.js';
import type { OpenAICompatiblePreset } from './openai-compatible-preset.js';

/**
 * Whether an OpenAI client's body must be rewritten before this server accepts it: a renamed
 * field (`max_tokens`, `random_seed`), a refused field or `stream_options`, no `developer`
 * role, Mistral's thinking chunks, or an extension's rewrite. Such a preset is always
 * translated; the others are offered byte passthrough. Reasoning history in `reasoning_content`
 * / `reasoning` is not a reason: a client speaking Chat Completions to the server sends it in
 * the server's field itself, as it would calling the server directly.
 */
export function needsRequestRewriting(preset: OpenAICompatiblePreset, extensions: OpenAICompatibleExtensions): boolean {
  const quirks = preset.quirks ?? {};
  return (
    quirks.maxTokensField === 'max_tokens' ||
    quirks.seedField === 'random_seed' ||
    quirks.supportsStreamOptions === false ||
    (quirks.stripFields?.length ?? 0) > 0 ||
    quirks.developerRole === 'system' ||
    quirks.reasoningInHistory === 'thinking-chunks' ||
    extensions.beforeEncode !== undefined
  );
}
