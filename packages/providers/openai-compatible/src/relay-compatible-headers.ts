const relayed = new Set(['x-request-id', 'request-id', 'retry-after', 'mistral-correlation-id', 'x-generation-id']);

/** Upstream headers worth returning with a stream: request ids and rate limits. */
export function relayCompatibleHeaders(headers: Record<string, string>): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (relayed.has(name) || name.startsWith('x-ratelimit-')) kept[name] = value;
  }
  return kept;
}
