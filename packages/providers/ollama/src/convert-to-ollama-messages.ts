import {
  type AssistantMessage,
  type CacheHint,
  type ChatMessage,
  type ImagePart,
  InvalidRequestError,
  type ToolResultPart,
  UnsupportedError,
  type UserMessage,
  type Warning,
} from '@switchyard/core';
import type { OllamaMessage, OllamaToolCall } from './ollama-api.js';

/**
 * Canonical messages → `/api/chat` messages. Ollama takes every role in any order (no
 * alternation to restore) and several system messages, so system and developer turns go as
 * `system` messages where they stand. Content is one string per message; images travel beside
 * it as base64 (`images`), reasoning as `thinking`, tool calls with their arguments as objects.
 * A tool result names its tool (`tool_name`, what Ollama's chat templates render) — looked up
 * from the call it answers when the client format carries only the id — and the call id.
 * https://github.com/ollama/ollama/blob/main/docs/api.md#generate-a-chat-completion
 */
export function convertToOllamaMessages(messages: ChatMessage[], warnings: Warning[]): OllamaMessage[] {
  const toolNames = new Map<string, string>();
  const converted: OllamaMessage[] = [];
  messages.forEach((message, index) => {
    const path = `messages[${index}]`;
    switch (message.role) {
      case 'system':
      case 'developer':
        message.content.forEach((part, partIndex) => dropCache(part.cache, `${path}.content[${partIndex}]`, warnings));
        converted.push({ role: 'system', content: message.content.map((part) => part.text).join('\n') });
        return;
      case 'user':
        converted.push(convertUserMessage(message, path, warnings));
        return;
      case 'assistant':
        converted.push(convertAssistantMessage(message, path, toolNames, warnings));
        return;
      case 'tool':
        message.content.forEach((result, partIndex) => {
          converted.push(convertToolResult(result, `${path}.content[${partIndex}]`, toolNames, warnings));
        });
        return;
    }
  });
  return converted;
}

function convertUserMessage(message: UserMessage, path: string, warnings: Warning[]): OllamaMessage {
  const texts: string[] = [];
  const images: string[] = [];
  message.content.forEach((part, partIndex) => {
    const partPath = `${path}.content[${partIndex}]`;
    dropCache(part.cache, partPath, warnings);
    switch (part.type) {
      case 'text':
        texts.push(part.text);
        break;
      case 'image':
        images.push(imageData(part, partPath));
        break;
      case 'file':
        throw new UnsupportedError('Ollama takes no file (PDF) input; send the text, or images of the pages.', { param: partPath, provider: 'ollama' });
      case 'audio':
        throw new UnsupportedError('Ollama takes no audio input.', { param: partPath, provider: 'ollama' });
    }
  });
  if (message.name !== undefined) {
    warnings.push({ type: 'unsupported-field', field: `${path}.name`, message: 'Ollama messages have no name; it was not sent.' });
  }
  return { role: 'user', content: texts.join('\n'), ...(images.length > 0 && { images }) };
}

function convertAssistantMessage(message: AssistantMessage, path: string, toolNames: Map<string, string>, warnings: Warning[]): OllamaMessage {
  const texts: string[] = [];
  const thinking: string[] = [];
  const toolCalls: OllamaToolCall[] = [];
  message.content.forEach((part, partIndex) => {
    const partPath = `${path}.content[${partIndex}]`;
    dropCache(part.cache, partPath, warnings);
    switch (part.type) {
      case 'text':
        texts.push(part.text);
        break;
      case 'reasoning':
        if (part.text !== '') thinking.push(part.text);
        if (part.signature !== undefined || part.redactedData !== undefined) {
          warnings.push({
            type: 'unsupported-value',
            field: partPath,
            message: `Ollama takes reasoning as plain text; the ${part.provider ?? 'provider'} signature or redacted reasoning was not sent.`,
          });
        }
        break;
      case 'refusal':
        texts.push(part.text);
        warnings.push({ type: 'unsupported-value', field: partPath, message: 'Ollama has no refusal field; the refusal was sent as assistant text.' });
        break;
      case 'tool-call':
        toolNames.set(part.id, part.name);
        toolCalls.push({ ...(part.id !== '' && { id: part.id }), function: { name: part.name, arguments: argumentsObject(part.arguments, partPath) } });
        break;
    }
  });
  if (message.name !== undefined) {
    warnings.push({ type: 'unsupported-field', field: `${path}.name`, message: 'Ollama messages have no name; it was not sent.' });
  }
  const converted: OllamaMessage = { role: 'assistant', content: texts.join('') };
  if (thinking.length > 0) converted.thinking = thinking.join('');
  if (toolCalls.length > 0) converted.tool_calls = toolCalls;
  return converted;
}

function convertToolResult(result: ToolResultPart, path: string, toolNames: Map<string, string>, warnings: Warning[]): OllamaMessage {
  dropCache(result.cache, path, warnings);
  const texts: string[] = [];
  const images: string[] = [];
  result.content.forEach((part, partIndex) => {
    const partPath = `${path}.content[${partIndex}]`;
    dropCache(part.cache, partPath, warnings);
    if (part.type === 'text') texts.push(part.text);
    else if (part.type === 'image') images.push(imageData(part, partPath));
    else throw new UnsupportedError('Ollama takes no file (PDF) input, in tool results either.', { param: partPath, provider: 'ollama' });
  });
  if (result.isError) {
    warnings.push({
      type: 'unsupported-field',
      field: `${path}.isError`,
      message: 'Ollama tool results have no error flag; the result was sent as plain content.',
    });
  }
  const toolName = result.toolName ?? toolNames.get(result.toolCallId);
  return {
    role: 'tool',
    content: texts.join('\n'),
    ...(images.length > 0 && { images }),
    ...(toolName !== undefined && { tool_name: toolName }),
    ...(result.toolCallId !== '' && { tool_call_id: result.toolCallId }),
  };
}

/** Ollama reads only base64 image bytes; fetching a URL for it would make the gateway an SSRF door. */
function imageData(part: ImagePart, path: string): string {
  if (part.source.type === 'base64') return part.source.data;
  if (part.source.type === 'url') {
    throw new InvalidRequestError(
      'Ollama takes images only as base64 data, and the gateway does not download image URLs: send the image as a data URL.',
      { param: path, code: 'image_url_not_supported', provider: 'ollama' },
    );
  }
  throw new InvalidRequestError('Ollama has no file store: send the image as base64 data, not a file id.', { param: path, provider: 'ollama' });
}

/** Ollama's tool calls carry arguments as a JSON object, not text. */
function argumentsObject(text: string, path: string): Record<string, unknown> {
  if (text.trim() === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new InvalidRequestError('Tool-call arguments must be JSON for Ollama, which takes them as an object.', { param: `${path}.arguments` });
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new InvalidRequestError('Tool-call arguments must be a JSON object for Ollama.', { param: `${path}.arguments` });
  }
  return parsed as Record<string, unknown>;
}

function dropCache(cache: CacheHint | undefined, path: string, warnings: Warning[]): void {
  if (!cache) return;
  warnings.push({ type: 'unsupported-field', field: `${path}.cache`, message: 'Ollama has no prompt-cache hints (it reuses its KV cache by itself); the hint was dropped.' });
}
