import { type ChatRequest, type ChatResponse, type ChatStream, type ProviderCallContext, readJsonAnswer } from '@switchyard/core';
import { decodeGoogleResponse, decodeGoogleStream, encodeGoogleRequest } from '@switchyard/provider-google';
import type { SendToVertex } from './call-vertex.js';
import type { VertexModel } from './resolve-vertex-model.js';

/*
 * Gemini on Vertex AI speaks the Gemini API's generateContent body, so the google package's
 * encoder and decoders do the mapping, parameterised with this provider's name: reasoning parts
 * are marked 'vertex-ai', Gemini-only fields come from providerOptions['vertex-ai'], and errors
 * and metadata name 'vertex-ai'.
 */

export async function generateVertexGemini(request: ChatRequest, context: ProviderCallContext, model: VertexModel, send: SendToVertex): Promise<ChatResponse> {
  const encoded = encodeGoogleRequest({ ...request, model: model.model }, { provider: 'vertex-ai' });
  encoded.warnings.forEach(context.warn);
  const response = await send(JSON.stringify(encoded.body), false);
  return decodeGoogleResponse(await readJsonAnswer(response, 'vertex-ai', 'Vertex AI'), {
    model: model.model,
    provider: 'vertex-ai',
    signatureInToolCallId: signatureInToolCallId(context),
  });
}

export async function streamVertexGemini(request: ChatRequest, context: ProviderCallContext, model: VertexModel, send: SendToVertex): Promise<ChatStream> {
  const encoded = encodeGoogleRequest({ ...request, model: model.model }, { provider: 'vertex-ai' });
  encoded.warnings.forEach(context.warn);
  const response = await send(JSON.stringify(encoded.body), true);
  return { events: decodeGoogleStream(response, model.model, { provider: 'vertex-ai', signatureInToolCallId: signatureInToolCallId(context) }) };
}

/** As for the Gemini API: `options.thoughtSignatureInToolCallId: false` keeps tool-call ids short. */
function signatureInToolCallId(context: ProviderCallContext): boolean {
  return context.settings.options?.thoughtSignatureInToolCallId !== false;
}
