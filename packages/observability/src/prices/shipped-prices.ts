import type { ModelPrice, PriceTier } from './model-price.js';

/**
 * The prices shipped with the gateway for the bundled providers' current models. The first list
 * was written from each provider's public pricing page (2025-11-25); on `shippedCatalogDate`
 * every entry was checked against LiteLLM's public price file at one commit (`litellm` below),
 * Mistral's `-latest` aliases (which now name newer models) were corrected, and models released
 * since were added from that file, which is then their `source`. An added model's effective date
 * is the release date its dated id carries, or the day the file was read when it carries none.
 * Prices change: operators refresh them with `switchyard prices convert` (LiteLLM's price file)
 * or override single entries in the config.
 */
export const shippedCatalogDate = '2026-11-27';

const openai = 'https://openai.com/api/pricing/';
const anthropic = 'https://www.anthropic.com/pricing#api';
const google = 'https://ai.google.dev/gemini-api/docs/pricing';
const mistral = 'https://mistral.ai/pricing#api-pricing';
const deepseek = 'https://api-docs.deepseek.com/quick_start/pricing';
const xai = 'https://docs.x.ai/docs/models';
const groq = 'https://groq.com/pricing';
const cohere = 'https://cohere.com/pricing';
const litellm = 'https://github.com/BerriAI/litellm/blob/00035b69f416be24e2e323c13198d9b7d2d1bdf9/model_prices_and_context_window.json';
const read = shippedCatalogDate;

// Anthropic bills cache writes at 1.25× input for the 5-minute cache and 2× for the 1-hour one,
// cache reads at 0.1× input.
const usd = (value: number): number => Math.round(value * 1e6) / 1e6;

function claude(model: string, input: number, output: number, effectiveDate: string, longContext = false, source = anthropic): ModelPrice {
  const price: ModelPrice = {
    provider: 'anthropic',
    model,
    input,
    output,
    cachedInput: usd(input * 0.1),
    cacheWrite: { default: usd(input * 1.25), '5m': usd(input * 1.25), '1h': usd(input * 2) },
    effectiveDate,
    source,
  };
  // Prompts over 200k tokens (1M-context beta) cost twice the input and 1.5× the output.
  if (longContext) {
    price.tiers = [
      {
        aboveInputTokens: 200_000,
        input: usd(input * 2),
        output: usd(output * 1.5),
        cachedInput: usd(input * 0.2),
        cacheWrite: { default: usd(input * 2.5), '5m': usd(input * 2.5), '1h': usd(input * 4) },
      },
    ];
  }
  return price;
}

function plain(provider: string, model: string, input: number, output: number, effectiveDate: string, source: string, cachedInput?: number): ModelPrice {
  return { provider, model, input, output, ...(cachedInput === undefined ? {} : { cachedInput }), effectiveDate, source };
}

/** A price from LiteLLM's file whose whole request costs more past a prompt length (OpenAI's 272k, xAI's 128k and 200k). */
function tiered(provider: string, model: string, base: [input: number, output: number, cachedInput: number], above: number, long: [input: number, output: number, cachedInput?: number], effectiveDate: string): ModelPrice {
  const [input, output, cachedInput] = base;
  const tier: PriceTier = { aboveInputTokens: above, input: long[0], output: long[1] };
  if (long[2] !== undefined) tier.cachedInput = long[2];
  return { provider, model, input, output, cachedInput, tiers: [tier], effectiveDate, source: litellm };
}

export const shippedPrices: readonly ModelPrice[] = [
  tiered('openai', 'gpt-5.5', [5, 30, 0.5], 272_000, [10, 45, 1], '2026-04-23'),
  tiered('openai', 'gpt-5.4', [2.5, 15, 0.25], 272_000, [5, 22.5, 0.5], '2026-03-05'),
  plain('openai', 'gpt-5.4-mini', 0.75, 4.5, '2026-03-17', litellm, 0.075),
  plain('openai', 'gpt-5.4-nano', 0.2, 1.25, '2026-03-17', litellm, 0.02),
  plain('openai', 'gpt-5.2', 1.75, 14, '2025-12-11', litellm, 0.175),
  plain('openai', 'gpt-5.1', 1.25, 10, '2025-11-13', litellm, 0.125),
  plain('openai', 'gpt-5', 1.25, 10, '2025-08-07', openai, 0.125),
  plain('openai', 'gpt-5-mini', 0.25, 2, '2025-08-07', openai, 0.025),
  plain('openai', 'gpt-5-nano', 0.05, 0.4, '2025-08-07', openai, 0.005),
  plain('openai', 'gpt-4.1', 2, 8, '2025-04-14', openai, 0.5),
  plain('openai', 'gpt-4.1-mini', 0.4, 1.6, '2025-04-14', openai, 0.1),
  plain('openai', 'gpt-4.1-nano', 0.1, 0.4, '2025-04-14', openai, 0.025),
  plain('openai', 'gpt-4o', 2.5, 10, '2024-08-06', openai, 1.25),
  plain('openai', 'gpt-4o-mini', 0.15, 0.6, '2024-07-18', openai, 0.075),
  plain('openai', 'o3', 2, 8, '2025-06-10', openai, 0.5),
  plain('openai', 'o4-mini', 1.1, 4.4, '2025-04-16', openai, 0.275),
  plain('openai', 'o3-mini', 1.1, 4.4, '2025-01-31', openai, 0.55),
  plain('openai', 'text-embedding-3-small', 0.02, 0, '2024-01-25', openai),
  plain('openai', 'text-embedding-3-large', 0.13, 0, '2024-01-25', openai),

  claude('claude-opus-4-8', 5, 25, read, false, litellm),
  claude('claude-opus-4-7', 5, 25, '2026-04-16', false, litellm),
  claude('claude-opus-4-6', 5, 25, '2026-02-05', false, litellm),
  claude('claude-sonnet-5', 2, 10, read, false, litellm),
  claude('claude-sonnet-4-6', 3, 15, read, false, litellm),
  claude('claude-opus-4-5', 5, 25, '2025-11-24'),
  claude('claude-opus-4-1', 15, 75, '2025-08-05'),
  claude('claude-opus-4', 15, 75, '2025-05-22'),
  claude('claude-sonnet-4-5', 3, 15, '2025-09-29', true),
  claude('claude-sonnet-4', 3, 15, '2025-05-22', true),
  claude('claude-3-7-sonnet', 3, 15, '2025-02-24'),
  claude('claude-haiku-4-5', 1, 5, '2025-10-15'),
  claude('claude-3-5-haiku', 0.8, 4, '2024-11-04'),

  {
    provider: 'google',
    model: 'gemini-2.5-pro',
    input: 1.25,
    output: 10,
    cachedInput: 0.125,
    tiers: [{ aboveInputTokens: 200_000, input: 2.5, output: 15, cachedInput: 0.25 }],
    effectiveDate: '2025-06-17',
    source: google,
  },
  {
    provider: 'google',
    model: 'gemini-3.1-pro-preview',
    input: 2,
    output: 12,
    cachedInput: 0.2,
    tiers: [{ aboveInputTokens: 200_000, input: 4, output: 18, cachedInput: 0.4 }],
    effectiveDate: read,
    source: litellm,
  },
  { provider: 'google', model: 'gemini-3.5-flash', input: 1.5, output: 9, cachedInput: 0.15, audio: { input: 1 }, effectiveDate: read, source: litellm },
  { provider: 'google', model: 'gemini-3-flash-preview', input: 0.5, output: 3, cachedInput: 0.05, audio: { input: 1 }, effectiveDate: read, source: litellm },
  { provider: 'google', model: 'gemini-3.1-flash-lite', input: 0.25, output: 1.5, cachedInput: 0.025, audio: { input: 0.5 }, effectiveDate: read, source: litellm },
  { provider: 'google', model: 'gemini-2.5-flash', input: 0.3, output: 2.5, cachedInput: 0.03, audio: { input: 1 }, effectiveDate: '2025-06-17', source: google },
  { provider: 'google', model: 'gemini-2.5-flash-lite', input: 0.1, output: 0.4, cachedInput: 0.01, audio: { input: 0.3 }, effectiveDate: '2025-07-22', source: google },
  { provider: 'google', model: 'gemini-2.0-flash', input: 0.1, output: 0.4, cachedInput: 0.025, audio: { input: 0.7 }, effectiveDate: '2025-02-05', source: google },

  // The `-latest` aliases follow Mistral's newest model of each line (Large 3, Medium 3.5): their
  // prices are the new model's; the dated ids keep the prices of theirs.
  plain('mistral', 'mistral-large-latest', 0.5, 1.5, read, litellm),
  plain('mistral', 'mistral-large-2411', 2, 6, '2024-11-18', mistral),
  plain('mistral', 'mistral-medium-latest', 1.5, 7.5, read, litellm),
  plain('mistral', 'mistral-medium-2508', 0.4, 2, read, litellm),
  plain('mistral', 'mistral-small-latest', 0.06, 0.18, read, litellm),
  plain('mistral', 'codestral-latest', 0.3, 0.9, '2025-01-13', mistral),
  plain('mistral', 'devstral-latest', 0.4, 2, read, litellm),
  plain('mistral', 'magistral-medium-latest', 2, 5, read, litellm),

  // DeepSeek's cache hits are its cached input; misses the plain input.
  plain('deepseek', 'deepseek-chat', 0.28, 0.42, '2025-09-29', deepseek, 0.028),
  plain('deepseek', 'deepseek-reasoner', 0.28, 0.42, '2025-09-29', deepseek, 0.028),

  tiered('xai', 'grok-4.5', [2, 6, 0.5], 200_000, [4, 12, 1], read),
  tiered('xai', 'grok-4.3', [1.25, 2.5, 0.2], 200_000, [2.5, 5, 0.4], read),
  tiered('xai', 'grok-4-1-fast', [0.2, 0.5, 0.05], 128_000, [0.4, 1], read),
  plain('xai', 'grok-code-fast', 0.2, 1.5, read, litellm, 0.02),
  plain('xai', 'grok-4', 3, 15, '2025-07-09', xai, 0.75),
  plain('xai', 'grok-3-mini', 0.3, 0.5, '2025-04-09', xai, 0.075),

  plain('groq', 'llama-3.3-70b-versatile', 0.59, 0.79, '2024-12-06', groq),
  plain('groq', 'llama-3.1-8b-instant', 0.05, 0.08, '2024-07-23', groq),
  plain('groq', 'openai/gpt-oss-120b', 0.15, 0.6, read, litellm, 0.075),
  plain('groq', 'openai/gpt-oss-20b', 0.075, 0.3, read, litellm, 0.0375),

  plain('cohere', 'command-a-03-2025', 2.5, 10, '2025-03-13', cohere),
  plain('cohere', 'command-r-plus-08-2024', 2.5, 10, '2024-08-30', cohere),
  plain('cohere', 'command-r-08-2024', 0.15, 0.6, '2024-08-30', cohere),
];
