/** An image generation call, normalised from OpenAI's `POST /v1/images/generations`. */
export interface ImageGenerationRequest {
  model: string;
  prompt: string;
  n?: number;
  /** `WIDTHxHEIGHT` as OpenAI spells it (`1024x1024`), or `auto`. */
  size?: string;
  quality?: string;
  style?: string;
  /** How the client wants each image: a URL or base64 bytes. */
  responseFormat?: 'url' | 'b64_json';
  /** `png`, `jpeg` or `webp` (gpt-image models). */
  outputFormat?: string;
  background?: string;
  user?: string;
  /** Fields with no canonical home, for adapters that understand them (`negative_prompt`, `seed`). */
  extra: Record<string, unknown>;
}

export interface GeneratedImage {
  /** Base64 bytes, when the provider returned the image itself. */
  base64?: string;
  /** A URL the provider hosts, when it returned one. */
  url?: string;
  mediaType?: string;
  revisedPrompt?: string;
}

export interface ImageGenerationResponse {
  /** Unix seconds. */
  created: number;
  images: GeneratedImage[];
  usage?: { input?: number; output?: number; total?: number; raw?: unknown };
}
