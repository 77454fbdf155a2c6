import type { ProviderSettings } from '@switchyard/core';
import type { OpenAICompatiblePreset } from './openai-compatible-preset.js';

/**
 * The chat completions URL: the instance's base URL (custom_host) or the preset's, plus the
 * preset's path. The base is taken as Portkey defines it for this provider, so the same
 * custom_host value reaches the same URL on both gateways.
 */
export function compatibleChatEndpoint(preset: OpenAICompatiblePreset, settings: ProviderSettings): string {
  const base = (settings.baseURL ?? preset.baseURL).replace(/\/+$/, '');
  return `${base}${preset.chatCompletionsPath ?? '/chat/completions'}`;
}
