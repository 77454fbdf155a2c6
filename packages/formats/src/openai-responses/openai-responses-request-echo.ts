import type { ChatRequest, TextPart, Warning } from '@switchyard/core';
import { openAIResponsesProviderOptionsKey } from './decode-openai-responses-request.js';
import {
  encodeOpenAIResponsesTextFormat,
  encodeOpenAIResponsesTool,
  encodeOpenAIResponsesToolChoice,
} from './encode-openai-responses-request.js';

type Json = Record<string, unknown>;

/**
 * The request parameters a Response object repeats (instructions, max_output_tokens,
 * parallel_tool_calls, temperature, tool_choice, tools, top_p, text, reasoning, store,
 * metadata, previous_response_id …). The SDKs type several of them as required, so they are
 * always written: from the canonical request when the caller has it, else OpenAI's
 * documented defaults (parallel calls on, tool_choice 'auto', no tools, plain text, no
 * truncation) and null where OpenAI allows "not set". `store` is false: the gateway keeps
 * nothing. When the answer came from a Responses upstream, its own echo (kept in
 * providerMetadata) is laid over this.
 */
export function openAIResponsesRequestEcho(request?: ChatRequest): Json {
  const extras = request?.providerOptions?.[openAIResponsesProviderOptionsKey] ?? {};
  const ignored: Warning[] = [];
  const first = request?.messages[0];
  const instructions = first?.role === 'system' && first.content.length === 1 ? (first.content[0] as TextPart).text : null;
  const extraText = isObject(extras.text) ? extras.text : {};
  const extraReasoning = isObject(extras.reasoning) ? extras.reasoning : {};
  return {
    background: false,
    instructions,
    max_output_tokens: request?.maxOutputTokens ?? null,
    parallel_tool_calls: request?.parallelToolCalls ?? true,
    previous_response_id: typeof extras.previous_response_id === 'string' ? extras.previous_response_id : null,
    reasoning: {
      effort: request?.reasoning?.effort ?? extraReasoning.effort ?? null,
      summary: request?.reasoning?.summary ?? extraReasoning.summary ?? null,
    },
    store: false,
    temperature: request?.temperature ?? null,
    text: {
      format: request?.responseFormat ? encodeOpenAIResponsesTextFormat(request.responseFormat) : { type: 'text' },
      ...extraText,
    },
    tool_choice: request?.toolChoice ? encodeOpenAIResponsesToolChoice(request.toolChoice) : (extras.tool_choice ?? 'auto'),
    tools: [
      ...(request?.tools ?? []).map((tool, index) => encodeOpenAIResponsesTool(tool, `tools[${index}]`, ignored)),
      ...(Array.isArray(extras.tools) ? extras.tools : []),
    ],
    top_p: request?.topP ?? null,
    truncation: typeof extras.truncation === 'string' ? extras.truncation : 'disabled',
    user: request?.user ?? null,
    metadata: request?.metadata ?? {},
  };
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
