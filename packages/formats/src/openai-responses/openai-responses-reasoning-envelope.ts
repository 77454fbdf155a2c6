import type { ReasoningPart } from '@switchyard/core';

/**
 * Reasoning from a provider other than OpenAI, carried through a Responses client.
 *
 * A Responses client keeps reasoning across turns by sending back the `reasoning` items it
 * got, `encrypted_content` untouched (OpenAI's stateless mode). That is the only opaque,
 * round-tripped field the format has, so when the reasoning came from elsewhere — an
 * Anthropic thinking block and its signature, a redacted_thinking block, a Gemini thought
 * signature — the gateway puts what that provider needs into it:
 *
 *     encrypted_content = "swy1:" + base64url(JSON { provider, text?, signature?, redactedData? })
 *
 * - `swy1:` cannot begin an OpenAI value (Fernet tokens are base64url, no colon), so the two
 *   are never confused, and the version leaves room for a different layout later.
 * - `text` is inside because Anthropic verifies the signature against the exact thinking
 *   text, while clients may drop or rewrite summaries (OpenAI itself needs only
 *   encrypted_content); the envelope text wins over the summary when both come back.
 * - It is not encrypted: it holds what the client already saw plus signatures that only
 *   verify at the provider that issued them (and redacted data that provider encrypted). A
 *   forged envelope can only make that provider reject the request.
 *
 * Decoding yields a reasoning part with the original provider, signature and redacted data,
 * so the next turn sent to the same provider restores the block exactly.
 */
export const reasoningEnvelopePrefix = 'swy1:';

export interface ReasoningEnvelope {
  provider?: string;
  text?: string;
  signature?: string;
  redactedData?: string;
}

export function isReasoningEnvelope(value: string): boolean {
  return value.startsWith(reasoningEnvelopePrefix);
}

/** The envelope for a reasoning part, or undefined when it carries nothing a provider must get back. */
export function encodeReasoningEnvelope(part: Pick<ReasoningPart, 'provider' | 'text' | 'signature' | 'redactedData'>): string | undefined {
  if (part.signature === undefined && part.redactedData === undefined) return undefined;
  const envelope: ReasoningEnvelope = {};
  if (part.provider !== undefined) envelope.provider = part.provider;
  if (part.text !== '') envelope.text = part.text;
  if (part.signature !== undefined) envelope.signature = part.signature;
  if (part.redactedData !== undefined) envelope.redactedData = part.redactedData;
  return reasoningEnvelopePrefix + Buffer.from(JSON.stringify(envelope), 'utf8').toString('base64url');
}

/** The envelope's fields, or undefined when the value is not a well-formed envelope. */
export function decodeReasoningEnvelope(value: string): ReasoningEnvelope | undefined {
  if (!isReasoningEnvelope(value)) return undefined;
  const payload = value.slice(reasoningEnvelopePrefix.length);
  if (!/^[A-Za-z0-9_-]*$/.test(payload)) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return undefined;
  const fields = json as Record<string, unknown>;
  const envelope: ReasoningEnvelope = {};
  for (const key of ['provider', 'text', 'signature', 'redactedData'] as const) {
    const field = fields[key];
    if (field === undefined) continue;
    if (typeof field !== 'string') return undefined;
    envelope[key] = field;
  }
  if (envelope.signature === undefined && envelope.redactedData === undefined) return undefined;
  return envelope;
}
