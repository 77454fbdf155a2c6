/**
 * The header API: every `x-switchyard-<name>` header may also be sent as Portkey's
 * `x-portkey-<name>`, so Portkey clients work unchanged. The native name wins when both come.
 */
export function readGatewayHeader(headers: Readonly<Record<string, string>>, name: string): string | undefined {
  const value = headers[`x-switchyard-${name}`] ?? headers[`x-portkey-${name}`];
  return value === undefined || value === '' ? undefined : value;
}

/** The bearer token of an `Authorization` header, if any. */
export function readBearerToken(headers: Readonly<Record<string, string>>): string | undefined {
  const value = headers.authorization;
  if (!value) return undefined;
  const match = /^Bearer\s+(.+)$/i.exec(value.trim());
  return match ? match[1]!.trim() : undefined;
}
