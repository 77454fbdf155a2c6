import type { Usage } from '@switchyard/core';

/** Token counts → canonical usage; undefined when TGI gave neither. */
export function tgiUsage(input: number | undefined, output: number | undefined, raw: unknown): Usage | undefined {
  if (input === undefined && output === undefined) return undefined;
  return { input: input ?? 0, output: output ?? 0, total: (input ?? 0) + (output ?? 0), raw };
}
