import type { Warning } from '@switchyard/core';
import type { OpenAICompatiblePreset } from './openai-compatible-preset.js';
import { stripRequestField } from './strip-request-fields.js';
import { putReasoningHistory, type ReasoningHistory } from './take-reasoning-history.js';

type Json = Record<string, unknown>;

/**
 * OpenAI's explicit cache breakpoint on content parts (gpt-5.6 and later): no compatible server
 * knows it, and strict ones (Mistral) refuse unknown keys, so it is always taken out.
 */
const cacheBreakpointPath = 'messages.content.prompt_cache_breakpoint';

/**
 * A Chat Completions body made by the OpenAI codec → the body this server accepts: field
 * renames (`max_tokens`, `random_seed`), stream options, reasoning history in the server's
 * field, refused fields dropped with a warning each. Mutates and returns `body`.
 */
export function applyRequestQuirks(
  body: Json,
  preset: OpenAICompatiblePreset,
  history: ReasoningHistory | undefined,
  warn: (warning: Warning) => void,
): Json {
  const quirks = preset.quirks ?? {};
  renameField(body, 'max_completion_tokens', quirks.maxTokensField ?? 'max_completion_tokens');
  renameField(body, 'seed', quirks.seedField ?? 'seed');

  if (body.stream === true) {
    if (quirks.supportsStreamOptions === false) {
      const { include_usage: _includeUsage, ...others } = (body.stream_options ?? {}) as Json;
      delete body.stream_options;
      // Such servers send usage on their own, so include_usage needs no warning; anything else does.
      for (const key of Object.keys(others)) {
        warn({ type: 'unsupported-field', field: `stream_options.${key}`, message: `${preset.name} does not accept stream_options; stream_options.${key} was dropped.` });
      }
    } else {
      // Always ask for usage: the gateway needs it for its log even when the client did not.
      body.stream_options = { ...(body.stream_options as Json | undefined), include_usage: true };
    }
  }

  const messages = body.messages as Json[];
  if (history && quirks.reasoningInHistory) putReasoningHistory(messages, history, quirks.reasoningInHistory);

  for (const path of [cacheBreakpointPath, ...(quirks.stripFields ?? [])]) {
    for (const warning of stripRequestField(body, path, preset.name)) warn(warning);
  }
  return body;
}

function renameField(body: Json, from: string, to: string): void {
  if (from === to || !(from in body)) return;
  // A value the client set under the target name itself (an extra) is not overwritten.
  if (!(to in body)) body[to] = body[from];
  delete body[from];
}
