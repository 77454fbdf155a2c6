import type { Warning } from '@switchyard/core';

/**
 * Warnings travel in the `x-switchyard-warnings` header as a JSON array. Header values must
 * be ASCII, so anything else is written as a JSON \u escape (still valid JSON).
 */
export function encodeWarningsHeader(warnings: readonly Warning[]): string {
  return JSON.stringify(warnings).replace(/[^\x20-\x7e]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
