import type { Usage } from '@switchyard/core';
import type { ModelPrices } from './cache-types.js';

/**
 * What the answer's tokens would have cost upstream, in USD, from the catalog's prices (per
 * million tokens). Cached input is priced at `cachedInput` where given. Undefined without prices.
 */
export function savedCostUsd(usage: Usage | undefined, prices: ModelPrices | undefined): number | undefined {
  if (!usage || !prices || (prices.input === undefined && prices.output === undefined)) return undefined;
  const cached = prices.cachedInput !== undefined ? (usage.cachedInput ?? 0) : 0;
  const cost = (usage.input - cached) * (prices.input ?? 0) + cached * (prices.cachedInput ?? 0) + usage.output * (prices.output ?? 0);
  return cost / 1_000_000;
}
