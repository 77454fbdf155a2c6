import type { ChatMessage, ChatRequest, UserContentPart, Warning } from '@switchyard/core';
import type { OpenAICompatibleExtensions } from '@switchyard/provider-openai-compatible';
import { toMistralToolCallId } from './to-mistral-tool-call-id.js';

type Json = Record<string, unknown>;

/**
 * What Mistral needs beyond the preset's configuration:
 * - documents (PDF) as `{ type: 'document_url', document_url }` chunks — an https URL or a
 *   base64 data URL — where OpenAI has `file` parts (which carry no URL, so URL documents are
 *   carried through the encoder as image URLs and turned back here);
 * - tool call ids of exactly 9 letters or digits (`toMistralToolCallId`).
 * https://docs.mistral.ai/capabilities/document_ai/document_qna/
 */
export const mistralRequestExtensions: OpenAICompatibleExtensions = {
  beforeEncode(request, warn) {
    const documentUrls = new Set<string>();
    const messages = request.messages.map((message, messageIndex): ChatMessage => {
      if (message.role !== 'user') return message;
      const content = message.content.flatMap((part, partIndex): UserContentPart[] => {
        if (part.type !== 'file') return [part];
        if (part.source.type === 'url') {
          documentUrls.add(part.source.url);
          return [{ type: 'image', source: part.source, ...(part.cache && { cache: part.cache }) }];
        }
        if (part.source.type === 'file-id') {
          warn(fileIdWarning(`messages[${messageIndex}].content[${partIndex}]`));
          return [];
        }
        return [part];
      });
      return { ...message, content };
    });
    const prepared: ChatRequest = { ...request, messages };
    return { request: prepared, afterEncode: (body) => rewriteBody(body, documentUrls) };
  },
};

function rewriteBody(body: Json, documentUrls: ReadonlySet<string>): void {
  for (const message of body.messages as Json[]) {
    if (Array.isArray(message.content)) message.content = message.content.map((part: Json) => toDocumentChunk(part, documentUrls));
    if (Array.isArray(message.tool_calls)) {
      for (const call of message.tool_calls as Json[]) call.id = toMistralToolCallId(String(call.id));
    }
    if (typeof message.tool_call_id === 'string') message.tool_call_id = toMistralToolCallId(message.tool_call_id);
  }
}

function toDocumentChunk(part: Json, documentUrls: ReadonlySet<string>): Json {
  if (part.type === 'image_url') {
    const url = (part.image_url as { url?: unknown } | undefined)?.url;
    if (typeof url === 'string' && documentUrls.has(url)) return { type: 'document_url', document_url: url };
  }
  if (part.type === 'file') {
    const file = part.file as { file_data?: unknown; filename?: unknown } | undefined;
    if (typeof file?.file_data === 'string') {
      return { type: 'document_url', document_url: file.file_data, ...(typeof file.filename === 'string' && { document_name: file.filename }) };
    }
  }
  return part;
}

function fileIdWarning(field: string): Warning {
  return {
    type: 'unsupported-value',
    field,
    message: 'Mistral takes documents by URL or inline, not by another provider\'s file id; the file was dropped.',
  };
}
