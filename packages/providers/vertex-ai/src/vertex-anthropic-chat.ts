import { type ChatRequest, type ChatResponse, type ChatStream, type ProviderCallContext, type StreamEvent, type Warning, readJsonAnswer } from '@switchyard/core';
import { anthropicMessagesCodec } from '@switchyard/formats';
import { anthropicHeaders, decodeAnthropicMessagesStream, requiredAnthropicBetas } from '@switchyard/provider-anthropic';
import type { SendToVertex } from './call-vertex.js';
import type { VertexModel } from './resolve-vertex-model.js';
import { vertexAnthropicVersion } from './vertex-api.js';

/*
 * Claude on Vertex AI takes the Messages body with two changes: no `model` (it is in the URL)
 * and `anthropic_version: 'vertex-2023-10-16'` in the body instead of the version header.
 * https://cloud.google.com/vertex-ai/generative-ai/docs/partner-models/claude/use-claude
 * The formats package's Messages codec does the mapping both ways; betas still travel in the
 * `anthropic-beta` header, merged by the anthropic package's rules (the request's
 * `anthropic-beta`, the header API, the instance's settings, and what the body needs).
 */

export interface EncodedVertexAnthropicRequest {
  body: Record<string, unknown>;
  /** The `anthropic-beta` header, when any beta applies. */
  beta?: string;
  warnings: Warning[];
}

export function encodeVertexAnthropicRequest(request: ChatRequest, context: ProviderCallContext, model: VertexModel): EncodedVertexAnthropicRequest {
  const encoded = anthropicMessagesCodec.encodeRequest({ ...request, model: model.model });
  const { model: _model, ...rest } = encoded.body;
  const version = typeof context.settings.options?.anthropicVersion === 'string' ? context.settings.options.anthropicVersion : vertexAnthropicVersion;
  // Only the merged beta header is taken: the version and key headers of the direct API do not apply here.
  const beta = anthropicHeaders(context, { stream: request.stream, betas: requiredAnthropicBetas(encoded.body) })['anthropic-beta'];
  const encodedRequest: EncodedVertexAnthropicRequest = { body: { anthropic_version: version, ...rest }, warnings: encoded.warnings };
  if (beta) encodedRequest.beta = beta;
  return encodedRequest;
}

export async function generateVertexAnthropic(request: ChatRequest, context: ProviderCallContext, model: VertexModel, send: SendToVertex): Promise<ChatResponse> {
  const encoded = encodeVertexAnthropicRequest({ ...request, stream: false }, context, model);
  encoded.warnings.forEach(context.warn);
  const response = await send(JSON.stringify(encoded.body), false, betaHeader(encoded.beta));
  return anthropicMessagesCodec.decodeResponse(await readJsonAnswer(response, 'vertex-ai', 'Vertex AI'));
}

export async function streamVertexAnthropic(request: ChatRequest, context: ProviderCallContext, model: VertexModel, send: SendToVertex): Promise<ChatStream> {
  const encoded = encodeVertexAnthropicRequest({ ...request, stream: true }, context, model);
  encoded.warnings.forEach(context.warn);
  const response = await send(JSON.stringify(encoded.body), true, betaHeader(encoded.beta));
  return { events: asVertexEvents(decodeAnthropicMessagesStream(response, context.signal)) };
}

/** Errors met in the stream came through Vertex AI: they name this provider, not Anthropic's API. */
async function* asVertexEvents(events: AsyncIterable<StreamEvent>): AsyncGenerator<StreamEvent> {
  for await (const event of events) {
    if (event.type === 'error' && event.error.provider === 'anthropic') yield { ...event, error: { ...event.error, provider: 'vertex-ai' } };
    else yield event;
  }
}

function betaHeader(beta: string | undefined): Record<string, string> | undefined {
  return beta ? { 'anthropic-beta': beta } : undefined;
}
