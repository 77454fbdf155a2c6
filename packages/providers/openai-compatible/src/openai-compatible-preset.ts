import type { ChatCapabilities, EndpointId } from '@switchyard/core';

/** How the API key travels: `Authorization: Bearer <key>`, a bare key in a named header, or not at all. */
export type OpenAICompatibleAuth =
  | { header: 'authorization'; scheme: 'Bearer' }
  | { header: string; scheme?: undefined }
  | { none: true };

/**
 * Where a server departs from OpenAI Chat Completions. Each quirk is handled in one place:
 * request quirks in `apply-request-quirks.ts`, answer quirks in `normalise-compatible-chunk.ts`
 * and `normalise-compatible-response.ts`.
 */
export interface OpenAICompatibleQuirks {
  /**
   * Where the server puts reasoning text, in answers and in streamed deltas: `reasoning_content`
   * (DeepSeek, xAI, Qwen, Kimi, GLM) or `reasoning` (Groq with `reasoning_format: parsed`,
   * OpenRouter, Cerebras, vLLM). Read first; the other field is still read when it is absent.
   */
  reasoningField?: 'reasoning_content' | 'reasoning';
  /**
   * How reasoning from earlier assistant turns is sent back. Unset: it is dropped with a warning
   * (most servers ignore or refuse it). `reasoning_content` / `reasoning`: as that field of the
   * assistant message (DeepSeek and Kimi require it after a thinking tool-call turn).
   * `thinking-chunks`: as Mistral's `{ type: 'thinking', thinking: [{ type: 'text', text }] }`
   * content chunks ahead of the text.
   */
  reasoningInHistory?: 'reasoning_content' | 'reasoning' | 'thinking-chunks';
  /**
   * Where usage appears in a stream: after the finish in a `choices: []` chunk when
   * `stream_options.include_usage` is set (`final-chunk`, OpenAI's way), on the finish chunk itself
   * (`finish-chunk`: DeepSeek, Mistral, Together, Perplexity), or under `x_groq.usage` (Groq).
   * The decoder reads all three; the setting documents the server and drives the testkit mock.
   */
  usageInStream?: 'final-chunk' | 'finish-chunk' | 'x_groq';
  /** The output cap's field name; `max_tokens` for servers that refuse or ignore `max_completion_tokens`. */
  maxTokensField?: 'max_tokens' | 'max_completion_tokens';
  /** The seed's field name; Mistral calls it `random_seed`. */
  seedField?: 'seed' | 'random_seed';
  /** False when the server refuses `stream_options` (it then sends usage on its own). Default true. */
  supportsStreamOptions?: boolean;
  /**
   * Fields the server refuses, dropped with a warning each: a top-level name (`store`,
   * `parallel_tool_calls`) or a dotted path through arrays (`messages.name` = the `name` of every
   * message, `messages.content.prompt_cache_breakpoint` = that key on every content part).
   */
  stripFields?: readonly string[];
  /** The server sends each tool call whole in one chunk, without `index` (Mistral). Read either way. */
  toolCallsWithoutIndex?: boolean;
  /**
   * Answers may carry `content` as an array of typed chunks — `text`, and Mistral magistral's
   * `thinking` — in messages and in stream deltas; they are mapped to text and reasoning.
   */
  contentAsArray?: boolean;
  /** The server has no `developer` role: developer messages are sent as `system` (same meaning there). */
  developerRole?: 'developer' | 'system';
  /**
   * `completion_tokens` leaves the reasoning tokens out (xAI: total = prompt + completion +
   * reasoning); canonical `output` counts them, so they are added.
   */
  reasoningTokensOutsideCompletion?: boolean;
  /**
   * Top-level answer keys kept as provider metadata under the preset id (Perplexity's
   * `citations`, `search_results`): on the response, and on the stream's finish event.
   */
  metadataFields?: readonly string[];
}

/** Everything one OpenAI-compatible provider needs: configuration, no code. */
export interface OpenAICompatiblePreset {
  /** Our provider id (`@groq/model`), lower-case letters, digits and dashes. */
  id: string;
  name: string;
  /** Portkey's provider id when it differs from ours (`together-ai`, `x-ai`), so Portkey headers and configs work. */
  aliases?: readonly string[];
  description?: string;
  /**
   * The default base URL in Portkey's custom_host shape: exactly the base Portkey uses for this
   * provider, so a custom_host value that works there works here (`https://api.groq.com/openai/v1`,
   * `https://api.together.xyz`).
   */
  baseURL: string;
  /** Appended to the base; `/chat/completions` unless the provider's Portkey base stops before the version. */
  chatCompletionsPath?: string;
  /** Environment variables the gateway reads for this provider's default entry. */
  environment?: { apiKey?: string; baseURL?: string };
  auth: OpenAICompatibleAuth;
  models?: readonly string[];
  capabilities: ChatCapabilities;
  /**
   * The OpenAI endpoints besides chat the server answers in OpenAI's shape (embeddings,
   * completions, audio…), forwarded by the adapter's `proxy` under the same base and auth.
   * Leave out what the provider does not document.
   */
  endpoints?: readonly EndpointId[];
  quirks?: OpenAICompatibleQuirks;
  /** A server on the operator's own machine (LM Studio, vLLM): the default base is loopback and plain http. */
  local?: boolean;
}
