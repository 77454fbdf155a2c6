import { type ChatResponse, GatewayError, type HttpResponse, UpstreamError } from '@switchyard/core';
import { openAIChatCodec } from '@switchyard/formats';
import { adjustCompatibleUsage } from './adjust-compatible-usage.js';
import { normaliseCompatibleResponse } from './normalise-compatible-response.js';
import type { OpenAICompatiblePreset } from './openai-compatible-preset.js';

/**
 * A compatible server's 2xx answer → the canonical response: normalised, decoded by the OpenAI
 * codec (which keeps unknown keys such as `x_groq`, `citations` under providerMetadata
 * ['openai-chat'] for OpenAI clients), then the preset's adjustments — usage counted the
 * canonical way, `metadataFields` also under providerMetadata[<preset id>] for other clients.
 * An error body answered with 200 becomes an UpstreamError of its kind.
 */
export async function decodeCompatibleResponse(response: HttpResponse, preset: OpenAICompatiblePreset): Promise<ChatResponse> {
  const quirks = preset.quirks ?? {};
  const body = normaliseCompatibleResponse(await readJson(response, preset), quirks);
  let decoded: ChatResponse;
  try {
    decoded = openAIChatCodec.decodeResponse(body);
  } catch (error) {
    if (!GatewayError.isInstance(error)) throw error;
    throw new UpstreamError(error.message, {
      provider: preset.id,
      kind: error.kind,
      headers: response.headers,
      body,
      code: error.code,
      param: error.param,
      retryable: error.kind === 'rate_limit' || error.kind === 'overloaded' || error.kind === 'upstream',
    });
  }
  if (decoded.usage) decoded.usage = adjustCompatibleUsage(decoded.usage, quirks);
  const metadata: Record<string, unknown> = {};
  for (const field of quirks.metadataFields ?? []) {
    const value = (body as Record<string, unknown>)[field];
    if (value !== undefined) metadata[field] = value;
  }
  if (Object.keys(metadata).length > 0) decoded.providerMetadata = { ...decoded.providerMetadata, [preset.id]: metadata };
  return decoded;
}

/** A 2xx body that is not JSON (a proxy's page) is the upstream's fault, not the gateway's. */
async function readJson(response: HttpResponse, preset: OpenAICompatiblePreset): Promise<unknown> {
  const text = await response.text();
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new UpstreamError(`${preset.name} answered with a body that is not JSON.`, {
      provider: preset.id,
      status: response.status,
      headers: response.headers,
      body: text.slice(0, 1000),
      kind: 'upstream',
      retryable: false,
      cause: error,
    });
  }
}
