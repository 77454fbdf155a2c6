import { isIP } from 'node:net';
import { classifyAddress, parseAddress } from './ip-address-class.js';

/**
 * `custom_host` and any URL the gateway would fetch are an SSRF door: only loopback and the
 * hosts the operator lists are trusted. Entries are host names (`models.internal`), host:port
 * (`10.0.0.5:11434`), a leading wildcard (`*.example.com`), an IP range (`10.0.0.0/8`,
 * `fd00::/8`), or `*` to trust every host.
 */
export interface HostAllowList {
  /** Whether a URL a client (or a config) supplied may be used at all, judged by its host. */
  isAllowed(url: string): boolean;
  /**
   * Whether a connection to `hostname` may go to `address`, the address it resolved to. A public
   * address is fine; a private, link-local (cloud metadata) or loopback one only when the operator
   * named that host or range — so an allowed name that resolves (or rebinds) to an internal
   * address is refused.
   */
  mayConnect(hostname: string, address: string): boolean;
}

interface Range {
  family: 4 | 6;
  matches(address: string): boolean;
}

export function createHostAllowList(entries: readonly string[] = []): HostAllowList {
  const names = new Set<string>();
  const hostPorts = new Set<string>();
  const suffixes: string[] = [];
  const ranges: Range[] = [];
  let allowAll = false;
  for (const raw of entries) {
    const entry = raw.trim().toLowerCase();
    if (!entry) continue;
    if (entry === '*') allowAll = true;
    else if (entry.startsWith('*.')) suffixes.push(normaliseHost(entry.slice(1)));
    else if (entry.includes('/')) ranges.push(parseRange(entry));
    else {
      const parsed = safeURL(`http://${entry}`);
      if (!parsed) throw new Error(`allowedHosts: "${raw}" is not a host, host:port, *.suffix or IP range`);
      const host = normaliseHost(parsed.hostname);
      if (parsed.port) hostPorts.add(`${host}:${parsed.port}`);
      else names.add(host);
    }
  }
  const namedExactly = (host: string) => names.has(host) || [...hostPorts].some((entry) => entry.slice(0, entry.lastIndexOf(':')) === host);
  const inRanges = (address: string) => ranges.some((range) => range.matches(address));

  return {
    isAllowed(url) {
      const parsed = safeURL(url);
      if (!parsed) return false;
      if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return false;
      if (parsed.username || parsed.password) return false;
      if (allowAll) return true;
      // The URL parser already turned odd IPv4 spellings (127.1, 0x7f000001, 2130706433) into
      // dotted quads and compressed IPv6; trailing dots and brackets are removed here.
      const host = normaliseHost(parsed.hostname);
      if (isLoopbackName(host)) return true;
      if (isIP(host) && (classifyAddress(host) === 'loopback' || inRanges(host))) return true;
      if (names.has(host) || (parsed.port && hostPorts.has(`${host}:${parsed.port}`))) return true;
      return suffixes.some((suffix) => host.endsWith(suffix));
    },
    mayConnect(hostname, address) {
      if (allowAll) return true;
      const kind = classifyAddress(address);
      if (kind === undefined) return false;
      if (inRanges(address)) return true;
      const host = normaliseHost(hostname);
      if (kind === 'public') return true;
      if (kind === 'loopback') return isLoopbackName(host) || (isIP(host) !== 0 && classifyAddress(host) === 'loopback') || namedExactly(host);
      return namedExactly(host) || (isIP(host) !== 0 && inRanges(host));
    },
  };
}

function safeURL(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

/** Lower case, no brackets, no trailing dots (`localhost.` is `localhost`). */
function normaliseHost(host: string): string {
  let normal = host.toLowerCase();
  if (normal.startsWith('[') && normal.endsWith(']')) normal = normal.slice(1, -1);
  return normal.replace(/\.+$/, '');
}

function isLoopbackName(host: string): boolean {
  return host === 'localhost' || host.endsWith('.localhost');
}

function parseRange(entry: string): Range {
  const [base, bitsText] = entry.split('/') as [string, string];
  const parsed = parseAddress(base);
  const bits = Number(bitsText);
  const maxBits = parsed?.family === 4 ? 32 : 128;
  if (!parsed || !Number.isInteger(bits) || bits < 0 || bits > maxBits) {
    throw new Error(`allowedHosts: "${entry}" is not a valid IP range (address/prefix-length)`);
  }
  if (parsed.family === 4) {
    const size = 2 ** (32 - bits);
    const start = Math.floor(parsed.value / size) * size;
    return {
      family: 4,
      matches(address) {
        const candidate = parseAddress(address);
        return candidate?.family === 4 && candidate.value >= start && candidate.value < start + size;
      },
    };
  }
  const baseWords = parsed.words;
  return {
    family: 6,
    matches(address) {
      const candidate = parseAddress(address);
      if (candidate?.family !== 6) return false;
      let remaining = bits;
      for (let index = 0; index < 8 && remaining > 0; index++, remaining -= 16) {
        const take = Math.min(16, remaining);
        const mask = (0xffff << (16 - take)) & 0xffff;
        if ((candidate.words[index]! & mask) !== (baseWords[index]! & mask)) return false;
      }
      return true;
    },
  };
}
