import type { ModelPrice, PriceTier } from './model-price.js';

/**
 * LiteLLM's `model_prices_and_context_window.json` → our price schema. LiteLLM gives USD per
 * token; we keep USD per million tokens. Its provider names differ from our adapter ids, so they
 * are mapped; entries of providers we do not bundle keep LiteLLM's name. Only chat, completion,
 * responses and embedding models are kept (image and audio generation are priced per unit elsewhere).
 */
export interface ConvertLiteLlmOptions {
  /** The day to record as the prices' effective date (LiteLLM's file has none); default today. */
  effectiveDate?: string;
  /** Where the file came from (its URL or path), recorded as every price's source. */
  source: string;
  /** Keep only these providers (our ids). */
  providers?: readonly string[];
}

export interface ConvertLiteLlmResult {
  prices: ModelPrice[];
  /** Entries left out, with why (no token price, an unsupported mode, …). */
  skipped: Array<{ key: string; reason: string }>;
}

const providerIds: Record<string, string> = {
  openai: 'openai',
  text_completion_openai: 'openai',
  anthropic: 'anthropic',
  gemini: 'google',
  'vertex_ai-language-models': 'vertex-ai',
  'vertex_ai-anthropic_models': 'vertex-ai',
  vertex_ai: 'vertex-ai',
  azure: 'azure-openai',
  bedrock: 'bedrock',
  bedrock_converse: 'bedrock',
  mistral: 'mistral',
  codestral: 'mistral',
  cohere_chat: 'cohere',
  cohere: 'cohere',
  groq: 'groq',
  deepseek: 'deepseek',
  xai: 'xai',
  together_ai: 'together',
  fireworks_ai: 'fireworks',
  perplexity: 'perplexity',
  cerebras: 'cerebras',
  deepinfra: 'deepinfra',
  openrouter: 'openrouter',
  sambanova: 'sambanova',
  nebius: 'nebius',
  novita: 'novita',
  hyperbolic: 'hyperbolic',
  dashscope: 'dashscope',
  moonshot: 'moonshot',
  ollama: 'ollama',
  nvidia_nim: 'nvidia-nim',
  featherless_ai: 'featherless',
  zai: 'zai',
};

const keptModes = new Set(['chat', 'completion', 'responses', 'embedding']);
const perMillion = 1_000_000;

export function convertLiteLlmPrices(file: unknown, options: ConvertLiteLlmOptions): ConvertLiteLlmResult {
  if (!file || typeof file !== 'object' || Array.isArray(file)) throw new TypeError('The LiteLLM price file must be a JSON object keyed by model.');
  const effectiveDate = options.effectiveDate ?? new Date().toISOString().slice(0, 10);
  const prices: ModelPrice[] = [];
  const skipped: ConvertLiteLlmResult['skipped'] = [];
  for (const [key, raw] of Object.entries(file as Record<string, unknown>)) {
    if (key === 'sample_spec') continue;
    if (!raw || typeof raw !== 'object') {
      skipped.push({ key, reason: 'not an object' });
      continue;
    }
    const entry = raw as Record<string, unknown>;
    const litellmProvider = typeof entry.litellm_provider === 'string' ? entry.litellm_provider : undefined;
    if (!litellmProvider) {
      skipped.push({ key, reason: 'no litellm_provider' });
      continue;
    }
    const mode = typeof entry.mode === 'string' ? entry.mode : 'chat';
    if (!keptModes.has(mode)) {
      skipped.push({ key, reason: `mode ${mode}` });
      continue;
    }
    const input = perToken(entry.input_cost_per_token);
    const output = perToken(entry.output_cost_per_token) ?? (mode === 'embedding' ? 0 : undefined);
    if (input === undefined || output === undefined) {
      skipped.push({ key, reason: 'no per-token price' });
      continue;
    }
    const provider = providerIds[litellmProvider] ?? litellmProvider;
    if (options.providers && !options.providers.includes(provider)) continue;
    // Keys repeat the provider for non-OpenAI entries (`gemini/gemini-2.5-pro`, `groq/llama-…`).
    const model = key.startsWith(`${litellmProvider}/`) ? key.slice(litellmProvider.length + 1) : key;
    const price: ModelPrice = { provider, model, input, output, effectiveDate, source: options.source };
    const cachedInput = perToken(entry.cache_read_input_token_cost);
    if (cachedInput !== undefined) price.cachedInput = cachedInput;
    const write5m = perToken(entry.cache_creation_input_token_cost);
    const write1h = perToken(entry.cache_creation_input_token_cost_above_1hr);
    if (write5m !== undefined || write1h !== undefined) {
      price.cacheWrite = {};
      if (write5m !== undefined) {
        price.cacheWrite.default = write5m;
        price.cacheWrite['5m'] = write5m;
      }
      if (write1h !== undefined) price.cacheWrite['1h'] = write1h;
    }
    const reasoning = perToken(entry.output_cost_per_reasoning_token);
    if (reasoning !== undefined) price.reasoning = reasoning;
    const tiers = tiersOf(entry);
    if (tiers.length > 0) price.tiers = tiers;
    const audioIn = perToken(entry.input_cost_per_audio_token);
    const audioOut = perToken(entry.output_cost_per_audio_token);
    if (audioIn !== undefined || audioOut !== undefined) price.audio = { ...(audioIn === undefined ? {} : { input: audioIn }), ...(audioOut === undefined ? {} : { output: audioOut }) };
    const imageIn = typeof entry.input_cost_per_image === 'number' ? entry.input_cost_per_image : undefined;
    const imageOut = typeof entry.output_cost_per_image === 'number' ? entry.output_cost_per_image : undefined;
    if (imageIn !== undefined || imageOut !== undefined) price.image = { ...(imageIn === undefined ? {} : { inputPerImage: imageIn }), ...(imageOut === undefined ? {} : { outputPerImage: imageOut }) };
    prices.push(price);
  }
  return { prices, skipped };
}

// `input_cost_per_token_above_200k_tokens`, `output_cost_per_token_above_128k_tokens`, …
function tiersOf(entry: Record<string, unknown>): PriceTier[] {
  const byThreshold = new Map<number, PriceTier>();
  for (const [field, value] of Object.entries(entry)) {
    const match = /^(input|output|cache_read_input|cache_creation_input)_(?:cost_per_)?token(?:_cost)?_above_(\d+)k_tokens$/.exec(field);
    const price = perToken(value);
    if (!match || price === undefined) continue;
    const threshold = Number(match[2]) * 1000;
    const tier = byThreshold.get(threshold) ?? { aboveInputTokens: threshold };
    if (match[1] === 'input') tier.input = price;
    else if (match[1] === 'output') tier.output = price;
    else if (match[1] === 'cache_read_input') tier.cachedInput = price;
    else tier.cacheWrite = { default: price, '5m': price };
    byThreshold.set(threshold, tier);
  }
  return [...byThreshold.values()].sort((a, b) => a.aboveInputTokens - b.aboveInputTokens);
}

function perToken(value: unknown): number | undefined {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) return undefined;
  // Per token → per million, rounded to kill float noise (3e-6 * 1e6 = 2.9999999999999996).
  return Math.round(value * perMillion * 1e6) / 1e6;
}
