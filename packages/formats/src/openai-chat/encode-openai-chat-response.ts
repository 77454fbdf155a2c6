import type { ChatResponse } from '@switchyard/core';
import { encodeOpenAIChatFinishReason } from './map-openai-chat-finish-reason.js';
import { encodeOpenAIChatUsage } from './map-openai-chat-usage.js';
import { readOpenAIChatResponseMetadata } from './openai-chat-response-metadata.js';

/**
 * The canonical response → the `chat.completion` object an OpenAI client expects.
 *
 * Reasoning has no field in OpenAI's own answers (OpenAI keeps it server-side), yet when a
 * Chat Completions client talks to a thinking model behind the gateway the text is worth
 * passing on. It goes in `message.reasoning_content`, the field DeepSeek introduced and
 * that most OpenAI-compatible clients and UIs already read; strict OpenAI clients ignore
 * unknown fields. Signatures and redacted reasoning have no place here and are left out.
 */
export function encodeOpenAIChatResponse(response: ChatResponse): Record<string, unknown> {
  const metadata = readOpenAIChatResponseMetadata(response.providerMetadata);
  const texts: string[] = [];
  const refusals: string[] = [];
  const reasoning: string[] = [];
  const toolCalls: Record<string, unknown>[] = [];
  for (const part of response.content) {
    if (part.type === 'text') texts.push(part.text);
    else if (part.type === 'refusal') refusals.push(part.text);
    else if (part.type === 'reasoning') reasoning.push(part.text);
    else toolCalls.push({ id: part.id, type: 'function', function: { name: part.name, arguments: part.arguments } });
  }

  const { annotations, unknownContent: _unknownContent, ...messageExtras } = metadata.message ?? {};
  const message: Record<string, unknown> = {
    role: 'assistant',
    content: texts.length > 0 ? texts.join('') : null,
    refusal: refusals.length > 0 ? refusals.join('') : null,
  };
  const reasoningText = reasoning.join('');
  if (reasoningText !== '') message.reasoning_content = reasoningText;
  if (toolCalls.length > 0) message.tool_calls = toolCalls;
  message.annotations = Array.isArray(annotations) ? annotations : [];
  Object.assign(message, withoutKeys(messageExtras, message));

  const { logprobs, ...choiceExtras } = metadata.choice ?? {};
  const choice: Record<string, unknown> = {
    index: 0,
    message,
    logprobs: logprobs ?? null,
    finish_reason: encodeOpenAIChatFinishReason(response.finishReason),
  };
  Object.assign(choice, withoutKeys(choiceExtras, choice));

  const body: Record<string, unknown> = {
    id: response.id,
    object: 'chat.completion',
    // OpenAI clients require a number; when the provider gave none, the time of encoding is the honest stand-in.
    created: response.created ?? Math.floor(Date.now() / 1000),
    model: response.model,
    choices: [choice, ...(metadata.additionalChoices ?? [])],
  };
  if (response.usage) body.usage = encodeOpenAIChatUsage(response.usage);
  if (response.serviceTier !== undefined) body.service_tier = response.serviceTier;
  if (response.systemFingerprint !== undefined) body.system_fingerprint = response.systemFingerprint;
  Object.assign(body, withoutKeys(metadata.response ?? {}, body));
  return body;
}

/** Extras never overwrite a field the canonical response set. */
function withoutKeys(extras: Record<string, unknown>, target: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(extras).filter(([key]) => !(key in target)));
}
