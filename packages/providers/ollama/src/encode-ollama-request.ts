import type { ChatRequest, Warning } from '@switchyard/core';
import { convertToOllamaMessages } from './convert-to-ollama-messages.js';
import type { OllamaChatRequest, OllamaOptions, OllamaTool } from './ollama-api.js';
import { mapOllamaThink } from './map-ollama-think.js';
import { readOllamaProviderOptions } from './ollama-provider-options.js';

export interface EncodedOllamaRequest {
  body: OllamaChatRequest;
  warnings: Warning[];
}

/**
 * The canonical request → an `/api/chat` body. Sampling settings go in `options` under their
 * Modelfile names (max output tokens is `num_predict`), structured output in `format` (`'json'`
 * or the JSON schema itself), reasoning in `think`. Warnings list what Ollama cannot express.
 */
export function encodeOllamaRequest(request: ChatRequest): EncodedOllamaRequest {
  const warnings: Warning[] = [];
  const providerOptions = readOllamaProviderOptions(request, warnings);
  const body: OllamaChatRequest = {
    model: request.model,
    messages: convertToOllamaMessages(request.messages, warnings),
    stream: request.stream,
  };

  const tools = prepareTools(request, warnings);
  if (tools) body.tools = tools;

  const options: OllamaOptions = {};
  setIfDefined(options, 'temperature', request.temperature);
  setIfDefined(options, 'top_p', request.topP);
  setIfDefined(options, 'top_k', request.topK);
  setIfDefined(options, 'num_predict', request.maxOutputTokens);
  setIfDefined(options, 'stop', request.stop);
  setIfDefined(options, 'seed', request.seed);
  setIfDefined(options, 'presence_penalty', request.presencePenalty);
  setIfDefined(options, 'frequency_penalty', request.frequencyPenalty);
  Object.assign(options, providerOptions.options);
  if (Object.keys(options).length > 0) body.options = options;

  const format = request.responseFormat;
  if (format?.type === 'json_object') body.format = 'json';
  else if (format?.type === 'json_schema') {
    // The schema is the format. Its name is only a label in OpenAI's API, and `strict` needs no
    // flag: Ollama constrains decoding to the schema.
    body.format = format.schema;
    if (format.description !== undefined) {
      warnings.push({ type: 'unsupported-field', field: 'responseFormat.description', message: 'Ollama takes the schema alone; its description was not sent.' });
    }
  }

  const think = providerOptions.think ?? mapOllamaThink(request.reasoning, warnings);
  if (think !== undefined) body.think = think;

  if (request.logprobs !== undefined) body.logprobs = request.logprobs;
  if (request.topLogprobs !== undefined) body.top_logprobs = request.topLogprobs;
  if (request.n !== undefined && request.n !== 1) {
    warnings.push({ type: 'unsupported-value', field: 'n', message: 'Ollama answers with one choice; n was not sent.' });
  }
  if (request.parallelToolCalls === false) {
    warnings.push({ type: 'unsupported-field', field: 'parallelToolCalls', message: 'Ollama cannot be told to make one tool call at a time; the setting was not sent.' });
  }
  if (request.user !== undefined) {
    warnings.push({ type: 'unsupported-field', field: 'user', message: 'Ollama has no end-user id; user was not sent.' });
  }
  if (request.metadata !== undefined) {
    warnings.push({ type: 'unsupported-field', field: 'metadata', message: 'Ollama has no request metadata; metadata was not sent.' });
  }
  for (const [key, value] of Object.entries(providerOptions.body)) {
    if (!(key in body)) body[key] = value;
  }
  return { body, warnings };
}

/**
 * Tools go in OpenAI's function shape. Ollama has no tool_choice: 'auto' is its behaviour, 'none'
 * is honoured by sending no tools, and 'required' or a named tool cannot be forced — a named tool
 * is sent alone (the model can call nothing else) and both say so in a warning.
 */
function prepareTools(request: ChatRequest, warnings: Warning[]): OllamaTool[] | undefined {
  if (!request.tools?.length) return undefined;
  const choice = request.toolChoice;
  if (choice?.type === 'none') return undefined;
  let tools = request.tools;
  if (choice?.type === 'tool') {
    tools = tools.filter((tool) => tool.name === choice.name);
    warnings.push({ type: 'unsupported-value', field: 'toolChoice', message: `Ollama cannot force a tool call; only ${choice.name} was offered, and the model may still answer in text.` });
  } else if (choice?.type === 'required') {
    warnings.push({ type: 'unsupported-value', field: 'toolChoice', message: 'Ollama cannot force a tool call; the tools were offered and the model may still answer in text.' });
  }
  return tools.map((tool, index) => {
    if (tool.strict !== undefined) {
      warnings.push({ type: 'unsupported-field', field: `tools[${index}].strict`, message: 'Ollama has no strict mode for tool schemas; it was not sent.' });
    }
    if (tool.cache) {
      warnings.push({ type: 'unsupported-field', field: `tools[${index}].cache`, message: 'Ollama has no prompt-cache hints; the hint was dropped.' });
    }
    return {
      type: 'function',
      function: { name: tool.name, ...(tool.description !== undefined && { description: tool.description }), parameters: tool.parameters },
    };
  });
}

function setIfDefined(target: OllamaOptions, key: string, value: unknown): void {
  if (value !== undefined) target[key] = value;
}
