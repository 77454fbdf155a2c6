import { isIP } from 'node:net';

/** What kind of network an IP address belongs to, for SSRF decisions. */
export type AddressClass = 'loopback' | 'private' | 'link-local' | 'unspecified' | 'reserved' | 'public';

/**
 * Classifies an IP address written in any form Node's resolver or the WHATWG URL parser
 * produce: dotted IPv4, IPv6 (compressed or not), IPv4-mapped / -compatible IPv6
 * (`::ffff:7f00:1`), with or without brackets. Metadata endpoints (169.254.169.254,
 * fd00:ec2::254) fall under link-local / private.
 */
export function classifyAddress(address: string): AddressClass | undefined {
  const bare = address.startsWith('[') && address.endsWith(']') ? address.slice(1, -1) : address;
  const family = isIP(bare);
  if (family === 4) return classifyIPv4(parseIPv4(bare));
  if (family === 6) {
    const words = parseIPv6(bare.split('%')[0]!);
    if (!words) return undefined;
    const mapped = embeddedIPv4(words);
    if (mapped !== undefined) return classifyIPv4(mapped);
    return classifyIPv6(words);
  }
  return undefined;
}

/** The address as 32-bit IPv4 or eight 16-bit IPv6 words, for CIDR matching. */
export function parseAddress(address: string): { family: 4; value: number } | { family: 6; words: number[] } | undefined {
  const bare = address.startsWith('[') && address.endsWith(']') ? address.slice(1, -1) : address;
  const family = isIP(bare);
  if (family === 4) return { family: 4, value: parseIPv4(bare) };
  if (family === 6) {
    const words = parseIPv6(bare.split('%')[0]!);
    if (!words) return undefined;
    const mapped = embeddedIPv4(words);
    return mapped !== undefined ? { family: 4, value: mapped } : { family: 6, words };
  }
  return undefined;
}

function parseIPv4(address: string): number {
  return address.split('.').reduce((value, octet) => value * 256 + Number(octet), 0);
}

function parseIPv6(address: string): number[] | undefined {
  let text = address.toLowerCase();
  // A trailing dotted quad (`::ffff:127.0.0.1`) becomes two words.
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    const value = parseIPv4(dotted[1]!);
    text = `${text.slice(0, dotted.index)}${((value >>> 16) & 0xffff).toString(16)}:${(value & 0xffff).toString(16)}`;
  }
  const [head, tail] = text.split('::') as [string, string | undefined];
  const headWords = head ? head.split(':') : [];
  const tailWords = tail ? tail.split(':') : [];
  const missing = 8 - headWords.length - tailWords.length;
  if (tail === undefined && missing !== 0) return undefined;
  const words = [...headWords, ...Array<string>(Math.max(missing, 0)).fill('0'), ...tailWords].map((word) => Number.parseInt(word, 16));
  return words.length === 8 && words.every((word) => Number.isInteger(word) && word >= 0 && word <= 0xffff) ? words : undefined;
}

/** IPv4-mapped (`::ffff:a.b.c.d`) and IPv4-compatible (`::a.b.c.d`) addresses reach the IPv4 host. */
function embeddedIPv4(words: number[]): number | undefined {
  const zeroPrefix = words.slice(0, 5).every((word) => word === 0);
  if (!zeroPrefix) return undefined;
  if (words[5] === 0xffff || (words[5] === 0 && (words[6] !== 0 || words[7]! > 1))) return words[6]! * 0x10000 + words[7]!;
  return undefined;
}

function inRange(value: number, base: string, bits: number): boolean {
  const size = 2 ** (32 - bits);
  const start = parseIPv4(base);
  return value >= start && value < start + size;
}

function classifyIPv4(value: number): AddressClass {
  if (inRange(value, '127.0.0.0', 8)) return 'loopback';
  if (inRange(value, '0.0.0.0', 8)) return 'unspecified';
  if (inRange(value, '169.254.0.0', 16)) return 'link-local';
  if (inRange(value, '10.0.0.0', 8) || inRange(value, '172.16.0.0', 12) || inRange(value, '192.168.0.0', 16) || inRange(value, '100.64.0.0', 10)) {
    return 'private';
  }
  // Benchmarking, documentation, multicast and the rest of class E: never a model server.
  if (inRange(value, '198.18.0.0', 15) || inRange(value, '192.0.0.0', 24) || inRange(value, '224.0.0.0', 3)) return 'reserved';
  return 'public';
}

function classifyIPv6(words: number[]): AddressClass {
  if (words.every((word, index) => word === (index === 7 ? 1 : 0))) return 'loopback';
  if (words.every((word) => word === 0)) return 'unspecified';
  const first = words[0]!;
  if ((first & 0xffc0) === 0xfe80) return 'link-local';
  if ((first & 0xfe00) === 0xfc00) return 'private'; // unique local, incl. AWS's fd00:ec2::254 metadata
  if ((first & 0xff00) === 0xff00) return 'reserved'; // multicast
  // NAT64 (64:ff9b::/96) and 6to4 (2002::/16) can wrap any IPv4 address, private ones included.
  if (first === 0x64 && words[1] === 0xff9b) return classifyIPv4(words[6]! * 0x10000 + words[7]!);
  if (first === 0x2002) return classifyIPv4(words[1]! * 0x10000 + words[2]!);
  return 'public';
}
