import type { ModelPrice } from './model-price.js';

/**
 * The prices shipped with the gateway for the bundled providers' current models, written from
 * each provider's public pricing page as the project last read it (see `shippedCatalogDate`).
 * Prices change: operators refresh them with `switchyard prices convert` (LiteLLM's price file)
 * or override single entries in the config.
 */
export const shippedCatalogDate = '2025-11-25';

const openai = 'https://openai.com/api/pricing/';
const anthropic = 'https://www.anthropic.com/pricing#api';
const google = 'https://ai.google.dev/gemini-api/docs/pricing';
const mistral = 'https://mistral.ai/pricing#api-pricing';
const deepseek = 'https://api-docs.deepseek.com/quick_start/pricing';
const xai = 'https://docs.x.ai/docs/models';
const groq = 'https://groq.com/pricing';
const cohere = 'https://cohere.com/pricing';

// Anthropic bills cache writes at 1.25× input for the 5-minute cache and 2× for the 1-hour one,
// cache reads at 0.1× input.
const usd = (value: number): number => Math.round(value * 1e6) / 1e6;

function claude(model: string, input: number, output: number, effectiveDate: string, longContext = false): ModelPrice {
  const price: ModelPrice = {
    provider: 'anthropic',
    model,
    input,
    output,
    cachedInput: usd(input * 0.1),
    cacheWrite: { default: usd(input * 1.25), '5m': usd(input * 1.25), '1h': usd(input * 2) },
    effectiveDate,
    source: anthropic,
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

export const shippedPrices: readonly ModelPrice[] = [
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
  { provider: 'google', model: 'gemini-2.5-flash', input: 0.3, output: 2.5, cachedInput: 0.03, audio: { input: 1 }, effectiveDate: '2025-06-17', source: google },
  { provider: 'google', model: 'gemini-2.5-flash-lite', input: 0.1, output: 0.4, cachedInput: 0.01, audio: { input: 0.3 }, effectiveDate: '2025-07-22', source: google },
  { provider: 'google', model: 'gemini-2.0-flash', input: 0.1, output: 0.4, cachedInput: 0.025, audio: { input: 0.7 }, effectiveDate: '2025-02-05', source: google },

  plain('mistral', 'mistral-large-latest', 2, 6, '2024-11-18', mistral),
  plain('mistral', 'mistral-medium-latest', 0.4, 2, '2025-05-07', mistral),
  plain('mistral', 'mistral-small-latest', 0.1, 0.3, '2025-03-17', mistral),
  plain('mistral', 'codestral-latest', 0.3, 0.9, '2025-01-13', mistral),

  // DeepSeek's cache hits are its cached input; misses the plain input.
  plain('deepseek', 'deepseek-chat', 0.28, 0.42, '2025-09-29', deepseek, 0.028),
  plain('deepseek', 'deepseek-reasoner', 0.28, 0.42, '2025-09-29', deepseek, 0.028),

  plain('xai', 'grok-4', 3, 15, '2025-07-09', xai, 0.75),
  plain('xai', 'grok-3-mini', 0.3, 0.5, '2025-04-09', xai, 0.075),

  plain('groq', 'llama-3.3-70b-versatile', 0.59, 0.79, '2024-12-06', groq),
  plain('groq', 'llama-3.1-8b-instant', 0.05, 0.08, '2024-07-23', groq),

  plain('cohere', 'command-a-03-2025', 2.5, 10, '2025-03-13', cohere),
  plain('cohere', 'command-r-plus-08-2024', 2.5, 10, '2024-08-30', cohere),
  plain('cohere', 'command-r-08-2024', 0.15, 0.6, '2024-08-30', cohere),
];
