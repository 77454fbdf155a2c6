/** The model makers whose request extras differ on Bedrock (`additionalModelRequestFields`). */
export type BedrockModelFamily = 'anthropic' | 'amazon-nova' | 'openai' | 'other';

/**
 * Tells the maker from a Bedrock model id: a base id (`anthropic.claude-…`), a cross-region
 * inference profile (`us.anthropic.…`, `global.…`), or an ARN ending in either. An application
 * inference profile ARN names no model, so it is `other`; its extras go in
 * `providerOptions.bedrock.additionalModelRequestFields`.
 */
export function bedrockModelFamily(modelId: string): BedrockModelFamily {
  const name = modelId.slice(modelId.lastIndexOf('/') + 1).toLowerCase();
  const maker = /^(?:[a-z]{2,6}(?:-[a-z]+)?\.)?([a-z0-9-]+)\.([a-z0-9-]+)/.exec(name);
  if (!maker) return 'other';
  const [, vendor, model] = maker;
  if (vendor === 'anthropic') return 'anthropic';
  if (vendor === 'amazon' && model!.startsWith('nova')) return 'amazon-nova';
  if (vendor === 'openai') return 'openai';
  return 'other';
}
