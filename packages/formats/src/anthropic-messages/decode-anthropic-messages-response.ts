import { GatewayError, type AssistantContentPart, type ChatResponse } from '@switchyard/core';
import {
  anthropicMessageSchema,
  anthropicRedactedThinkingBlockSchema,
  anthropicTextBlockSchema,
  anthropicThinkingBlockSchema,
  anthropicToolUseBlockSchema,
} from './anthropic-messages-api.js';
import { anthropicMessagesMetadataKey, type AnthropicMessagesResponseMetadata } from './anthropic-messages-response-metadata.js';
import { decodeAnthropicStopReason } from './map-anthropic-stop-reason.js';
import { decodeAnthropicUsage } from './map-anthropic-messages-usage.js';

const knownMessageKeys = new Set(['id', 'type', 'role', 'model', 'content', 'stop_reason', 'stop_sequence', 'usage']);

/**
 * A Messages answer → canonical. Tool input (an object on the wire) becomes JSON text; thinking
 * keeps its signature and redacted thinking its data, marked as Anthropic's, so the next turn
 * can send them back. Blocks with no canonical part, citations, the stop sequence and unknown
 * keys go to `providerMetadata['anthropic-messages']`.
 */
export function decodeAnthropicMessagesResponse(body: unknown): ChatResponse {
  const parsed = anthropicMessageSchema.safeParse(body);
  if (!parsed.success) {
    throw new GatewayError('upstream', 'The upstream answer is not an Anthropic Messages response.', { status: 502, cause: parsed.error });
  }
  const message = parsed.data;
  const metadata: AnthropicMessagesResponseMetadata = {};
  const content: AssistantContentPart[] = [];

  message.content.forEach((block, index) => {
    switch (block.type) {
      case 'text': {
        const text = anthropicTextBlockSchema.safeParse(block);
        if (!text.success) break;
        if (text.data.citations?.length) (metadata.citations ??= []).push({ index: content.length, citations: text.data.citations });
        content.push({ type: 'text', text: text.data.text });
        return;
      }
      case 'tool_use': {
        const call = anthropicToolUseBlockSchema.safeParse(block);
        if (!call.success) break;
        content.push({ type: 'tool-call', id: call.data.id, name: call.data.name, arguments: JSON.stringify(call.data.input ?? {}) });
        return;
      }
      case 'thinking': {
        const thinking = anthropicThinkingBlockSchema.safeParse(block);
        if (!thinking.success) break;
        content.push({
          type: 'reasoning',
          text: thinking.data.thinking,
          ...(thinking.data.signature != null && { signature: thinking.data.signature }),
          provider: 'anthropic',
        });
        return;
      }
      case 'redacted_thinking': {
        const redacted = anthropicRedactedThinkingBlockSchema.safeParse(block);
        if (!redacted.success) break;
        content.push({ type: 'reasoning', text: '', redactedData: redacted.data.data, provider: 'anthropic' });
        return;
      }
    }
    (metadata.otherContent ??= []).push({ index, block });
  });

  if (message.stop_sequence != null) metadata.stopSequence = message.stop_sequence;
  for (const [key, value] of Object.entries(message)) {
    if (!knownMessageKeys.has(key)) (metadata.response ??= {})[key] = value;
  }

  const response: ChatResponse = {
    id: message.id,
    model: message.model,
    content,
    finishReason: decodeAnthropicStopReason(message.stop_reason),
  };
  if (message.usage != null) {
    response.usage = decodeAnthropicUsage(message.usage);
    if (message.usage.service_tier != null) response.serviceTier = message.usage.service_tier;
  }
  if (Object.keys(metadata).length > 0) response.providerMetadata = { [anthropicMessagesMetadataKey]: metadata };
  return response;
}
