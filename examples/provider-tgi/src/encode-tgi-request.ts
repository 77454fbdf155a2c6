import type { ChatRequest, Warning } from '@switchyard/core';
import { buildTgiPrompt } from './build-tgi-prompt.js';
import type { TgiGenerateRequest, TgiParameters } from './tgi-api.js';

export interface EncodedTgiRequest {
  body: TgiGenerateRequest;
  warnings: Warning[];
}

/** The canonical request → TGI's `{ inputs, parameters }`; what TGI's parameters cannot say becomes a warning. */
export function encodeTgiRequest(request: ChatRequest): EncodedTgiRequest {
  const warnings: Warning[] = [];
  const parameters: TgiParameters = { details: true, return_full_text: false };
  if (request.maxOutputTokens !== undefined) parameters.max_new_tokens = request.maxOutputTokens;
  if (request.temperature !== undefined) parameters.temperature = request.temperature;
  if (request.topP !== undefined) parameters.top_p = request.topP;
  if (request.topK !== undefined) parameters.top_k = request.topK;
  if (request.seed !== undefined) parameters.seed = request.seed;
  if (request.stop?.length) parameters.stop = request.stop;
  const unsupported: Array<[keyof ChatRequest, string]> = [
    ['presencePenalty', 'presence_penalty'],
    ['frequencyPenalty', 'frequency_penalty'],
    ['logprobs', 'logprobs'],
    ['responseFormat', 'response_format'],
  ];
  for (const [field, name] of unsupported) {
    if (request[field] !== undefined) warnings.push({ type: 'unsupported-field', field: name, message: `TGI's /generate has no ${name}; it was not sent.` });
  }
  return { body: { inputs: buildTgiPrompt(request.messages), parameters }, warnings };
}
