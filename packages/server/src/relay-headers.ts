/**
 * Upstream headers a client may see (request ids, rate limits, content type). Hop-by-hop
 * headers, lengths and encodings (the gateway re-frames the body) and cookies are dropped.
 */
const dropped = new Set([
  'connection',
  'keep-alive',
  'transfer-encoding',
  'content-length',
  'content-encoding',
  'set-cookie',
  'date',
  'server',
  'alt-svc',
  'strict-transport-security',
  'proxy-authenticate',
  'upgrade',
  'trailer',
  'te',
]);

export function relayHeaders(upstream: Readonly<Record<string, string>>): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const name in upstream) {
    if (!dropped.has(name) && !name.startsWith('cf-')) headers[name] = upstream[name]!;
  }
  return headers;
}
