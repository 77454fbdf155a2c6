/** The providerMetadata key under which Messages extras travel. */
export const anthropicMessagesMetadataKey = 'anthropic-messages';

/**
 * What a Messages answer carried with no canonical home, kept so that an Anthropic client
 * gets it back unchanged.
 */
export interface AnthropicMessagesResponseMetadata {
  /** Which stop sequence ended the answer, when `stop_reason` is `stop_sequence`. */
  stopSequence?: string;
  /** Unknown top-level keys of the message (`container`, `stop_details`, `context_management` …). */
  response?: Record<string, unknown>;
  /** Citations of text parts, by the part's index in the canonical content. */
  citations?: Array<{ index: number; citations: unknown[] }>;
  /** Blocks with no canonical part (server tool use and results …), by their index in the Messages content. */
  otherContent?: Array<{ index: number; block: Record<string, unknown> }>;
}

/** Reads the metadata back, tolerating anything (providerMetadata is untyped across providers). */
export function readAnthropicMessagesResponseMetadata(providerMetadata: Record<string, unknown> | undefined): AnthropicMessagesResponseMetadata {
  const value = providerMetadata?.[anthropicMessagesMetadataKey];
  if (typeof value !== 'object' || value === null) return {};
  const metadata = value as Record<string, unknown>;
  const read: AnthropicMessagesResponseMetadata = {};
  if (typeof metadata.stopSequence === 'string') read.stopSequence = metadata.stopSequence;
  if (isRecord(metadata.response)) read.response = metadata.response;
  if (Array.isArray(metadata.citations)) read.citations = metadata.citations as AnthropicMessagesResponseMetadata['citations'];
  if (Array.isArray(metadata.otherContent)) read.otherContent = metadata.otherContent as AnthropicMessagesResponseMetadata['otherContent'];
  return read;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
