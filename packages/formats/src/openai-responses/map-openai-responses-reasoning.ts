import type { ReasoningPart } from '@switchyard/core';
import { decodeReasoningEnvelope, encodeReasoningEnvelope, isReasoningEnvelope } from './openai-responses-reasoning-envelope.js';

/** The provider id OpenAI's own encrypted reasoning is attributed to. */
export const openAIReasoningProvider = 'openai';

/**
 * Summary parts are joined with a blank line, the separator OpenAI's own UIs put between
 * them; the stream decoder sends the same separator between summary parts, so a streamed and
 * a whole answer decode to the same text.
 */
export const summarySeparator = '\n\n';

interface ReasoningItemFields {
  summary?: ReadonlyArray<{ text: string }> | null;
  content?: ReadonlyArray<{ text: string }> | null;
  encrypted_content?: string | null;
}

export interface DecodedReasoning {
  part: ReasoningPart;
  /** encrypted_content began like an envelope but was not one. */
  malformedEnvelope: boolean;
}

/**
 * A `reasoning` item → a canonical reasoning part. Text: the summaries joined (or, for
 * servers that send raw `reasoning_text` content instead, that). OpenAI's encrypted_content
 * becomes `redactedData` attributed to 'openai'; an envelope (see
 * openai-responses-reasoning-envelope.ts) gives back the original provider, signature,
 * redacted data and exact text. Without either there is nothing provider-bound to keep, so
 * no provider is named.
 */
export function decodeOpenAIResponsesReasoning(item: ReasoningItemFields): DecodedReasoning {
  const summaryText = (item.summary ?? []).map((part) => part.text).join(summarySeparator);
  const text = summaryText !== '' ? summaryText : (item.content ?? []).map((part) => part.text).join(summarySeparator);
  const encrypted = item.encrypted_content;
  if (encrypted == null || encrypted === '') return { part: { type: 'reasoning', text }, malformedEnvelope: false };

  if (isReasoningEnvelope(encrypted)) {
    const envelope = decodeReasoningEnvelope(encrypted);
    if (envelope) {
      const part: ReasoningPart = { type: 'reasoning', text: envelope.text ?? text };
      if (envelope.signature !== undefined) part.signature = envelope.signature;
      if (envelope.redactedData !== undefined) part.redactedData = envelope.redactedData;
      if (envelope.provider !== undefined) part.provider = envelope.provider;
      return { part, malformedEnvelope: false };
    }
    return { part: { type: 'reasoning', text, redactedData: encrypted, provider: openAIReasoningProvider }, malformedEnvelope: true };
  }
  return { part: { type: 'reasoning', text, redactedData: encrypted, provider: openAIReasoningProvider }, malformedEnvelope: false };
}

/**
 * The encrypted_content a reasoning part goes out with to a Responses client: OpenAI's own
 * value verbatim, an envelope for another provider's signature or redacted data, nothing
 * when the part carries neither.
 */
export function encryptedContentFor(part: Pick<ReasoningPart, 'provider' | 'text' | 'signature' | 'redactedData'>): string | undefined {
  if (part.provider === openAIReasoningProvider && part.redactedData !== undefined) return part.redactedData;
  return encodeReasoningEnvelope(part);
}
