import { createHash } from 'node:crypto';
import type { ChatMessage, ChatRequest } from '@switchyard/core';
import { canonicalJson } from './canonical-json.js';

/** Bumped whenever the normalisation changes, so old entries are never read with a new meaning. */
const keyVersion = 1;

/**
 * Wire-format extras (kept verbatim in `providerOptions`) that do not change the answer: storage
 * and prompt-cache routing hints, abuse-monitoring ids, metadata.
 */
const extrasThatKeepTheAnswer = new Set(['store', 'prompt_cache_key', 'prompt_cache_retention', 'safety_identifier', 'metadata', 'user', 'stream_options', 'service_tier']);

export interface CacheKeyInput {
  /** The tenant: entries of one partition are never served to another. */
  partition: string;
  /** The catalog entry the attempt calls (`openai`, `my-azure`). */
  provider: string;
  request: ChatRequest;
}

/**
 * The request as the provider would receive it, reduced to what changes the answer: model,
 * messages, tools and sampling params stay; `stream`, stream options, `user`, metadata and
 * provider-side prompt-cache hints go. Two requests with the same normal form get the same answer
 * from a deterministic model, so they share a cache entry.
 */
export function normaliseForCache(request: ChatRequest): Record<string, unknown> {
  const { stream: _stream, streamUsage: _streamUsage, user: _user, metadata: _metadata, providerOptions, messages, tools, ...rest } = request;
  return {
    ...rest,
    messages: messages.map(withoutCacheHints),
    tools: tools?.map(({ cache: _cache, ...tool }) => tool),
    providerOptions: answerChangingOptions(providerOptions),
  };
}

/** sha256 (hex) of the partition, the provider and the normalised request. */
export function exactCacheKey(input: CacheKeyInput): string {
  return sha256(canonicalJson({ v: keyVersion, partition: input.partition, provider: input.provider, request: normaliseForCache(input.request) }));
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function withoutCacheHints(message: ChatMessage): ChatMessage {
  return { ...message, content: message.content.map(({ cache: _cache, ...part }) => part) } as ChatMessage;
}

function answerChangingOptions(options: ChatRequest['providerOptions']): ChatRequest['providerOptions'] {
  if (!options) return undefined;
  const kept: NonNullable<ChatRequest['providerOptions']> = {};
  for (const [owner, values] of Object.entries(options)) {
    const entries = Object.entries(values).filter(([name]) => !extrasThatKeepTheAnswer.has(name));
    if (entries.length > 0) kept[owner] = Object.fromEntries(entries);
  }
  return Object.keys(kept).length > 0 ? kept : undefined;
}
