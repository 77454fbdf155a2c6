/** The providerMetadata key under which Responses extras travel. */
export const openAIResponsesMetadataKey = 'openai-responses';

/** One output item as it came, minus what the canonical content holds, and how many canonical parts it became. */
export interface OpenAIResponsesOutputSkeleton {
  parts: number;
  item: Record<string, unknown>;
}

/**
 * What a Responses answer carried with no canonical home, kept so that a Responses client
 * gets it back unchanged: the request echo (instructions, tools, text, reasoning, store …),
 * billing, Azure's content_filters, and each output item's id, status, phase, annotations and
 * logprobs — or the whole item when it has no canonical form (web_search_call …).
 */
export interface OpenAIResponsesResponseMetadata {
  /** Top-level keys of the response with no canonical home. */
  response?: Record<string, unknown>;
  /** The output items in order (see decode-openai-responses-response.ts). */
  output?: OpenAIResponsesOutputSkeleton[];
}

/** Reads the metadata back, tolerating anything (providerMetadata is untyped across providers). */
export function readOpenAIResponsesResponseMetadata(providerMetadata: Record<string, unknown> | undefined): OpenAIResponsesResponseMetadata {
  const value = providerMetadata?.[openAIResponsesMetadataKey];
  if (!isRecord(value)) return {};
  const metadata: OpenAIResponsesResponseMetadata = {};
  if (isRecord(value.response)) metadata.response = value.response;
  if (Array.isArray(value.output) && value.output.every((entry) => isRecord(entry) && typeof entry.parts === 'number' && isRecord(entry.item))) {
    metadata.output = value.output as OpenAIResponsesOutputSkeleton[];
  }
  return metadata;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
