import { type AssistantContentPart, type ChatResponse, UpstreamError } from '@switchyard/core';
import { type CohereChatResponse, type CohereContentItem, cohereChatResponseSchema } from './cohere-api.js';
import { mapCohereFinishReason } from './map-cohere-finish-reason.js';
import { mapCohereUsage } from './map-cohere-usage.js';

/**
 * A Chat v2 answer → the canonical response.
 * https://docs.cohere.com/reference/chat#response
 *
 * - `thinking` blocks → reasoning parts (provider 'cohere'), `text` blocks → text, in order.
 * - `tool_plan` (the model's reflection before it calls tools) → a reasoning part just before
 *   the tool calls, so clients that show reasoning see it and it goes back as the plan of that
 *   turn (see convert-to-cohere-messages.ts); it is also kept verbatim in providerMetadata.
 * - `tool_calls` → tool-call parts with Cohere's ids and the arguments' JSON text.
 * - Citations, logprobs and any field with no canonical home → `providerMetadata.cohere`.
 * The answer names no model, so the requested one is used.
 */
export function decodeCohereResponse(body: unknown, model: string): ChatResponse {
  const parsed = cohereChatResponseSchema.safeParse(body);
  if (!parsed.success) {
    throw new UpstreamError('Cohere answered with a body that is not a chat response.', { provider: 'cohere', status: 200, body, kind: 'upstream' });
  }
  const answer = parsed.data;
  const message = answer.message;
  const content: AssistantContentPart[] = [];
  const unmappedContent: CohereContentItem[] = [];
  for (const item of message?.content ?? []) {
    if (item.type === 'thinking' && typeof item.thinking === 'string') content.push({ type: 'reasoning', text: item.thinking, provider: 'cohere' });
    else if (item.type === 'text' && typeof item.text === 'string') {
      if (item.text !== '') content.push({ type: 'text', text: item.text });
    } else unmappedContent.push(item);
  }
  if (message?.tool_plan) content.push({ type: 'reasoning', text: message.tool_plan, provider: 'cohere' });
  (message?.tool_calls ?? []).forEach((call, index) => {
    content.push({
      type: 'tool-call',
      // Cohere always names its calls; a stand-in only if a proxy lost the id.
      id: call.id ?? `${answer.id}_call_${index}`,
      name: call.function?.name ?? '',
      arguments: call.function?.arguments || '{}',
    });
  });

  const response: ChatResponse = { id: answer.id, model, content, finishReason: mapCohereFinishReason(answer.finish_reason) };
  if (answer.usage) response.usage = mapCohereUsage(answer.usage);
  const metadata = cohereResponseMetadata(answer, unmappedContent);
  if (metadata) response.providerMetadata = { cohere: metadata };
  return response;
}

const mappedAnswerKeys = new Set(['id', 'finish_reason', 'message', 'usage']);
const mappedMessageKeys = new Set(['role', 'content', 'tool_calls']);

/** Citations, the tool plan, logprobs and unknown fields of the answer and its message. */
export function cohereResponseMetadata(answer: CohereChatResponse, unmappedContent: CohereContentItem[] = []): Record<string, unknown> | undefined {
  const metadata: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(answer)) if (!mappedAnswerKeys.has(key) && isPresent(value)) metadata[key] = value;
  for (const [key, value] of Object.entries(answer.message ?? {})) if (!mappedMessageKeys.has(key) && isPresent(value)) metadata[key] = value;
  if (unmappedContent.length > 0) metadata.unmappedContent = unmappedContent;
  return Object.keys(metadata).length > 0 ? metadata : undefined;
}

function isPresent(value: unknown): boolean {
  return value != null && value !== '' && !(Array.isArray(value) && value.length === 0);
}
