/**
 * Facts about Claude model families the request encoder needs. Ids are matched by prefix so
 * dated snapshots (`claude-sonnet-4-5-20250929`) and aliases (`claude-sonnet-4-5`) agree, and
 * so do the Bedrock / Vertex spellings that embed them (`anthropic.claude-sonnet-4-5-…`).
 */

/**
 * The "max output" column of https://docs.claude.com/en/docs/about-claude/models/overview,
 * used when a request gives no max_tokens (Anthropic requires it and has no default of its
 * own). The same figures @ai-sdk/anthropic applies. Most specific prefix first.
 */
const maxOutputTokensByFamily: ReadonlyArray<readonly [family: string, maxTokens: number]> = [
  ['claude-opus-4-6', 128_000],
  ['claude-sonnet-4-6', 64_000],
  ['claude-opus-4-5', 64_000],
  ['claude-sonnet-4-5', 64_000],
  ['claude-haiku-4-5', 64_000],
  ['claude-opus-4-1', 32_000],
  ['claude-opus-4', 32_000],
  ['claude-sonnet-4', 64_000],
  ['claude-3-7-sonnet', 64_000],
  ['claude-3-5-sonnet', 8_192],
  ['claude-3-5-haiku', 8_192],
  ['claude-3-', 4_096],
];

/** What older and unknown models all accept. */
export const fallbackMaxOutputTokens = 4_096;

export function defaultMaxTokensForModel(model: string): number {
  const id = model.toLowerCase();
  for (const [family, maxTokens] of maxOutputTokensByFamily) {
    if (id.includes(family)) return maxTokens;
  }
  return fallbackMaxOutputTokens;
}

// Since Opus 4.1 / Sonnet 4.5 / Haiku 4.5 the API refuses a request setting both: "`temperature`
// and `top_p` cannot both be specified for this model. Please use only one."
const temperatureOrTopPFamilies = /claude-(opus-4-[1-9]|sonnet-4-[5-9]|haiku-4-[5-9]|(opus|sonnet|haiku)-([5-9]|\d\d))(?!\d)/;

export function acceptsOnlyTemperatureOrTopP(model: string): boolean {
  return temperatureOrTopPFamilies.test(model.toLowerCase());
}
