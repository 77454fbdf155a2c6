/**
 * The price of one model, in our own schema. Token prices are USD per million tokens.
 *
 * - `input` is charged on prompt tokens that were neither read from nor written to a prompt
 *   cache; `cachedInput` on tokens read from the cache; `cacheWrite` on tokens written to it,
 *   keyed by the cache's time to live (`default` when the provider names none, `5m`, `1h`).
 * - `reasoning` prices thinking tokens when the provider bills them apart; without it they are
 *   part of the output and cost `output`.
 * - `tiers` raise the prices of a whole request whose prompt is longer than `aboveInputTokens`
 *   (Gemini's and Claude's long-context pricing); the highest threshold passed wins.
 * - `image` and `audio` are the units that are not text tokens.
 */
export interface ModelPrice {
  provider: string;
  model: string;
  input: number;
  output: number;
  cachedInput?: number;
  cacheWrite?: CacheWritePrices;
  reasoning?: number;
  tiers?: PriceTier[];
  image?: ImagePrices;
  audio?: AudioPrices;
  /** The day these prices took effect (YYYY-MM-DD). */
  effectiveDate: string;
  /** Where the prices were read: the provider's pricing page, or `config` for an operator's override. */
  source: string;
}

export interface CacheWritePrices {
  default?: number;
  '5m'?: number;
  '1h'?: number;
}

export interface PriceTier {
  /** Applies when the prompt (all input tokens, cached included) is longer than this. */
  aboveInputTokens: number;
  input?: number;
  output?: number;
  cachedInput?: number;
  cacheWrite?: CacheWritePrices;
  reasoning?: number;
}

export interface ImagePrices {
  /** USD per image sent in a prompt. */
  inputPerImage?: number;
  /** USD per image generated. */
  outputPerImage?: number;
}

export interface AudioPrices {
  /** USD per million audio tokens in and out. */
  input?: number;
  output?: number;
}

/** A price, identified: what a log record keeps beside the cost it computed. */
export function priceVersionOf(price: ModelPrice): string {
  return `${price.provider}/${price.model}@${price.effectiveDate}${price.source === 'config' ? '+config' : ''}`;
}
