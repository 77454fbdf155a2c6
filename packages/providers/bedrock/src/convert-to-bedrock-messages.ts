import {
  type CacheHint,
  type ChatMessage,
  InvalidRequestError,
  type ReasoningPart,
  type ToolResultPart,
  UnsupportedError,
  type Warning,
} from '@switchyard/core';
import type {
  BedrockCachePoint,
  BedrockMessage,
  BedrockRequestContentBlock,
  BedrockSystemBlock,
  BedrockToolResultContent,
} from './bedrock-api.js';
import { convertToBedrockDocument, convertToBedrockImage } from './convert-to-bedrock-media.js';

export interface BedrockPrompt {
  system: BedrockSystemBlock[];
  messages: BedrockMessage[];
  /** The conversation holds toolUse / toolResult blocks: Bedrock then insists on a toolConfig. */
  hasToolBlocks: boolean;
}

// Reasoning signatures only mean something to the model family that made them. Bedrock's Claude
// models sign their thinking; a signature that came through an Anthropic-speaking client (tagged
// `anthropic` or untagged) is Claude's too. Gemini or OpenAI reasoning is not.
const signatureProviders = new Set([undefined, 'bedrock', 'anthropic']);

/**
 * Canonical messages -> Converse `system` and `messages`
 * (https://docs.aws.amazon.com/bedrock/latest/userguide/conversation-inference-call.html):
 * - system and developer messages, all of them in order, become the `system` blocks;
 * - tool results go back in a user turn as `toolResult` blocks;
 * - Bedrock wants user and assistant turns to alternate, so consecutive turns of one role
 *   (a tool turn followed by a user turn, …) are merged into one;
 * - a part's cache hint becomes a `cachePoint` block right after it.
 */
export function convertToBedrockMessages(messages: ChatMessage[], warn: (warning: Warning) => void): BedrockPrompt {
  const system: BedrockSystemBlock[] = [];
  const turns: BedrockMessage[] = [];
  let hasToolBlocks = false;
  let documentCount = 0;
  let seenConversation = false;

  messages.forEach((message, messageIndex) => {
    const path = `messages[${messageIndex}]`;
    switch (message.role) {
      case 'system':
      case 'developer': {
        if (seenConversation) {
          warn({
            type: 'other',
            field: `${path}.role`,
            message: `Bedrock has one system prompt before the conversation; this ${message.role} message was moved into it, after the earlier ones.`,
          });
        }
        for (const part of message.content) {
          if (part.text === '') continue;
          system.push({ text: part.text });
          pushCachePoint(system, part.cache);
        }
        return;
      }
      case 'user': {
        seenConversation = true;
        if (message.name !== undefined) warnName(path, warn);
        const content: BedrockRequestContentBlock[] = [];
        message.content.forEach((part, partIndex) => {
          const param = `${path}.content[${partIndex}]`;
          const before = content.length;
          switch (part.type) {
            case 'text':
              if (part.text !== '') content.push({ text: part.text });
              break;
            case 'image':
              content.push(convertToBedrockImage(part, param));
              break;
            case 'file':
              content.push(convertToBedrockDocument(part, param, ++documentCount, warn));
              break;
            case 'audio':
              throw new UnsupportedError('Bedrock Converse takes no audio input.', { param, provider: 'bedrock' });
          }
          if (content.length > before) pushCachePoint(content, part.cache);
        });
        turns.push({ role: 'user', content });
        return;
      }
      case 'assistant': {
        seenConversation = true;
        if (message.name !== undefined) warnName(path, warn);
        const content: BedrockRequestContentBlock[] = [];
        message.content.forEach((part, partIndex) => {
          const param = `${path}.content[${partIndex}]`;
          const before = content.length;
          switch (part.type) {
            case 'text':
            case 'refusal':
              if (part.text !== '') content.push({ text: part.text });
              break;
            case 'tool-call':
              hasToolBlocks = true;
              content.push({ toolUse: { toolUseId: part.id, name: part.name, input: parseToolArguments(part.arguments, param) } });
              break;
            case 'reasoning': {
              const block = convertReasoning(part, param, warn);
              if (block) content.push(block);
              break;
            }
          }
          if (content.length > before) pushCachePoint(content, part.cache);
        });
        turns.push({ role: 'assistant', content });
        return;
      }
      case 'tool': {
        seenConversation = true;
        hasToolBlocks = true;
        const content: BedrockRequestContentBlock[] = [];
        message.content.forEach((part, partIndex) => {
          content.push(convertToolResult(part, `${path}.content[${partIndex}]`, warn, () => ++documentCount));
          pushCachePoint(content, part.cache);
        });
        turns.push({ role: 'user', content });
        return;
      }
    }
  });

  return { system, messages: mergeConsecutiveTurns(turns), hasToolBlocks };
}

function convertToolResult(
  part: ToolResultPart,
  param: string,
  warn: (warning: Warning) => void,
  nextDocumentNumber: () => number,
): BedrockRequestContentBlock {
  const content: BedrockToolResultContent[] = [];
  part.content.forEach((item, itemIndex) => {
    const itemParam = `${param}.content[${itemIndex}]`;
    if (item.type === 'text') content.push({ text: item.text });
    else if (item.type === 'image') content.push(convertToBedrockImage(item, itemParam));
    else content.push(convertToBedrockDocument(item, itemParam, nextDocumentNumber(), warn));
    if (item.cache) {
      warn({ type: 'unsupported-field', field: `${itemParam}.cache`, message: 'Bedrock takes cache points after a whole tool result, not inside one; the hint was dropped.' });
    }
  });
  return {
    toolResult: { toolUseId: part.toolCallId, content, ...(part.isError ? { status: 'error' as const } : {}) },
  };
}

function convertReasoning(part: ReasoningPart, param: string, warn: (warning: Warning) => void): BedrockRequestContentBlock | undefined {
  if (!signatureProviders.has(part.provider) && (part.signature !== undefined || part.redactedData !== undefined)) {
    warn({
      type: 'unsupported-value',
      field: param,
      message: `Reasoning signed by ${part.provider} cannot be verified by Bedrock; it was left out of the history.`,
    });
    return undefined;
  }
  if (part.redactedData !== undefined) return { reasoningContent: { redactedContent: part.redactedData } };
  if (part.signature !== undefined) return { reasoningContent: { reasoningText: { text: part.text, signature: part.signature } } };
  // Claude on Bedrock refuses thinking without its signature, and the other models do not take reasoning back.
  warn({
    type: 'unsupported-value',
    field: param,
    message: 'Bedrock only takes back reasoning it signed; reasoning text without a signature was left out of the history.',
  });
  return undefined;
}

function parseToolArguments(text: string, param: string): unknown {
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new InvalidRequestError('Bedrock needs tool call arguments as JSON; these are not valid JSON.', {
      param: `${param}.arguments`,
      provider: 'bedrock',
    });
  }
}

function pushCachePoint(blocks: Array<BedrockRequestContentBlock | BedrockSystemBlock>, cache: CacheHint | undefined): void {
  if (!cache) return;
  const point: BedrockCachePoint = { cachePoint: { type: 'default', ...(cache.ttl ? { ttl: cache.ttl } : {}) } };
  blocks.push(point);
}

function warnName(path: string, warn: (warning: Warning) => void): void {
  warn({ type: 'unsupported-field', field: `${path}.name`, message: 'Bedrock messages have no participant name; it was dropped.' });
}

function mergeConsecutiveTurns(turns: BedrockMessage[]): BedrockMessage[] {
  const merged: BedrockMessage[] = [];
  for (const turn of turns) {
    // Bedrock refuses empty content (everything of the turn may have been empty text or foreign reasoning).
    if (turn.content.length === 0) continue;
    const previous = merged[merged.length - 1];
    if (previous && previous.role === turn.role) previous.content.push(...turn.content);
    else merged.push({ role: turn.role, content: [...turn.content] });
  }
  return merged;
}

