import type { Usage } from '@switchyard/core';
import type { CacheWritePrices, ModelPrice } from './model-price.js';
import { priceVersionOf } from './model-price.js';

/**
 * Usage as cost needs it: core's normalised usage, plus the units that are not text tokens
 * and the split of cache writes by time to live when the provider reports it.
 */
export interface CostUsage extends Omit<Usage, 'total' | 'raw'> {
  total?: number;
  raw?: unknown;
  /** Cache-write tokens by TTL (`5m`, `1h`); their sum should equal `cacheWrite`. */
  cacheWriteByTtl?: Partial<Record<'5m' | '1h', number>>;
  /** Audio tokens, counted inside `input` / `output` too. */
  audioInput?: number;
  audioOutput?: number;
  imagesIn?: number;
  imagesOut?: number;
}

/** What one attempt cost, in USD, by kind; `priceVersion` names the price used. */
export interface CostBreakdown {
  currency: 'USD';
  total: number;
  input: number;
  cachedInput: number;
  cacheWrite: number;
  output: number;
  reasoning: number;
  audio: number;
  images: number;
  priceVersion: string;
}

const perMillion = 1_000_000;

/**
 * The cost of one attempt from the usage its adapter reported. Pure and synchronous: callers
 * (the request log, budgets) may run it on every request.
 */
export function computeCost(usage: CostUsage, price: ModelPrice): CostBreakdown {
  const rates = ratesFor(price, usage.input);
  const cachedTokens = usage.cachedInput ?? 0;
  const writeTokens = usage.cacheWrite ?? 0;
  const audioIn = price.audio?.input !== undefined ? usage.audioInput ?? 0 : 0;
  const audioOut = price.audio?.output !== undefined ? usage.audioOutput ?? 0 : 0;
  const plainInput = Math.max(0, usage.input - cachedTokens - writeTokens - audioIn);
  const reasoningTokens = rates.reasoning !== undefined ? usage.reasoning ?? 0 : 0;
  const plainOutput = Math.max(0, usage.output - reasoningTokens - audioOut);

  const input = (plainInput * rates.input) / perMillion;
  // A provider that lists no cached-input price bills those tokens as plain input.
  const cachedInput = (cachedTokens * (rates.cachedInput ?? rates.input)) / perMillion;
  const cacheWrite = cacheWriteCost(usage, writeTokens, rates.cacheWrite, rates.input);
  const output = (plainOutput * rates.output) / perMillion;
  const reasoning = (reasoningTokens * (rates.reasoning ?? rates.output)) / perMillion;
  const audio = (audioIn * (price.audio?.input ?? 0) + audioOut * (price.audio?.output ?? 0)) / perMillion;
  const images = (usage.imagesIn ?? 0) * (price.image?.inputPerImage ?? 0) + (usage.imagesOut ?? 0) * (price.image?.outputPerImage ?? 0);
  return {
    currency: 'USD',
    total: roundUsd(input + cachedInput + cacheWrite + output + reasoning + audio + images),
    input: roundUsd(input),
    cachedInput: roundUsd(cachedInput),
    cacheWrite: roundUsd(cacheWrite),
    output: roundUsd(output),
    reasoning: roundUsd(reasoning),
    audio: roundUsd(audio),
    images: roundUsd(images),
    priceVersion: versionOf(price),
  };
}

// Asked on every request for the same few prices: each price's version string is made once.
const versions = new WeakMap<ModelPrice, string>();
function versionOf(price: ModelPrice): string {
  let version = versions.get(price);
  if (version === undefined) versions.set(price, (version = priceVersionOf(price)));
  return version;
}

interface Rates {
  input: number;
  output: number;
  cachedInput?: number;
  cacheWrite?: CacheWritePrices;
  reasoning?: number;
}

function ratesFor(price: ModelPrice, promptTokens: number): Rates {
  const rates: Rates = { input: price.input, output: price.output };
  if (price.cachedInput !== undefined) rates.cachedInput = price.cachedInput;
  if (price.cacheWrite !== undefined) rates.cacheWrite = price.cacheWrite;
  if (price.reasoning !== undefined) rates.reasoning = price.reasoning;
  if (!price.tiers || price.tiers.length === 0) return rates;
  const tier = price.tiers
    .filter((candidate) => promptTokens > candidate.aboveInputTokens)
    .sort((a, b) => b.aboveInputTokens - a.aboveInputTokens)[0];
  if (!tier) return rates;
  return {
    input: tier.input ?? rates.input,
    output: tier.output ?? rates.output,
    ...((tier.cachedInput ?? rates.cachedInput) === undefined ? {} : { cachedInput: tier.cachedInput ?? rates.cachedInput }),
    ...((tier.cacheWrite ?? rates.cacheWrite) === undefined ? {} : { cacheWrite: { ...rates.cacheWrite, ...tier.cacheWrite } }),
    ...((tier.reasoning ?? rates.reasoning) === undefined ? {} : { reasoning: tier.reasoning ?? rates.reasoning }),
  };
}

function cacheWriteCost(usage: CostUsage, writeTokens: number, prices: CacheWritePrices | undefined, inputRate: number): number {
  if (writeTokens === 0) return 0;
  const fallback = prices?.default ?? prices?.['5m'] ?? inputRate;
  const byTtl = usage.cacheWriteByTtl;
  if (!byTtl) return (writeTokens * fallback) / perMillion;
  const fiveMinutes = byTtl['5m'] ?? 0;
  const oneHour = byTtl['1h'] ?? 0;
  const rest = Math.max(0, writeTokens - fiveMinutes - oneHour);
  return (fiveMinutes * (prices?.['5m'] ?? fallback) + oneHour * (prices?.['1h'] ?? fallback) + rest * fallback) / perMillion;
}

/** Costs are kept to a billionth of a dollar: enough for one token of the cheapest model, free of float noise. */
function roundUsd(value: number): number {
  return Math.round(value * 1e9) / 1e9;
}

/**
 * The cache-write split by TTL from the provider's raw usage, when it reports one (Anthropic's
 * `cache_creation.ephemeral_5m_input_tokens` / `ephemeral_1h_input_tokens`).
 */
export function cacheWriteByTtlFromRaw(raw: unknown): CostUsage['cacheWriteByTtl'] | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  const creation = (raw as Record<string, unknown>)['cache_creation'];
  if (!creation || typeof creation !== 'object') return undefined;
  const fields = creation as Record<string, unknown>;
  const split: NonNullable<CostUsage['cacheWriteByTtl']> = {};
  if (typeof fields['ephemeral_5m_input_tokens'] === 'number') split['5m'] = fields['ephemeral_5m_input_tokens'];
  if (typeof fields['ephemeral_1h_input_tokens'] === 'number') split['1h'] = fields['ephemeral_1h_input_tokens'];
  return Object.keys(split).length > 0 ? split : undefined;
}
