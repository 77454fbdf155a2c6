import type { ReasoningPart, RefusalPart, TextPart, ToolCallPart } from '@switchyard/core';
import { encryptedContentFor } from './map-openai-responses-reasoning.js';

type Json = Record<string, unknown>;
export type OpenAIResponsesItemStatus = 'in_progress' | 'completed' | 'incomplete';

/**
 * Output items as OpenAI writes them (key order as in its recordings), shared by the
 * response encoder and the stream encoder so that a streamed answer's final response equals
 * the non-streamed one.
 */
export function outputContentPart(part: TextPart | RefusalPart): Json {
  return part.type === 'text' ? outputTextPart(part.text) : { type: 'refusal', refusal: part.text };
}

export function outputTextPart(text: string): Json {
  return { type: 'output_text', annotations: [], logprobs: [], text };
}

export function messageItem(id: string, status: OpenAIResponsesItemStatus, content: Json[]): Json {
  return { id, type: 'message', status, content, role: 'assistant' };
}

export function functionCallItem(id: string, status: OpenAIResponsesItemStatus, call: Pick<ToolCallPart, 'id' | 'name' | 'arguments'>): Json {
  return { id, type: 'function_call', status, arguments: call.arguments, call_id: call.id, name: call.name };
}

/**
 * The reasoning text is one summary part (a canonical part has no summary boundaries);
 * encrypted_content is OpenAI's own value or an envelope for another provider's signature.
 */
export function reasoningItem(id: string, part: Pick<ReasoningPart, 'text' | 'signature' | 'redactedData' | 'provider'>): Json {
  const item: Json = { id, type: 'reasoning', summary: part.text === '' ? [] : [{ type: 'summary_text', text: part.text }] };
  const encrypted = encryptedContentFor(part);
  if (encrypted !== undefined) item.encrypted_content = encrypted;
  return item;
}
