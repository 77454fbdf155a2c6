import { isIP } from 'node:net';

/**
 * `custom_host` and any URL the gateway would fetch are an SSRF door: only loopback and the
 * hosts the operator lists are trusted. Entries are host names (`models.internal`), host:port
 * (`10.0.0.5:11434`), a leading wildcard (`*.example.com`), or `*` to trust every host.
 */
export interface HostAllowList {
  isAllowed(url: string): boolean;
}

export function createHostAllowList(entries: readonly string[] = []): HostAllowList {
  const normalised = entries.map((entry) => entry.trim().toLowerCase()).filter(Boolean);
  const allowAll = normalised.includes('*');
  return {
    isAllowed(url: string): boolean {
      let parsed: URL;
      try {
        parsed = new URL(url);
      } catch {
        return false;
      }
      if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return false;
      if (parsed.username || parsed.password) return false;
      if (allowAll) return true;
      const host = stripBrackets(parsed.hostname.toLowerCase());
      if (isLoopback(host)) return true;
      const hostWithPort = parsed.port ? `${host}:${parsed.port}` : host;
      return normalised.some((entry) => {
        if (entry.startsWith('*.')) return host.endsWith(entry.slice(1));
        return entry === host || entry === hostWithPort;
      });
    },
  };
}

function stripBrackets(host: string): string {
  return host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
}

function isLoopback(host: string): boolean {
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  const family = isIP(host);
  if (family === 4) return host.startsWith('127.');
  if (family === 6) return host === '::1' || host === '0:0:0:0:0:0:0:1' || /^::ffff:127\./.test(host);
  return false;
}
