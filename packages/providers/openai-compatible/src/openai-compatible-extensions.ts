import type { ChatRequest, UpstreamErrorDescription, Warning } from '@switchyard/core';

/**
 * Code hooks for a provider whose departures from Chat Completions are more than configuration
 * (Mistral's tool call ids, its document chunks). A plain preset needs none.
 */
export interface OpenAICompatibleExtensions {
  /**
   * Adjusts the canonical request before the OpenAI codec encodes it, and may return a rewrite
   * of the encoded body (run after the preset's quirks) that undoes or completes the adjustment.
   */
  beforeEncode?(
    request: ChatRequest,
    warn: (warning: Warning) => void,
  ): { request: ChatRequest; afterEncode?(body: Record<string, unknown>): void };
  /** Reads an error body the compatible describer does not understand. */
  describeError?(body: unknown): UpstreamErrorDescription | undefined;
}
