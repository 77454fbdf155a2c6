import type { ProviderCallContext } from '@switchyard/core';

/** The API version every request must name; the only one Anthropic has published. https://docs.claude.com/en/api/versioning */
export const defaultAnthropicVersion = '2023-06-01';

/** Betas a translated body may need, by what the body uses. */
export const filesApiBeta = 'files-api-2025-04-14';
export const structuredOutputsBeta = 'structured-outputs-2025-11-13';

export interface AnthropicHeaderOptions {
  stream: boolean;
  /** Betas the encoded body needs (see `requiredAnthropicBetas`). */
  betas?: readonly string[];
}

/**
 * The headers of one Messages call: `x-api-key`, `anthropic-version` and `anthropic-beta`.
 *
 * The version comes from the request (`x-switchyard-anthropic-version`, its Portkey alias
 * `x-portkey-anthropic-version`, or a bare `anthropic-version` sent by an Anthropic client),
 * else the instance (`settings.options.anthropicVersion` or `settings.headers`), else the
 * default. Betas are merged from all of those places — the request's `anthropic-beta`, the
 * header API (native name over the Portkey alias), the instance, and what the body needs —
 * each named once, in that order.
 */
export function anthropicHeaders(context: ProviderCallContext, options: AnthropicHeaderOptions): Record<string, string> {
  const request = context.requestHeaders;
  const instance = lowerCaseKeys(context.settings.headers);
  const settingsOptions = context.settings.options ?? {};

  const headers: Record<string, string> = {
    'content-type': 'application/json',
    accept: options.stream ? 'text/event-stream' : 'application/json',
  };
  for (const [name, value] of Object.entries(instance)) {
    if (name !== 'anthropic-version' && name !== 'anthropic-beta') headers[name] = value;
  }

  headers['anthropic-version'] =
    nonEmpty(request['x-switchyard-anthropic-version']) ??
    nonEmpty(request['x-portkey-anthropic-version']) ??
    nonEmpty(request['anthropic-version']) ??
    nonEmpty(stringOption(settingsOptions.anthropicVersion)) ??
    nonEmpty(instance['anthropic-version']) ??
    defaultAnthropicVersion;

  const betas = mergeBetas([
    request['anthropic-beta'],
    nonEmpty(request['x-switchyard-anthropic-beta']) ?? request['x-portkey-anthropic-beta'],
    instance['anthropic-beta'],
    settingsOptions.anthropicBeta,
    options.betas,
  ]);
  if (betas.length > 0) headers['anthropic-beta'] = betas.join(',');

  if (context.settings.apiKey) headers['x-api-key'] = context.settings.apiKey;
  return headers;
}

/**
 * Betas the API wants for what a translated body uses: the Files API for `file_id` sources,
 * and the beta structured-outputs header for the old `output_format` field (only present when a
 * Messages client sent it verbatim; the encoder writes the GA `output_config.format`).
 */
export function requiredAnthropicBetas(body: Record<string, unknown>): string[] {
  const betas: string[] = [];
  if (Array.isArray(body.messages) && body.messages.some((message) => contentUsesFiles((message as { content?: unknown }).content))) {
    betas.push(filesApiBeta);
  }
  if (body.output_format != null) betas.push(structuredOutputsBeta);
  return betas;
}

function contentUsesFiles(content: unknown): boolean {
  if (!Array.isArray(content)) return false;
  return content.some((block) => {
    if (typeof block !== 'object' || block === null) return false;
    const { source, content: inner } = block as { source?: { type?: unknown }; content?: unknown };
    return source?.type === 'file' || contentUsesFiles(inner);
  });
}

function mergeBetas(sources: unknown[]): string[] {
  const betas = new Set<string>();
  for (const source of sources) {
    const values = typeof source === 'string' ? source.split(',') : Array.isArray(source) ? source : [];
    for (const value of values) {
      if (typeof value !== 'string') continue;
      const beta = value.trim();
      if (beta !== '') betas.add(beta);
    }
  }
  return [...betas];
}

function lowerCaseKeys(headers: Record<string, string> | undefined): Record<string, string> {
  const lowered: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) lowered[name.toLowerCase()] = value;
  return lowered;
}

function stringOption(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}
