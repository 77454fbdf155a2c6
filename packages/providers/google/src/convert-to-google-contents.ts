import {
  type AssistantMessage,
  type ChatMessage,
  InvalidRequestError,
  type ToolResultPart,
  type UserMessage,
  type Warning,
} from '@switchyard/core';
import type { GoogleContent, GoogleFunctionResponse, GooglePart, GoogleRole } from './google-api.js';
import { convertMediaToGooglePart } from './convert-media-to-google-part.js';
import { parseGoogleToolCallId } from './google-tool-call-id.js';

export interface ConvertedGoogleContents {
  contents: GoogleContent[];
  systemInstruction?: { parts: Array<{ text: string }> };
}

/**
 * Canonical messages → Gemini `contents` + `systemInstruction`.
 * https://ai.google.dev/api/generate-content#request-body
 *
 * - Every system and developer message, in order, becomes parts of `systemInstruction`
 *   (Gemini has one, wherever the messages stood).
 * - Roles are `user` and `model`; tool results travel in a `user` turn. Consecutive turns of
 *   one role are merged into one content, as Gemini expects alternation (the function
 *   responses to parallel calls must share one turn).
 * - An assistant tool call becomes a `functionCall` part, its JSON text parsed to `args`.
 * - A tool result becomes a `functionResponse` part, which Gemini matches by function NAME:
 *   the part's `toolName`, else the name of the earlier call with that id. `response` must be
 *   a JSON object: a result whose text is a JSON object is sent as that object; any other
 *   result as `{output: "<text>"}`, an error result as `{error: "<text>"}` — the two keys
 *   Gemini documents (https://ai.google.dev/api/caching#FunctionResponse). Inline images and
 *   documents in a result go in `functionResponse.parts` (Gemini 3 multimodal results).
 * - Reasoning: thought text is never sent back (Gemini ignores it). A reasoning part's
 *   signature goes on the part that follows it in the same message — the part Gemini put it
 *   on (see decode-google-response.ts) — and a tool call's id may carry its signature too
 *   (google-tool-call-id.ts). Signatures of other providers mean nothing to Gemini and are
 *   dropped with a warning.
 */
export function convertToGoogleContents(messages: ChatMessage[], warnings: Warning[], provider = 'google'): ConvertedGoogleContents {
  const systemParts: Array<{ text: string }> = [];
  const contents: GoogleContent[] = [];
  const toolNames = collectToolNames(messages);
  let warnedCache = false;

  const push = (role: GoogleRole, parts: GooglePart[]) => {
    if (parts.length === 0) return;
    const last = contents[contents.length - 1];
    if (last && last.role === role) last.parts.push(...parts);
    else contents.push({ role, parts });
  };

  messages.forEach((message, messageIndex) => {
    const path = `messages[${messageIndex}]`;
    if (!warnedCache && message.content.some((part) => part.cache !== undefined)) {
      warnedCache = true;
      warnings.push({
        type: 'unsupported-field',
        field: 'cache',
        message: 'Gemini caches prompts implicitly; per-part cache hints were ignored (explicit caching: providerOptions.google.cachedContent).',
      });
    }
    if ('name' in message && message.name !== undefined) {
      warnings.push({ type: 'unsupported-field', field: `${path}.name`, message: 'Gemini has no participant names; the name was dropped.' });
    }
    switch (message.role) {
      case 'system':
      case 'developer':
        for (const part of message.content) systemParts.push({ text: part.text });
        return;
      case 'user':
        push('user', convertUserParts(message, path));
        return;
      case 'assistant':
        push('model', convertAssistantParts(message, path, warnings, provider));
        return;
      case 'tool':
        push(
          'user',
          message.content.map((part, partIndex) => convertToolResult(part, `${path}.content[${partIndex}]`, toolNames)),
        );
        return;
    }
  });

  const converted: ConvertedGoogleContents = { contents };
  if (systemParts.length > 0) converted.systemInstruction = { parts: systemParts };
  return converted;
}

function convertUserParts(message: UserMessage, path: string): GooglePart[] {
  return message.content.map((part, partIndex): GooglePart => {
    const param = `${path}.content[${partIndex}]`;
    switch (part.type) {
      case 'text':
        return { text: part.text };
      case 'image':
        return convertMediaToGooglePart(part.source, part.source.type === 'base64' ? part.source.mediaType : undefined, param);
      case 'file':
        return convertMediaToGooglePart(part.source, part.mediaType ?? (part.source.type === 'base64' ? part.source.mediaType : undefined), param);
      case 'audio':
        return { inlineData: { mimeType: audioMimeType(part.format), data: part.data } };
    }
  });
}

function convertAssistantParts(message: AssistantMessage, path: string, warnings: Warning[], provider: string): GooglePart[] {
  const parts: GooglePart[] = [];
  // The signature of the reasoning just read, waiting for the part it belongs on.
  let pendingSignature: string | undefined;
  message.content.forEach((part, partIndex) => {
    const param = `${path}.content[${partIndex}]`;
    switch (part.type) {
      case 'reasoning': {
        const signature = part.signature;
        if (signature === undefined || signature === '') {
          if (part.redactedData !== undefined) {
            warnings.push({ type: 'unsupported-value', field: param, message: 'Redacted reasoning of another provider cannot be sent to Gemini and was dropped.' });
          }
          return;
        }
        if (part.provider !== undefined && !isGoogleProvider(part.provider, provider)) {
          warnings.push({
            type: 'unsupported-value',
            field: param,
            message: `A reasoning signature from "${part.provider}" means nothing to Gemini and was dropped.`,
          });
          return;
        }
        if (part.provider === undefined) {
          // No origin recorded: sending another provider's signature would fail the whole call.
          warnings.push({
            type: 'unsupported-value',
            field: param,
            message: 'A reasoning signature of unknown origin was not sent to Gemini.',
          });
          return;
        }
        pendingSignature = signature;
        return;
      }
      case 'text':
      case 'refusal': {
        const text: GooglePart = { text: part.text };
        if (pendingSignature !== undefined) text.thoughtSignature = pendingSignature;
        pendingSignature = undefined;
        parts.push(text);
        return;
      }
      case 'tool-call': {
        const { baseId, thoughtSignature } = parseGoogleToolCallId(part.id);
        const call: GooglePart = { functionCall: { name: part.name, args: parseArguments(part.arguments, param), id: baseId } };
        const signature = pendingSignature ?? thoughtSignature;
        if (signature !== undefined) call.thoughtSignature = signature;
        pendingSignature = undefined;
        parts.push(call);
        return;
      }
    }
  });
  // A signature Gemini sent on the last, empty text part of an answer goes back the same way.
  if (pendingSignature !== undefined) parts.push({ text: '', thoughtSignature: pendingSignature });
  return parts;
}

function convertToolResult(part: ToolResultPart, param: string, toolNames: Map<string, string>): GooglePart {
  const name = part.toolName ?? toolNames.get(part.toolCallId) ?? toolNames.get(parseGoogleToolCallId(part.toolCallId).baseId);
  if (name === undefined) {
    throw new InvalidRequestError(
      `${param}: Gemini needs the function name of a tool result, and no earlier assistant tool call has the id "${part.toolCallId}".`,
      { param },
    );
  }
  const texts: string[] = [];
  const media: Array<{ inlineData: { mimeType: string; data: string } }> = [];
  part.content.forEach((item, itemIndex) => {
    if (item.type === 'text') texts.push(item.text);
    else {
      const converted = convertMediaToGooglePart(
        item.source,
        item.type === 'file' ? item.mediaType : undefined,
        `${param}.content[${itemIndex}]`,
      );
      if (!converted.inlineData) {
        throw new InvalidRequestError(
          `${param}.content[${itemIndex}]: Gemini takes only inline (base64) media in a tool result, not URLs.`,
          { param: `${param}.content[${itemIndex}]` },
        );
      }
      media.push({ inlineData: converted.inlineData });
    }
  });
  const text = texts.join('');
  const functionResponse: GoogleFunctionResponse = {
    name,
    response: part.isError ? { error: text } : responseObject(text),
    id: parseGoogleToolCallId(part.toolCallId).baseId,
  };
  if (media.length > 0) functionResponse.parts = media;
  return { functionResponse };
}

/** A result that is a JSON object goes as itself; anything else as `{output: text}`. */
function responseObject(text: string): Record<string, unknown> {
  const trimmed = text.trimStart();
  if (trimmed.startsWith('{')) {
    try {
      const parsed: unknown = JSON.parse(text);
      if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
    } catch {
      // Not JSON after all: sent as text below.
    }
  }
  return { output: text };
}

function parseArguments(text: string, param: string): Record<string, unknown> {
  if (text.trim() === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new InvalidRequestError(`${param}: the tool call's arguments are not valid JSON, and Gemini needs them as an object.`, { param });
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new InvalidRequestError(`${param}: the tool call's arguments must be a JSON object for Gemini.`, { param });
  }
  return parsed as Record<string, unknown>;
}

function collectToolNames(messages: ChatMessage[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const message of messages) {
    if (message.role !== 'assistant') continue;
    for (const part of message.content) {
      if (part.type !== 'tool-call') continue;
      names.set(part.id, part.name);
      names.set(parseGoogleToolCallId(part.id).baseId, part.name);
    }
  }
  return names;
}

function isGoogleProvider(origin: string, provider: string): boolean {
  return origin === provider || origin === 'google' || origin.startsWith('google-') || origin === 'vertex';
}

// OpenAI names audio formats (`wav`, `mp3`); Gemini wants the mime type.
function audioMimeType(format: string): string {
  return format.includes('/') ? format : `audio/${format.toLowerCase()}`;
}
