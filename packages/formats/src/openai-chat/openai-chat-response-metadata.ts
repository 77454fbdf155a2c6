/** The providerMetadata key under which Chat Completions extras travel. */
export const openAIChatMetadataKey = 'openai-chat';

/**
 * What a Chat Completions answer carried with no canonical home, kept so that an OpenAI
 * client gets it back unchanged (logprobs, annotations, Azure content-filter results,
 * `x_groq`, further choices when n > 1 …).
 */
export interface OpenAIChatResponseMetadata {
  /** Unknown top-level keys of the response. */
  response?: Record<string, unknown>;
  /** `logprobs` and unknown keys of the first choice. */
  choice?: Record<string, unknown>;
  /** `annotations` and unknown keys of the first choice's message; `unknownContent` for content parts of unknown type. */
  message?: Record<string, unknown>;
  /** Choices after the first, verbatim. */
  additionalChoices?: unknown[];
}

/** Reads the metadata back, tolerating anything (providerMetadata is untyped across providers). */
export function readOpenAIChatResponseMetadata(providerMetadata: Record<string, unknown> | undefined): OpenAIChatResponseMetadata {
  const value = providerMetadata?.[openAIChatMetadataKey];
  if (typeof value !== 'object' || value === null) return {};
  const metadata = value as Record<string, unknown>;
  return {
    response: asRecord(metadata.response),
    choice: asRecord(metadata.choice),
    message: asRecord(metadata.message),
    additionalChoices: Array.isArray(metadata.additionalChoices) ? metadata.additionalChoices : undefined,
  };
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}
