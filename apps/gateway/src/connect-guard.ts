import type { ConnectGuard } from '@switchyard/core';
import type { HostAllowList, ProviderCatalog } from '@switchyard/router';

/**
 * Every upstream connection is checked on the address it resolved to. Hosts the operator put in
 * the catalog (a provider's `baseURL` in the config or environment, e.g. Ollama on a LAN box) are
 * trusted wherever they resolve; any other host — a client's `custom_host`, a URL inside a
 * request — must resolve to a public address, or to an internal one the allow-list names.
 */
export function connectGuard(catalog: ProviderCatalog, allowList: HostAllowList): ConnectGuard {
  const trusted = new Set<string>();
  for (const entry of catalog.listEntries()) {
    const baseURL = entry.settings.baseURL;
    if (!baseURL) continue;
    try {
      trusted.add(new URL(baseURL).hostname.toLowerCase().replace(/\.+$/, ''));
    } catch {
      // An unparsable base URL fails on first use with its own message.
    }
  }
  return (hostname, address) => trusted.has(hostname.toLowerCase().replace(/\.+$/, '')) || allowList.mayConnect(hostname, address);
}
