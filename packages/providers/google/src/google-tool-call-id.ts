/**
 * Tool-call ids for Gemini function calls, which mostly have none.
 *
 * The id is `call_<responseId>_<n>` (stable: derived from the answer, the same in every stream
 * event and on replay), or Gemini's own `functionCall.id` when it sends one.
 *
 * Gemini 3 rejects a follow-up turn whose function calls lost their thoughtSignature
 * (https://ai.google.dev/gemini-api/docs/thought-signatures), and many client formats have
 * no field for a signature (OpenAI Chat Completions among them) — but every client sends the
 * tool-call id back. So a signed call carries its signature inside its id, base64url after
 * `__thought__`: `call_abc_0__thought__EpwICp…`. Reading the id back restores the exact bytes.
 * Formats that do carry reasoning signatures get them as a reasoning part as well. Signatures
 * run to a few KB, so the adapter setting `options.thoughtSignatureInToolCallId: false` turns
 * this off for clients that keep reasoning parts (or store ids in narrow columns).
 */
const signatureSeparator = '__thought__';

export function googleToolCallId(baseId: string, thoughtSignature?: string | null): string {
  return thoughtSignature ? `${baseId}${signatureSeparator}${toBase64Url(thoughtSignature)}` : baseId;
}

/** Splits an id made by `googleToolCallId`; any other id comes back whole, with no signature. */
export function parseGoogleToolCallId(id: string): { baseId: string; thoughtSignature?: string } {
  const at = id.indexOf(signatureSeparator);
  if (at <= 0) return { baseId: id };
  const encoded = id.slice(at + signatureSeparator.length);
  if (!/^[A-Za-z0-9_-]+$/.test(encoded)) return { baseId: id };
  return { baseId: id.slice(0, at), thoughtSignature: fromBase64Url(encoded) };
}

// Signatures are standard base64 (`+`, `/`, `=`); ids should stay within [A-Za-z0-9_-]
// (Anthropic's tool_use ids must), so they travel url-safe and come back standard.
function toBase64Url(base64: string): string {
  return base64.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(encoded: string): string {
  const standard = encoded.replace(/-/g, '+').replace(/_/g, '/');
  return standard + '='.repeat((4 - (standard.length % 4)) % 4);
}
