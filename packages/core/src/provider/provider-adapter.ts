import type { ChatRequest } from '../canonical/chat-request.js';
import type { ChatResponse } from '../canonical/chat-response.js';
import type { StreamEvent } from '../canonical/stream-event.js';
import type { Warning } from '../canonical/warning.js';
import type { HttpTimeouts, HttpTransport } from '../http/http-types.js';
import type { ProviderCapabilities } from './provider-capabilities.js';
import type { SpecificationVersion } from './specification-version.js';
import type { WireFormat } from './wire-format.js';
import type { EndpointId } from './endpoint-id.js';
import type { BatchOperations } from '../endpoints/batch.js';
import type { EmbeddingRequest, EmbeddingResponse } from '../endpoints/embedding.js';
import type { ImageGenerationRequest, ImageGenerationResponse } from '../endpoints/image-generation.js';
import type { ModerationRequest, ModerationResponse } from '../endpoints/moderation.js';

/**
 * Settings of one provider instance (a catalog entry or a request's headers): credentials,
 * base URL, extra headers, and adapter-specific options (region, api version, …).
 * Adapters never read `process.env`: the gateway maps the environment to settings once.
 */
export interface ProviderSettings {
  apiKey?: string;
  /** Replaces the provider's default base URL (Portkey's `custom_host`). */
  baseURL?: string;
  /** Extra headers sent on every upstream call. */
  headers?: Record<string, string>;
  /** Adapter-specific settings, e.g. `{ region, accessKeyId, secretAccessKey }` for Bedrock. */
  options?: Record<string, unknown>;
}

/** What one upstream call is given besides the request itself. */
export interface ProviderCallContext {
  settings: ProviderSettings;
  http: HttpTransport;
  /** Aborted when the client goes away or a deadline passes. */
  signal: AbortSignal;
  timeouts?: HttpTimeouts;
  /** The client's request headers, lower-cased, for adapters that forward some (e.g. `anthropic-beta`). */
  requestHeaders: Readonly<Record<string, string>>;
  /** Records a loss in translation; it reaches the client in a header and the request log. */
  warn(warning: Warning): void;
}

/** A stream that has started: the upstream accepted the call (status 2xx, headers read). */
export interface ChatStream {
  events: AsyncIterable<StreamEvent>;
  /** Upstream response headers worth returning (request ids, rate limits). */
  headers?: Record<string, string>;
}

export interface ChatOperations {
  generate(request: ChatRequest, context: ProviderCallContext): Promise<ChatResponse>;
  /**
   * Resolves once the upstream accepted the call, so that a failure before any byte reached
   * the client can still fall back; rejects with an UpstreamError otherwise.
   */
  stream(request: ChatRequest, context: ProviderCallContext): Promise<ChatStream>;
}

/** A request forwarded as bytes because the client already speaks the provider's format. */
export interface PassthroughRequest {
  format: WireFormat;
  /** The body to send: the client's bytes, or re-serialised when the gateway rewrote `model`. */
  body: Uint8Array | string;
  model: string;
  stream: boolean;
}

export interface PassthroughResponse {
  status: number;
  headers: Record<string, string>;
  body: AsyncIterable<Uint8Array>;
  /** Frees the upstream connection early (client went away). */
  dispose(): void;
}

/**
 * An OpenAI-API call forwarded to a provider that serves the same endpoint in OpenAI's shape
 * (files, audio, images, embeddings, fine-tuning, any other `/v1/*` path). The adapter maps
 * the path to its URL and adds its auth; the body streams through untouched.
 */
export interface ProxyRequest {
  method: string;
  /** The path after `/v1`, e.g. `/files/file-abc/content`. */
  path: string;
  /** The query string without its `?`. */
  query?: string;
  /** The client's content headers (`content-type`, `accept`, …); never its credentials. */
  headers: Record<string, string>;
  /** Absent for GET/DELETE; streamed for uploads so large files are never held whole. */
  body?: Uint8Array | AsyncIterable<Uint8Array>;
  /** The model the body names (already rewritten to the provider's id), when it names one. */
  model?: string;
  /** Which known endpoint this is; absent for a path the gateway does not know. */
  endpoint?: EndpointId;
}

/** An adapter: what `defineProvider` takes and returns. */
export interface ProviderAdapter {
  specificationVersion: SpecificationVersion;
  /** The slug used in model strings (`@openai/gpt-4o`) and headers. */
  id: string;
  name: string;
  /** Other ids the adapter answers to wherever a provider is named — Portkey's ids (`mistral-ai`, `together-ai`) so Portkey headers and configs work unchanged. */
  aliases?: readonly string[];
  description?: string;
  /** The public wire format the provider speaks natively, enabling byte passthrough. */
  nativeFormat?: WireFormat;
  /** Further formats the provider also speaks natively (OpenAI: Responses besides Chat Completions). */
  alsoNative?: readonly WireFormat[];
  /** The provider's public base URL (Portkey's `custom_host` shape: version segment included where the provider's base has it). */
  defaultBaseURL?: string;
  /**
   * Environment variables the gateway reads for this adapter's default entry: `apiKey` and
   * `baseURL` name one variable each (`OPENAI_API_KEY`); `options` maps an option name to the
   * variable that fills it (`{ region: 'AWS_REGION' }`); `fileOptions` maps an option to a
   * variable holding a file path whose contents fill it (`GOOGLE_APPLICATION_CREDENTIALS`). The
   * adapter itself never reads the environment or files.
   */
  environment?: {
    apiKey?: string;
    baseURL?: string;
    options?: Readonly<Record<string, string>>;
    fileOptions?: Readonly<Record<string, string>>;
  };
  /** Well-known model ids, for listings; any other id is still forwarded as given. */
  models?: readonly string[];
  /** True when the adapter calls no network (the built-in mock). */
  local?: boolean;
  capabilities: ProviderCapabilities;
  chat?: ChatOperations;
  passthrough?(request: PassthroughRequest, context: ProviderCallContext): Promise<PassthroughResponse>;
  /**
   * Counts a request's input tokens with the provider's own endpoint (Anthropic
   * `POST /v1/messages/count_tokens`). The body is in the adapter's native format
   * (`request.format`) and is forwarded as bytes, like `passthrough`; error statuses are
   * returned, not thrown. Without it the gateway answers `count_tokens` with an estimate and
   * says so in a warning.
   */
  countTokens?(request: PassthroughRequest, context: ProviderCallContext): Promise<PassthroughResponse>;
  /**
   * Forwards an OpenAI-shaped call as bytes (see `ProxyRequest`). Serves the endpoints listed in
   * `capabilities.endpoints` that have no translated operation below, and any unknown `/v1/*`
   * path. Error statuses are returned, not thrown.
   */
  proxy?(request: ProxyRequest, context: ProviderCallContext): Promise<PassthroughResponse>;
  /** Embeddings translated to the provider's own API; the gateway speaks OpenAI's shape to the client. */
  embeddings?: { create(request: EmbeddingRequest, context: ProviderCallContext): Promise<EmbeddingResponse> };
  /** Image generation translated to the provider's own API. */
  images?: { generate(request: ImageGenerationRequest, context: ProviderCallContext): Promise<ImageGenerationResponse> };
  /** Moderation translated to the provider's own API. */
  moderations?: { create(request: ModerationRequest, context: ProviderCallContext): Promise<ModerationResponse> };
  /** The provider's own batch API, fed from OpenAI-format batch input files by the gateway. */
  batches?: BatchOperations;
}
