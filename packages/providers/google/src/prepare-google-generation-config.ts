import type { ChatRequest, Warning } from '@switchyard/core';
import { convertJsonSchemaToGoogleSchema } from './convert-json-schema-to-google-schema.js';
import type { GoogleGenerationConfig } from './google-api.js';
import type { GoogleProviderOptions } from './google-provider-options.js';
import { prepareGoogleJsonSchema } from './prepare-google-json-schema.js';
import { prepareGoogleThinkingConfig } from './prepare-google-thinking-config.js';

/**
 * Sampling, limits, structured output and thinking → `generationConfig`.
 * https://ai.google.dev/api/generate-content#generationconfig
 *
 * Values go as given (Gemini validates its own ranges). `json_object` asks for
 * `responseMimeType: application/json`; `json_schema` adds the schema, as plain JSON Schema
 * in `responseJsonSchema` (or converted to `responseSchema` with schemaMode 'openapi').
 * Returns undefined when there is nothing to send.
 */
export function prepareGoogleGenerationConfig(
  request: ChatRequest,
  options: GoogleProviderOptions,
  warnings: Warning[],
): GoogleGenerationConfig | undefined {
  const config: GoogleGenerationConfig = {};
  if (request.temperature !== undefined) config.temperature = request.temperature;
  if (request.topP !== undefined) config.topP = request.topP;
  if (request.topK !== undefined) config.topK = request.topK;
  if (request.maxOutputTokens !== undefined) config.maxOutputTokens = request.maxOutputTokens;
  if (request.stop !== undefined && request.stop.length > 0) config.stopSequences = request.stop;
  if (request.seed !== undefined) config.seed = request.seed;
  if (request.presencePenalty !== undefined) config.presencePenalty = request.presencePenalty;
  if (request.frequencyPenalty !== undefined) config.frequencyPenalty = request.frequencyPenalty;

  if (request.n !== undefined && request.n !== 1) {
    // The canonical answer has one choice: asking Gemini for more would bill unseen candidates.
    warnings.push({ type: 'unsupported-value', field: 'n', message: 'Only one choice can be returned; candidateCount 1 was used.' });
  }
  if (request.n !== undefined) config.candidateCount = 1;
  if (request.logprobs === true || request.topLogprobs !== undefined) {
    warnings.push({ type: 'unsupported-field', field: 'logprobs', message: 'Log probabilities are not carried back from Gemini; not requested.' });
  }

  const format = request.responseFormat;
  if (format?.type === 'json_object') config.responseMimeType = 'application/json';
  else if (format?.type === 'json_schema') {
    config.responseMimeType = 'application/json';
    // The schema's name is a label for OpenAI only; its description helps the model.
    const schema = format.description !== undefined && format.schema.description === undefined
      ? { ...format.schema, description: format.description }
      : format.schema;
    if (options.schemaMode === 'openapi') {
      const converted = convertJsonSchemaToGoogleSchema(schema);
      config.responseSchema = converted.schema;
      if (converted.dropped.length > 0) {
        warnings.push({
          type: 'unsupported-value',
          field: 'responseFormat.schema',
          message: `Gemini's Schema object has no ${converted.dropped.join(', ')}; removed from the response schema.`,
        });
      }
    } else {
      config.responseJsonSchema = prepareGoogleJsonSchema(schema);
    }
  }

  const thinkingConfig = prepareGoogleThinkingConfig(request.model, request.reasoning, warnings);
  if (thinkingConfig || options.thinkingConfig) config.thinkingConfig = { ...thinkingConfig, ...options.thinkingConfig };
  if (options.generationConfig) Object.assign(config, options.generationConfig);
  return Object.keys(config).length > 0 ? config : undefined;
}
