import type { AssistantContentPart, ChatRequest, ChatResponse, RefusalPart, TextPart } from '@switchyard/core';
import { buildOpenAIResponsesObject } from './build-openai-responses-object.js';
import { decodeOpenAIResponsesReasoning, encryptedContentFor } from './map-openai-responses-reasoning.js';
import { encodeOpenAIResponsesStatus } from './map-openai-responses-status.js';
import { encodeOpenAIResponsesUsage } from './map-openai-responses-usage.js';
import { deriveOpenAIResponsesItemId, toOpenAIResponsesId } from './openai-responses-ids.js';
import { functionCallItem, messageItem, outputContentPart, reasoningItem, type OpenAIResponsesItemStatus } from './openai-responses-output-items.js';
import { openAIResponsesRequestEcho } from './openai-responses-request-echo.js';
import { readOpenAIResponsesResponseMetadata, type OpenAIResponsesOutputSkeleton } from './openai-responses-response-metadata.js';

type Json = Record<string, unknown>;

export interface EncodeOpenAIResponsesResponseOptions {
  /** The canonical request, so the response repeats its parameters as OpenAI's does. */
  request?: ChatRequest;
}

/**
 * The canonical response → the Response object a Responses client expects.
 *
 * When the answer came from a Responses upstream, its items come back as they were (ids,
 * statuses, annotations, hosted-tool items) from the kept metadata, provided the canonical
 * content still matches it. Otherwise the items are built from the content: a message for
 * each run of text and refusal parts, a function_call per tool call, a reasoning item per
 * reasoning part, with ids derived from the response id (openai-responses-ids.ts). The
 * finish reason becomes `status` and `incomplete_details`.
 */
export function encodeOpenAIResponsesResponse(response: ChatResponse, options: EncodeOpenAIResponsesResponseOptions = {}): Json {
  const id = toOpenAIResponsesId(response.id);
  const metadata = readOpenAIResponsesResponseMetadata(response.providerMetadata);
  const { status, incompleteDetails } = encodeOpenAIResponsesStatus(response.finishReason);
  const output =
    (metadata.output && outputFromSkeletons(metadata.output, response.content)) ??
    buildOpenAIResponsesOutput(id, response.content, status === 'incomplete' ? 'incomplete' : 'completed');
  return buildOpenAIResponsesObject({
    id,
    // Clients require a number; without the provider's, the time of encoding is the honest stand-in.
    createdAt: response.created ?? Math.floor(Date.now() / 1000),
    model: response.model,
    status,
    output,
    usage: response.usage ? encodeOpenAIResponsesUsage(response.usage) : null,
    error: status === 'failed' ? finishErrorFor(response.finishReason.raw) : null,
    incompleteDetails,
    serviceTier: response.serviceTier,
    echo: { ...openAIResponsesRequestEcho(options.request), ...metadata.response },
  });
}

/** A finish reason of 'error' (some providers end an answer that way) as a failed response's error. */
export function finishErrorFor(raw: string | null): Json {
  return { code: 'server_error', message: `The provider ended the answer with an error${raw ? ` (${raw})` : ''}.` };
}

/**
 * Items built from canonical content. `lastStatus` is the status of the last item: a
 * truncated answer (max_output_tokens, content filter) leaves its last item incomplete, as
 * OpenAI does.
 */
export function buildOpenAIResponsesOutput(responseId: string, content: AssistantContentPart[], lastStatus: OpenAIResponsesItemStatus): Json[] {
  const output: Json[] = [];
  let run: Array<TextPart | RefusalPart> = [];
  const flush = () => {
    if (run.length === 0) return;
    output.push(messageItem(deriveOpenAIResponsesItemId(responseId, 'message', output.length), 'completed', run.map(outputContentPart)));
    run = [];
  };
  for (const part of content) {
    if (part.type === 'text' || part.type === 'refusal') {
      run.push(part);
      continue;
    }
    flush();
    if (part.type === 'tool-call') output.push(functionCallItem(deriveOpenAIResponsesItemId(responseId, 'function_call', output.length), 'completed', part));
    else output.push(reasoningItem(deriveOpenAIResponsesItemId(responseId, 'reasoning', output.length), part));
  }
  flush();
  const last = output[output.length - 1];
  if (last && 'status' in last) last.status = lastStatus;
  return output;
}

/** The upstream's own items, refilled from the canonical content; undefined when the two no longer match. */
function outputFromSkeletons(skeletons: OpenAIResponsesOutputSkeleton[], content: AssistantContentPart[]): Json[] | undefined {
  const output: Json[] = [];
  let next = 0;
  for (const { parts, item } of skeletons) {
    const taken = content.slice(next, next + parts);
    if (taken.length !== parts) return undefined;
    next += parts;
    const rebuilt = refill(item, taken);
    if (!rebuilt) return undefined;
    output.push(rebuilt);
  }
  return next === content.length ? output : undefined;
}

function refill(item: Json, parts: AssistantContentPart[]): Json | undefined {
  if (parts.length === 0) return item.type === 'message' && hasCanonicalSlots(item) ? undefined : structuredClone(item);
  switch (item.type) {
    case 'message': {
      if (!Array.isArray(item.content)) return undefined;
      let next = 0;
      const content: Json[] = [];
      for (const slot of item.content as Json[]) {
        if (slot.type === 'output_text' && !('text' in slot)) {
          const part = parts[next++];
          if (part?.type !== 'text') return undefined;
          content.push({ ...slot, text: part.text });
        } else if (slot.type === 'refusal' && !('refusal' in slot)) {
          const part = parts[next++];
          if (part?.type !== 'refusal') return undefined;
          content.push({ ...slot, refusal: part.text });
        } else content.push(slot);
      }
      return next === parts.length ? { ...item, content } : undefined;
    }
    case 'function_call': {
      const [call] = parts;
      if (parts.length !== 1 || call?.type !== 'tool-call') return undefined;
      return { ...item, arguments: call.arguments, call_id: call.id, name: call.name };
    }
    case 'reasoning': {
      const [reasoning] = parts;
      if (parts.length !== 1 || reasoning?.type !== 'reasoning') return undefined;
      const rebuilt: Json = { ...item };
      // The kept summary restores its split into parts, as long as it still says the same.
      const kept = decodeOpenAIResponsesReasoning(item as Parameters<typeof decodeOpenAIResponsesReasoning>[0]).part.text;
      if (kept !== reasoning.text) {
        rebuilt.summary = reasoning.text === '' ? [] : [{ type: 'summary_text', text: reasoning.text }];
        delete rebuilt.content;
      }
      const encrypted = encryptedContentFor(reasoning);
      if (encrypted !== undefined) rebuilt.encrypted_content = encrypted;
      return rebuilt;
    }
    default:
      return undefined;
  }
}

function hasCanonicalSlots(item: Json): boolean {
  return Array.isArray(item.content) && (item.content as Json[]).some((slot) => (slot.type === 'output_text' && !('text' in slot)) || (slot.type === 'refusal' && !('refusal' in slot)));
}
