import type { EndpointId } from './endpoint-id.js';

/** What an adapter's chat operation can do; the gateway warns or refuses based on it. */
export interface ChatCapabilities {
  streaming: boolean;
  tools: boolean;
  parallelTools: boolean;
  images: boolean;
  /** PDF / document input */
  files: boolean;
  audio: boolean;
  reasoning: boolean;
  jsonObject: boolean;
  jsonSchema: boolean;
}

/** `chat` details its features; `endpoints` lists the other OpenAI endpoints the adapter serves. */
export interface ProviderCapabilities {
  chat?: ChatCapabilities;
  /**
   * Served either by a translated operation (`embeddings`, `images`, `moderations`, `batches` on
   * the adapter) or, for the rest, by `proxy`. A request for an endpoint not listed gets a 400.
   */
  endpoints?: readonly EndpointId[];
}
