import { type AssistantMessage, type ChatMessage, type ToolMessage, UnsupportedError, type UserMessage, type Warning } from '@switchyard/core';
import type { CohereImageContent, CohereMessage, CohereTextContent, CohereThinkingContent, CohereToolCall } from './cohere-api.js';
import { convertImageToCohereContent } from './convert-image-to-cohere-content.js';

/**
 * Canonical messages → Cohere v2 `messages`, one for one and in order.
 * https://docs.cohere.com/reference/chat#request.body.messages
 *
 * - system and developer → `system` messages where they stand (Cohere takes several).
 * - Content that is one text part goes as a plain string, as Cohere's own SDKs send it.
 * - Images → `image_url` blocks; files (PDF) and audio have no Chat v2 input and are refused.
 * - Assistant reasoning: on a turn that calls tools it is the turn's `tool_plan` (Cohere's
 *   reflection before tool calls, which the decoder turns into reasoning); otherwise `thinking`
 *   blocks, in place. Signatures and redacted reasoning have no Cohere form and are left out
 *   with a warning.
 * - Each tool result → its own `tool` message with `tool_call_id`; text only.
 * - Cohere needs no role alternation, so consecutive same-role turns stay as they are.
 */
export function convertToCohereMessages(messages: ChatMessage[], warnings: Warning[]): CohereMessage[] {
  const converted: CohereMessage[] = [];
  let cacheHintsIgnored = false;

  messages.forEach((message, messageIndex) => {
    const path = `messages[${messageIndex}]`;
    if (message.content.some((part) => part.cache !== undefined)) cacheHintsIgnored = true;
    switch (message.role) {
      case 'system':
      case 'developer':
        converted.push({ role: 'system', content: textContent(message.content.map((part) => ({ type: 'text', text: part.text }))) });
        return;
      case 'user':
        converted.push(convertUser(message, path, warnings));
        return;
      case 'assistant': {
        const assistant = convertAssistant(message, path, warnings);
        if (assistant) converted.push(assistant);
        return;
      }
      case 'tool':
        converted.push(...convertToolResults(message, path, warnings));
        return;
    }
  });

  if (cacheHintsIgnored) {
    warnings.push({ type: 'unsupported-field', field: 'cache', message: 'Cohere caches prompts on its own; per-part cache hints were not sent.' });
  }
  return converted;
}

function convertUser(message: UserMessage, path: string, warnings: Warning[]): CohereMessage {
  if (message.name !== undefined) {
    warnings.push({ type: 'unsupported-field', field: `${path}.name`, message: 'Cohere messages have no participant name; it was not sent.' });
  }
  const content: Array<CohereTextContent | CohereImageContent> = message.content.map((part, partIndex) => {
    const param = `${path}.content[${partIndex}]`;
    switch (part.type) {
      case 'text':
        return { type: 'text', text: part.text };
      case 'image':
        return convertImageToCohereContent(part, param);
      case 'file':
        throw new UnsupportedError(`${param}: Cohere chat takes no files or PDFs; send their text, or pass documents in providerOptions.cohere.documents.`, {
          param,
          provider: 'cohere',
        });
      case 'audio':
        throw new UnsupportedError(`${param}: Cohere models do not accept audio input.`, { param, provider: 'cohere' });
    }
  });
  return { role: 'user', content: content.every((part) => part.type === 'text') ? textContent(content as CohereTextContent[]) : content };
}

function convertAssistant(message: AssistantMessage, path: string, warnings: Warning[]): CohereMessage | undefined {
  if (message.name !== undefined) {
    warnings.push({ type: 'unsupported-field', field: `${path}.name`, message: 'Cohere messages have no participant name; it was not sent.' });
  }
  const toolCalls: CohereToolCall[] = [];
  for (const part of message.content) {
    if (part.type === 'tool-call') toolCalls.push({ id: part.id, type: 'function', function: { name: part.name, arguments: part.arguments } });
  }

  const content: Array<CohereTextContent | CohereThinkingContent> = [];
  const plan: string[] = [];
  message.content.forEach((part, partIndex) => {
    const param = `${path}.content[${partIndex}]`;
    switch (part.type) {
      case 'text':
        if (part.text !== '') content.push({ type: 'text', text: part.text });
        return;
      case 'refusal':
        warnings.push({ type: 'unsupported-value', field: param, message: 'Cohere has no refusal part; the refusal was sent as assistant text.' });
        content.push({ type: 'text', text: part.text });
        return;
      case 'reasoning':
        if (part.redactedData !== undefined || (part.signature !== undefined && part.provider !== 'cohere')) {
          warnings.push({
            type: 'unsupported-value',
            field: param,
            message: 'Cohere has no reasoning signatures or redacted reasoning; only the reasoning text was sent.',
          });
        }
        if (part.text === '') return;
        if (toolCalls.length > 0) plan.push(part.text);
        else content.push({ type: 'thinking', thinking: part.text });
        return;
      case 'tool-call':
        return;
    }
  });

  if (content.length === 0 && toolCalls.length === 0) {
    // Only signatures or redacted reasoning: nothing Cohere can take, and an empty turn is refused.
    warnings.push({ type: 'unsupported-value', field: path, message: 'This assistant turn held nothing Cohere can take and was left out.' });
    return undefined;
  }
  const assistant: Extract<CohereMessage, { role: 'assistant' }> = { role: 'assistant' };
  if (content.length > 0) assistant.content = content.every((part) => part.type === 'text') ? textContent(content as CohereTextContent[]) : content;
  if (plan.length > 0) assistant.tool_plan = plan.join('\n');
  if (toolCalls.length > 0) assistant.tool_calls = toolCalls;
  return assistant;
}

function convertToolResults(message: ToolMessage, path: string, warnings: Warning[]): CohereMessage[] {
  return message.content.map((result, resultIndex) => {
    const param = `${path}.content[${resultIndex}]`;
    if (result.isError) {
      warnings.push({ type: 'unsupported-field', field: `${param}.isError`, message: 'Cohere tool results have no error flag; the result was sent as plain output.' });
    }
    const content: CohereTextContent[] = result.content.map((part, partIndex) => {
      if (part.type === 'text') return { type: 'text', text: part.text };
      throw new UnsupportedError(`${param}.content[${partIndex}]: Cohere tool results take text only.`, { param: `${param}.content[${partIndex}]`, provider: 'cohere' });
    });
    return { role: 'tool', tool_call_id: result.toolCallId, content: content.length === 0 ? '' : content };
  });
}

/** One text block as a string (the shape Cohere's docs and SDKs use), several as blocks. */
function textContent(parts: CohereTextContent[]): string | CohereTextContent[] {
  return parts.length === 1 ? parts[0]!.text : parts;
}
