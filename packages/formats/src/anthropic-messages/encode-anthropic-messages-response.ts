import type { AssistantContentPart, ChatResponse } from '@switchyard/core';
import { readAnthropicMessagesResponseMetadata } from './anthropic-messages-response-metadata.js';
import { isClaudeReasoning } from './claude-reasoning.js';
import { encodeAnthropicStopReason } from './map-anthropic-stop-reason.js';
import { encodeAnthropicUsage } from './map-anthropic-messages-usage.js';

type Json = Record<string, unknown>;

/**
 * Canonical → the Messages answer an Anthropic client expects. What a Messages upstream sent
 * with no canonical home (server tool blocks, citations, the stop sequence, unknown keys) comes
 * back from `providerMetadata['anthropic-messages']`.
 */
export function encodeAnthropicMessagesResponse(response: ChatResponse): Json {
  const metadata = readAnthropicMessagesResponseMetadata(response.providerMetadata);
  const citations = new Map((metadata.citations ?? []).map((entry) => [entry.index, entry.citations]));
  const content: Json[] = [];
  response.content.forEach((part, index) => {
    const block = encodeContentPart(part, citations.get(index));
    if (block) content.push(block);
  });
  // Blocks with no canonical part go back where they were.
  for (const { index, block } of metadata.otherContent ?? []) content.splice(Math.min(index, content.length), 0, block);

  return {
    id: response.id,
    type: 'message',
    role: 'assistant',
    model: response.model,
    content,
    stop_reason: encodeAnthropicStopReason(response.finishReason),
    stop_sequence: metadata.stopSequence ?? null,
    // The SDKs require usage; a provider that reported none leaves zeros and unknown cache counts.
    usage: response.usage
      ? encodeAnthropicUsage(response.usage)
      : { input_tokens: 0, cache_creation_input_tokens: null, cache_read_input_tokens: null, output_tokens: 0 },
    ...metadata.response,
  };
}

function encodeContentPart(part: AssistantContentPart, citations: unknown[] | undefined): Json | undefined {
  switch (part.type) {
    case 'text':
      return citations ? { type: 'text', text: part.text, citations } : { type: 'text', text: part.text };
    // Messages has no refusal block; the words are the answer's text.
    case 'refusal':
      return { type: 'text', text: part.text };
    case 'tool-call':
      return { type: 'tool_use', id: part.id, name: part.name, input: toolInput(part.arguments) };
    case 'reasoning': {
      const ours = isClaudeReasoning(part.provider);
      if (part.redactedData !== undefined && ours) return { type: 'redacted_thinking', data: part.redactedData };
      if (part.text === '') return undefined;
      // Reasoning from another provider is shown, but its signature would not verify here.
      return { type: 'thinking', thinking: part.text, signature: ours ? (part.signature ?? '') : '' };
    }
  }
}

/**
 * Messages carries tool input as an object. Arguments that are not a JSON object (a model cut
 * off mid-call) cannot be represented; the client gets `{}` rather than a body it cannot parse.
 */
function toolInput(argumentsText: string): Json {
  if (argumentsText.trim() === '') return {};
  try {
    const input: unknown = JSON.parse(argumentsText);
    return typeof input === 'object' && input !== null && !Array.isArray(input) ? (input as Json) : {};
  } catch {
    return {};
  }
}
