import type { ChatRequest, ProviderCallContext } from '@switchyard/core';
import { openAIChatCodec } from '@switchyard/formats';
import { applyRequestQuirks } from './apply-request-quirks.js';
import type { OpenAICompatibleExtensions } from './openai-compatible-extensions.js';
import type { OpenAICompatiblePreset } from './openai-compatible-preset.js';
import { takeReasoningHistory, type ReasoningHistory } from './take-reasoning-history.js';

type Json = Record<string, unknown>;

/**
 * The canonical request → the body this server accepts. The OpenAI codec does the encoding; the
 * preset's quirks are applied around it: before (developer turns as system, reasoning history
 * taken out), after (`applyRequestQuirks`), then the extension's own rewrite, then
 * `providerOptions[<preset id or alias>]` merged in verbatim.
 */
export function encodeCompatibleRequest(
  request: ChatRequest,
  preset: OpenAICompatiblePreset,
  extensions: OpenAICompatibleExtensions,
  context: Pick<ProviderCallContext, 'warn'>,
): Json {
  const quirks = preset.quirks ?? {};
  let prepared = request;
  if (quirks.developerRole === 'system') {
    prepared = { ...prepared, messages: prepared.messages.map((message) => (message.role === 'developer' ? { ...message, role: 'system' } : message)) };
  }
  if (!preset.capabilities.reasoning && prepared.reasoning) {
    // The gateway already warned that the provider has no reasoning controls.
    const { reasoning: _reasoning, ...rest } = prepared;
    prepared = rest;
  }
  let history: ReasoningHistory | undefined;
  if (quirks.reasoningInHistory) ({ request: prepared, history } = takeReasoningHistory(prepared, context.warn));

  const extension = extensions.beforeEncode?.(prepared, context.warn);
  if (extension) prepared = extension.request;

  const encoded = openAIChatCodec.encodeRequest(prepared);
  encoded.warnings.forEach(context.warn);
  const body = applyRequestQuirks(encoded.body, preset, history, context.warn);
  extension?.afterEncode?.(body);

  for (const key of [preset.id, ...(preset.aliases ?? [])]) {
    for (const [field, value] of Object.entries(request.providerOptions?.[key] ?? {})) {
      if (!(field in body)) body[field] = value;
    }
  }
  return body;
}
