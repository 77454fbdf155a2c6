import { type ChatRequest, type Warning, wireFormats } from '@switchyard/core';
import type { OllamaOptions, OllamaThink } from './ollama-api.js';

/**
 * `providerOptions.ollama`: Ollama fields with no canonical home, from the client or the config.
 * - `options`: Modelfile parameters (`num_ctx`, `repeat_penalty`, `min_p` …), merged over the
 *   ones the adapter set from canonical fields.
 * - `think`: sent as given (true / false / 'low' / 'medium' / 'high' / 'max'), over reasoning settings.
 * - Any other key (`keep_alive`, `truncate`, `shift` …) is set on the body as is.
 */
export interface OllamaProviderOptions {
  options?: OllamaOptions;
  think?: OllamaThink;
  body: Record<string, unknown>;
}

export function readOllamaProviderOptions(request: ChatRequest, warnings: Warning[]): OllamaProviderOptions {
  const { options, think, ...body } = request.providerOptions?.ollama ?? {};
  const read: OllamaProviderOptions = { body };
  if (typeof options === 'object' && options !== null && !Array.isArray(options)) read.options = options as OllamaOptions;
  if (typeof think === 'boolean' || think === 'low' || think === 'medium' || think === 'high' || think === 'max') read.think = think;
  else if (think !== undefined) {
    warnings.push({ type: 'unsupported-value', field: 'providerOptions.ollama.think', message: "think must be a boolean or 'low', 'medium', 'high' or 'max'; it was not sent." });
  }
  // Fields a client format carried for its own provider (logit_bias, service_tier …) are lost here.
  for (const format of wireFormats) {
    for (const field of Object.keys(request.providerOptions?.[format] ?? {})) {
      warnings.push({ type: 'unsupported-field', field, message: `${field} has no Ollama equivalent and was not sent.` });
    }
  }
  return read;
}
