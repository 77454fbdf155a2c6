import { randomUUID } from 'node:crypto';
import { type AssistantContentPart, type ChatResponse, type FinishReason, UpstreamError } from '@switchyard/core';
import {
  type GoogleCandidate,
  type GoogleGenerateContentResponse,
  type GoogleResponsePart,
  googleGenerateContentResponseSchema,
} from './google-api.js';
import { googleToolCallId } from './google-tool-call-id.js';
import { mapGoogleFinishReason } from './map-google-finish-reason.js';
import { mapGoogleUsage } from './map-google-usage.js';

export interface DecodeGoogleResponseOptions {
  /** The model asked for, used when the answer names none. */
  model: string;
  /** Names the reasoning parts' origin and the providerMetadata key (default 'google'). */
  provider?: string;
  /** Carry a function call's thoughtSignature inside its id too (default true; see google-tool-call-id.ts). */
  signatureInToolCallId?: boolean;
}

/**
 * A `GenerateContentResponse` → the canonical response.
 * https://ai.google.dev/api/generate-content#generatecontentresponse
 *
 * - id: Gemini's `responseId`; one is generated only when it is missing.
 * - Thought parts (`thought: true`) become reasoning parts. A `thoughtSignature` belongs to
 *   the part it came on — Gemini puts it on the first function call of a step, or on the
 *   text after the thoughts — and becomes the signature of a reasoning part placed just
 *   before that part (the thought summary before it, when there is one), which is where
 *   convert-to-google-contents.ts puts it back. A function call's id carries its signature
 *   too (google-tool-call-id.ts).
 * - Function calls get the call's own `id` or `call_<responseId>_<n>`, arguments as JSON text.
 * - Only the first candidate is read; what has no canonical home (safety ratings, grounding,
 *   citations, logprobs, executable code, other candidates …) goes to providerMetadata.
 */
export function decodeGoogleResponse(body: unknown, options: DecodeGoogleResponseOptions): ChatResponse {
  const provider = options.provider ?? 'google';
  const parsed = googleGenerateContentResponseSchema.safeParse(body);
  if (!parsed.success) {
    throw new UpstreamError(`${provider} answered with a body that is not a GenerateContentResponse.`, { provider, status: 200, body, kind: 'upstream' });
  }
  const answer = parsed.data;
  const id = answer.responseId ?? `gemini-${randomUUID()}`;
  const candidate = answer.candidates?.[0];
  const { content, hasToolCalls, unmappedParts } = convertCandidateParts(
    candidate,
    answer.responseId ?? id,
    provider,
    options.signatureInToolCallId ?? true,
  );

  const response: ChatResponse = {
    id,
    model: googleModelName(answer.modelVersion) ?? options.model,
    content,
    finishReason: googleFinishReason(answer, candidate, hasToolCalls),
  };
  const created = googleCreated(answer.createTime);
  if (created !== undefined) response.created = created;
  if (answer.usageMetadata) response.usage = mapGoogleUsage(answer.usageMetadata);
  const metadata = googleResponseMetadata(answer, candidate, unmappedParts);
  if (metadata) response.providerMetadata = { [provider]: metadata };
  return response;
}

function convertCandidateParts(candidate: GoogleCandidate | undefined, responseId: string, provider: string, signatureInId: boolean) {
  const content: AssistantContentPart[] = [];
  const unmappedParts: GoogleResponsePart[] = [];
  let toolCalls = 0;

  // A signature is carried by a reasoning part just before the part it was sent on.
  const carrySignature = (signature: string | null | undefined) => {
    if (!signature) return;
    const previous = content[content.length - 1];
    if (previous?.type === 'reasoning' && previous.signature === undefined && previous.redactedData === undefined) {
      previous.signature = signature;
    } else {
      content.push({ type: 'reasoning', text: '', signature, provider });
    }
  };

  for (const part of candidate?.content?.parts ?? []) {
    if (part.thought === true) {
      const reasoning: AssistantContentPart = { type: 'reasoning', text: part.text ?? '', provider };
      if (part.thoughtSignature) reasoning.signature = part.thoughtSignature;
      content.push(reasoning);
    } else if (part.functionCall) {
      carrySignature(part.thoughtSignature);
      const baseId = part.functionCall.id ?? `call_${responseId}_${toolCalls}`;
      toolCalls++;
      content.push({
        type: 'tool-call',
        id: signatureInId ? googleToolCallId(baseId, part.thoughtSignature) : baseId,
        name: part.functionCall.name,
        arguments: JSON.stringify(part.functionCall.args ?? {}),
      });
    } else if (typeof part.text === 'string') {
      carrySignature(part.thoughtSignature);
      if (part.text !== '') content.push({ type: 'text', text: part.text });
    } else {
      // Generated images, executable code, code results …: no canonical part yet.
      carrySignature(part.thoughtSignature);
      unmappedParts.push(part);
    }
  }
  return { content, hasToolCalls: toolCalls > 0, unmappedParts };
}

/** The finish reason of an answer, or of a prompt Gemini refused to answer (promptFeedback.blockReason). */
export function googleFinishReason(
  answer: GoogleGenerateContentResponse,
  candidate: GoogleCandidate | undefined,
  hasToolCalls: boolean,
): FinishReason {
  const blockReason = answer.promptFeedback?.blockReason;
  if (!candidate && blockReason) return { unified: 'content-filter', raw: blockReason };
  return mapGoogleFinishReason(candidate?.finishReason, hasToolCalls);
}

/** `models/gemini-2.5-flash-preview-04-17` → `gemini-2.5-flash-preview-04-17`. */
export function googleModelName(modelVersion: string | null | undefined): string | undefined {
  if (!modelVersion) return undefined;
  return modelVersion.startsWith('models/') ? modelVersion.slice('models/'.length) : modelVersion;
}

/** Vertex AI's `createTime` (RFC 3339) → Unix seconds. */
export function googleCreated(createTime: string | null | undefined): number | undefined {
  if (!createTime) return undefined;
  const milliseconds = Date.parse(createTime);
  return Number.isNaN(milliseconds) ? undefined : Math.floor(milliseconds / 1000);
}

// Candidate and answer fields already mapped, or repeated on every stream chunk.
const mappedCandidateKeys = new Set(['content', 'finishReason', 'index']);
const mappedAnswerKeys = new Set(['candidates', 'usageMetadata', 'responseId', 'createTime']);

/** Everything of the answer and its first candidate that has no canonical field. */
export function googleResponseMetadata(
  answer: GoogleGenerateContentResponse,
  candidate: GoogleCandidate | undefined,
  unmappedParts: GoogleResponsePart[] = [],
): Record<string, unknown> | undefined {
  const metadata: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(answer)) if (!mappedAnswerKeys.has(key) && value != null) metadata[key] = value;
  for (const [key, value] of Object.entries(candidate ?? {})) if (!mappedCandidateKeys.has(key) && value != null) metadata[key] = value;
  if ((answer.candidates?.length ?? 0) > 1) metadata.additionalCandidates = answer.candidates!.slice(1);
  if (unmappedParts.length > 0) metadata.unmappedParts = unmappedParts;
  return Object.keys(metadata).length > 0 ? metadata : undefined;
}
