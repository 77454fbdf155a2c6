import type { Warning } from '@switchyard/core';

/** The warnings a gateway answer carries in its `x-switchyard-warnings` header (a JSON array), none when absent. */
export function gatewayWarnings(response: { headers: { get(name: string): string | null } }): Warning[] {
  return JSON.parse(response.headers.get('x-switchyard-warnings') ?? '[]');
}
