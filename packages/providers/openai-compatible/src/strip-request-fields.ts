import type { Warning } from '@switchyard/core';

type Json = Record<string, unknown>;

/**
 * Deletes the field a dotted path names, through arrays (`messages.content.prompt_cache_breakpoint`
 * is that key on every part of every message), and returns one warning per value dropped, each
 * naming the exact place (`messages[2].content[0].prompt_cache_breakpoint`).
 */
export function stripRequestField(body: Json, path: string, providerName: string): Warning[] {
  const warnings: Warning[] = [];
  strip(body, path.split('.'), '', providerName, warnings);
  return warnings;
}

function strip(value: unknown, segments: string[], at: string, providerName: string, warnings: Warning[]): void {
  if (Array.isArray(value)) {
    value.forEach((item, index) => strip(item, segments, `${at}[${index}]`, providerName, warnings));
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  const object = value as Json;
  const [head, ...rest] = segments;
  if (head === undefined || !(head in object)) return;
  const place = at === '' ? head : `${at}.${head}`;
  if (rest.length > 0) return strip(object[head], rest, place, providerName, warnings);
  const dropped = object[head];
  delete object[head];
  // `null` is how several SDKs say "not given": nothing was lost.
  if (dropped === null || dropped === undefined) return;
  warnings.push({ type: 'unsupported-field', field: place, message: `${providerName} does not accept ${place}; it was dropped.` });
}
