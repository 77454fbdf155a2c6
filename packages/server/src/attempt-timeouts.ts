import type { HttpTimeouts } from '@switchyard/core';
import type { ProviderEntry } from '@switchyard/router';

/** One attempt's upstream deadlines: the provider entry's own, field by field over the gateway's. */
export function attemptTimeouts(gateway: HttpTimeouts, entry: Pick<ProviderEntry, 'timeouts'>): HttpTimeouts {
  return entry.timeouts ? { ...gateway, ...entry.timeouts } : gateway;
}
