/**
 * The wait an upstream asks for, in ms, from the headers Portkey honours: `retry-after-ms`,
 * `x-ms-retry-after-ms` (Azure), then `retry-after` in seconds or as an HTTP date. Undefined when
 * none is present and valid.
 */
export function retryAfterDelayMs(headers: Readonly<Record<string, string>>, nowMs: number): number | undefined {
  const milliseconds = readHeader(headers, 'retry-after-ms') ?? readHeader(headers, 'x-ms-retry-after-ms');
  if (milliseconds !== undefined) {
    const value = Number(milliseconds.trim());
    if (Number.isFinite(value) && value >= 0) return value;
  }
  const retryAfter = readHeader(headers, 'retry-after')?.trim();
  if (!retryAfter) return undefined;
  if (/^\d+(\.\d+)?$/.test(retryAfter)) return Number(retryAfter) * 1000;
  const date = Date.parse(retryAfter);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - nowMs);
}

function readHeader(headers: Readonly<Record<string, string>>, name: string): string | undefined {
  const direct = headers[name];
  if (direct !== undefined) return direct;
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === name) return value;
  }
  return undefined;
}
