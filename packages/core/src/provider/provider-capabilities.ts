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

/** Per endpoint: `chat` details its features; the others are simply supported or not. */
export interface ProviderCapabilities {
  chat?: ChatCapabilities;
  embeddings?: boolean;
  images?: boolean;
  audio?: boolean;
  moderations?: boolean;
  files?: boolean;
  batches?: boolean;
  fineTuning?: boolean;
}
