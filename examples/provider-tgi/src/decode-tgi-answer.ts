import type { ChatResponse, HttpResponse } from '@switchyard/core';
import { UpstreamError } from '@switchyard/core';
import { mapTgiFinishReason } from './map-tgi-finish-reason.js';
import { isTgiGenerateResponse } from './tgi-api.js';
import { tgiUsage } from './tgi-usage.js';

/**
 * A `/generate` answer → the canonical response. TGI gives no response id, so the gateway's
 * request id stands in (`id`); the prompt's token count comes in the `x-prompt-tokens` header.
 */
export async function decodeTgiAnswer(response: HttpResponse, model: string, id: string): Promise<ChatResponse> {
  const body = await response.json().catch(() => undefined);
  if (!isTgiGenerateResponse(body)) {
    throw new UpstreamError('TGI answered /generate without generated_text', { provider: 'tgi', status: 502, body, kind: 'upstream' });
  }
  const promptTokens = Number(response.headers['x-prompt-tokens']);
  return {
    id,
    model,
    content: [{ type: 'text', text: body.generated_text }],
    finishReason: mapTgiFinishReason(body.details?.finish_reason),
    usage: tgiUsage(Number.isFinite(promptTokens) ? promptTokens : undefined, body.details?.generated_tokens, body.details),
  };
}
