import { type ChatRequest, type Warning, wireFormats } from '@switchyard/core';
import type { CohereChatRequest, CohereResponseFormat } from './cohere-api.js';
import { convertToCohereMessages } from './convert-to-cohere-messages.js';
import { prepareCohereJsonSchema } from './prepare-cohere-json-schema.js';
import { prepareCohereThinking } from './prepare-cohere-thinking.js';
import { prepareCohereTools } from './prepare-cohere-tools.js';

export interface EncodedCohereRequest {
  body: CohereChatRequest;
  warnings: Warning[];
}

/** The providerOptions key for Chat v2 fields with no canonical home (documents, citation_options, safety_mode, priority …). */
export const cohereProviderOptionsKey = 'cohere';

/**
 * The canonical request → a Chat v2 body (https://docs.cohere.com/reference/chat). Values go as
 * given (Cohere checks its own ranges); `topP` is `p` and `topK` is `k`. Fields of
 * `providerOptions.cohere` are copied verbatim but never replace a field the canonical request
 * set. Warnings list what could not be carried.
 */
export function encodeCohereRequest(request: ChatRequest): EncodedCohereRequest {
  const warnings: Warning[] = [];
  const body: CohereChatRequest = {
    model: request.model,
    messages: convertToCohereMessages(request.messages, warnings),
    stream: request.stream,
  };
  Object.assign(body, prepareCohereTools(request, warnings));

  const responseFormat = prepareResponseFormat(request, warnings);
  if (responseFormat) body.response_format = responseFormat;
  if (request.maxOutputTokens !== undefined) body.max_tokens = request.maxOutputTokens;
  if (request.stop !== undefined && request.stop.length > 0) body.stop_sequences = request.stop;
  if (request.temperature !== undefined) body.temperature = request.temperature;
  if (request.seed !== undefined) body.seed = request.seed;
  if (request.frequencyPenalty !== undefined) body.frequency_penalty = request.frequencyPenalty;
  if (request.presencePenalty !== undefined) body.presence_penalty = request.presencePenalty;
  if (request.topK !== undefined) body.k = request.topK;
  if (request.topP !== undefined) body.p = request.topP;
  const thinking = prepareCohereThinking(request.reasoning, warnings);
  if (thinking) body.thinking = thinking;

  warnUnsupported(request, warnings);
  for (const [key, value] of Object.entries(request.providerOptions?.[cohereProviderOptionsKey] ?? {})) {
    if (!(key in body)) body[key] = value;
  }
  return { body, warnings };
}

/**
 * `json_object` → `{type: 'json_object'}`; `json_schema` → the same with `json_schema`, the
 * schema prepared for Cohere (its description folded in; the name is a label for OpenAI only).
 */
function prepareResponseFormat(request: ChatRequest, warnings: Warning[]): CohereResponseFormat | undefined {
  const format = request.responseFormat;
  if (format?.type === 'json_object') return { type: 'json_object' };
  if (format?.type !== 'json_schema') return undefined;
  const schema = format.description !== undefined && format.schema.description === undefined ? { ...format.schema, description: format.description } : format.schema;
  const prepared = prepareCohereJsonSchema(schema);
  if (prepared.removed.length > 0) {
    warnings.push({
      type: 'unsupported-value',
      field: 'responseFormat.schema',
      message: `Cohere's structured outputs do not support ${prepared.removed.join(', ')}; removed from the response schema.`,
    });
  }
  return { type: 'json_object', json_schema: prepared.schema };
}

function warnUnsupported(request: ChatRequest, warnings: Warning[]): void {
  if (request.n !== undefined && request.n > 1) {
    warnings.push({ type: 'unsupported-value', field: 'n', message: 'Cohere returns one answer per request; n was ignored.' });
  }
  if (request.logprobs === true || request.topLogprobs !== undefined) {
    warnings.push({ type: 'unsupported-field', field: 'logprobs', message: 'Log probabilities are not carried back from Cohere; not requested.' });
  }
  if (request.user !== undefined) {
    warnings.push({ type: 'unsupported-field', field: 'user', message: 'Cohere has no end-user id; user was not sent.' });
  }
  if (request.metadata !== undefined && Object.keys(request.metadata).length > 0) {
    warnings.push({ type: 'unsupported-field', field: 'metadata', message: 'Cohere has no request metadata; metadata was not sent.' });
  }
  // Fields a client format carried for its own provider (logit_bias, service_tier …): lost here.
  for (const format of wireFormats) {
    for (const field of Object.keys(request.providerOptions?.[format] ?? {})) {
      warnings.push({ type: 'unsupported-field', field, message: `${field} has no Cohere equivalent and was not sent.` });
    }
  }
}
