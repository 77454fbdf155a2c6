/**
 * Patterns of well-known credentials, so a key pasted into a prompt (or echoed by a model) does
 * not land in the log: OpenAI, Anthropic, Google, AWS access keys, bearer tokens, and the
 * gateway's own keys.
 */
const knownKeyPatterns: readonly RegExp[] = [
  /sk-ant-[A-Za-z0-9_-]{10,}/g,
  /sk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{16,}/g,
  /AIza[0-9A-Za-z_-]{30,}/g,
  /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/g,
  /\bgsk_[A-Za-z0-9]{20,}/g,
  /\bxai-[A-Za-z0-9]{20,}/g,
  // The gateway's managed keys: `sy-` and 43 base64url characters.
  /\bsy-[A-Za-z0-9_-]{40,}/g,
  /(Bearer\s+)[A-Za-z0-9._~+/=-]{16,}/g,
];

export const redactedMarker = '[REDACTED]';

export interface BodyRedactor {
  (text: string): string;
}

/**
 * A redactor for logged bodies: known key shapes, the exact secrets the gateway holds (provider
 * keys from its config, gateway keys), and the operator's own patterns (`logs.redact`).
 */
export function createBodyRedactor(options: { secrets?: readonly string[]; patterns?: readonly (string | RegExp)[] } = {}): BodyRedactor {
  const custom = (options.patterns ?? []).map((pattern) => (typeof pattern === 'string' ? new RegExp(pattern, 'g') : new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`)));
  // Longest first, so a key that contains another is removed whole.
  const secrets = [...new Set(options.secrets ?? [])].filter((secret) => secret.length >= 8).sort((a, b) => b.length - a.length);
  return (text) => {
    let result = text;
    for (const secret of secrets) result = result.split(secret).join(redactedMarker);
    for (const pattern of knownKeyPatterns) result = result.replace(pattern, (match, prefix: unknown) => (typeof prefix === 'string' ? `${prefix}${redactedMarker}` : redactedMarker));
    for (const pattern of custom) result = result.replace(pattern, redactedMarker);
    return result;
  };
}
