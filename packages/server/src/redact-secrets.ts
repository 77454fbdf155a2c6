import type { ProviderCatalog } from '@switchyard/router';
import type { GatewayResponse } from './gateway-types.js';

const redacted = '[redacted]';
// Shorter values are not secrets worth the search (and would match ordinary words).
const minimumSecretLength = 8;
const secretOption = /key|secret|token|password|credential/i;

/**
 * The provider credentials configured in the catalog (API keys, and options such as an AWS
 * secret key), to be cut out of anything the gateway sends back or logs. An upstream that echoes
 * the key it was given in an error body must not hand it to a client of the gateway.
 */
export function configuredSecrets(catalog: ProviderCatalog): string[] {
  const secrets = new Set<string>();
  for (const entry of catalog.listEntries()) {
    const { apiKey, options } = entry.settings;
    if (apiKey && apiKey.length >= minimumSecretLength) secrets.add(apiKey);
    for (const [name, value] of Object.entries(options ?? {})) {
      if (typeof value === 'string' && value.length >= minimumSecretLength && secretOption.test(name)) secrets.add(value);
    }
  }
  // Longest first, so a key that contains another is replaced whole.
  return [...secrets].sort((a, b) => b.length - a.length);
}

export function redactSecrets(text: string, secrets: readonly string[]): string {
  let result = text;
  for (const secret of secrets) if (result.includes(secret)) result = result.replaceAll(secret, redacted);
  return result;
}

/** An error response with configured secrets cut out of its headers and (whole, non-streamed) body. */
export function redactErrorResponse(response: GatewayResponse, secrets: readonly string[]): GatewayResponse {
  if (secrets.length === 0) return response;
  for (const [name, value] of Object.entries(response.headers)) response.headers[name] = redactSecrets(value, secrets);
  if (typeof response.body === 'string') response.body = redactSecrets(response.body, secrets);
  else if (response.body instanceof Uint8Array) {
    const text = Buffer.from(response.body).toString('utf8');
    const clean = redactSecrets(text, secrets);
    if (clean !== text) response.body = clean;
  }
  return response;
}
