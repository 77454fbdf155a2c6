import { type ChatRequest, type Warning, wireFormats } from '@switchyard/core';

/**
 * `providerOptions.google` (or the key of a reusing adapter): Gemini fields with no canonical
 * home, given by the client or the config.
 * - `schemaMode`: 'json-schema' (default) sends tool parameters and response schemas as plain
 *   JSON Schema (`parametersJsonSchema` / `responseJsonSchema`); 'openapi' converts them to
 *   Gemini's OpenAPI-subset `Schema` (`parameters` / `responseSchema`).
 * - `generationConfig`, `thinkingConfig`, `toolConfig`: merged over what the adapter built.
 * - `tools`: native tools appended after the function declarations (`{googleSearch: {}}`,
 *   `{codeExecution: {}}`, `{urlContext: {}}` …).
 * - Any other key (`safetySettings`, `cachedContent`, `labels` …) is set on the body as is.
 */
export interface GoogleProviderOptions {
  schemaMode: 'json-schema' | 'openapi';
  generationConfig?: Record<string, unknown>;
  thinkingConfig?: Record<string, unknown>;
  toolConfig?: Record<string, unknown>;
  tools?: Record<string, unknown>[];
  /** Top-level body fields, copied verbatim. */
  body: Record<string, unknown>;
}

export function readGoogleProviderOptions(request: ChatRequest, key: string, warnings: Warning[]): GoogleProviderOptions {
  const raw = request.providerOptions?.[key] ?? {};
  const { schemaMode, generationConfig, thinkingConfig, toolConfig, tools, ...body } = raw;
  const options: GoogleProviderOptions = { schemaMode: 'json-schema', body };
  if (schemaMode === 'openapi' || schemaMode === 'json-schema') options.schemaMode = schemaMode;
  else if (schemaMode !== undefined) {
    warnings.push({ type: 'unsupported-value', field: `providerOptions.${key}.schemaMode`, message: "schemaMode must be 'json-schema' or 'openapi'; 'json-schema' was used." });
  }
  if (isObject(generationConfig)) options.generationConfig = generationConfig;
  if (isObject(thinkingConfig)) options.thinkingConfig = thinkingConfig;
  if (isObject(toolConfig)) options.toolConfig = toolConfig;
  if (Array.isArray(tools)) options.tools = tools.filter(isObject);

  // Fields a client format carried for its own provider (logit_bias, service_tier …): lost here.
  for (const format of wireFormats) {
    for (const field of Object.keys(request.providerOptions?.[format] ?? {})) {
      warnings.push({ type: 'unsupported-field', field, message: `${field} has no Gemini equivalent and was not sent.` });
    }
  }
  return options;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
