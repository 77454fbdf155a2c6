/** The embedding model families InvokeModel is translated for. */
export type BedrockEmbeddingFamily = 'titan-text-v1' | 'titan-text-v2' | 'titan-multimodal' | 'cohere';

/**
 * The family of a Bedrock embedding model id: a base id (`amazon.titan-embed-text-v2:0`), a
 * cross-region profile (`us.cohere.embed-v4:0`) or an ARN ending in either. Undefined for other models.
 */
export function bedrockEmbeddingFamily(modelId: string): BedrockEmbeddingFamily | undefined {
  const name = modelId.slice(modelId.lastIndexOf('/') + 1).toLowerCase();
  if (/(^|\.)amazon\.titan-embed-image/.test(name)) return 'titan-multimodal';
  if (/(^|\.)amazon\.titan-embed-text-v2/.test(name)) return 'titan-text-v2';
  if (/(^|\.)amazon\.titan-embed-(text-v1|g1-text)/.test(name)) return 'titan-text-v1';
  if (/(^|\.)cohere\.embed-/.test(name)) return 'cohere';
  return undefined;
}

/** Titan Image Generator (v1, v2) and Nova Canvas share the TEXT_IMAGE body. */
export function isTitanImageModel(modelId: string): boolean {
  const name = modelId.slice(modelId.lastIndexOf('/') + 1).toLowerCase();
  return /(^|\.)amazon\.(titan-image-generator|nova-canvas)/.test(name);
}
