import { type ProviderSettings, defineProvider } from '@switchyard/core';
import { callGoogle } from './call-google.js';
import { decodeGoogleResponse } from './decode-google-response.js';
import { decodeGoogleStream } from './decode-google-stream.js';
import { encodeGoogleRequest } from './encode-google-request.js';
import { createGoogleEmbeddings } from './google-embeddings.js';
import { generateGoogleImages } from './google-images.js';
import { googleCapabilities } from './google-capabilities.js';
import { googleBaseURL } from './google-url.js';
import { readGoogleUpstreamError } from './map-google-error.js';

/** Upstream response headers worth returning to the client: Google's processing time (`gfet4t7; dur=…`). */
const keptResponseHeaders = ['server-timing'];

/**
 * The Google Gemini adapter (Gemini API, generativelanguage.googleapis.com). Gemini speaks
 * no client format, so every request is translated: canonical → `generateContent` body, and
 * the answer or the SSE stream back to canonical.
 *
 * The gateway's default entry reads the key from GEMINI_API_KEY; the gateway may also accept
 * GOOGLE_API_KEY, the name Google's own SDKs fall back to.
 */
export function createGoogleProvider() {
  return defineProvider({
    id: 'google',
    name: 'Google Gemini',
    description: 'Gemini API (generateContent / streamGenerateContent) with tools, images, PDFs, thinking and JSON schema output; embeddings and Imagen.',
    defaultBaseURL: googleBaseURL,
    environment: { apiKey: 'GEMINI_API_KEY' },
    // As listed by Google's SDK (googleapis/js-genai, 2026); any other id is forwarded as given.
    models: [
      'gemini-3.7-flash',
      'gemini-3.6-flash',
      'gemini-3.5-flash',
      'gemini-3.1-pro-preview',
      'gemini-3.1-flash-lite',
      'gemini-3-flash-preview',
      'gemini-2.5-pro',
      'gemini-2.5-flash',
      'gemini-2.5-flash-lite',
      'gemini-pro-latest',
      'gemini-flash-latest',
      'gemini-flash-lite-latest',
    ],
    capabilities: googleCapabilities,

    chat: {
      async generate(request, context) {
        const encoded = encodeGoogleRequest(request);
        encoded.warnings.forEach(context.warn);
        const response = await callGoogle(context, request.model, JSON.stringify(encoded.body), false);
        if (response.status >= 300) throw await readGoogleUpstreamError(response, 'google');
        return decodeGoogleResponse(await response.json(), { model: request.model, signatureInToolCallId: signatureInToolCallId(context.settings) });
      },

      async stream(request, context) {
        const encoded = encodeGoogleRequest(request);
        encoded.warnings.forEach(context.warn);
        const response = await callGoogle(context, request.model, JSON.stringify(encoded.body), true);
        if (response.status >= 300) throw await readGoogleUpstreamError(response, 'google');
        const events = decodeGoogleStream(response, request.model, { signatureInToolCallId: signatureInToolCallId(context.settings) });
        return { events, headers: pickHeaders(response.headers) };
      },
    },

    embeddings: { create: createGoogleEmbeddings },
    images: { generate: generateGoogleImages },
  });
}

/**
 * `options.thoughtSignatureInToolCallId: false` keeps tool-call ids short, for clients that
 * carry reasoning signatures themselves (or store ids in narrow columns); Gemini 3 then needs
 * the signature back through a reasoning part.
 */
function signatureInToolCallId(settings: ProviderSettings): boolean {
  return settings.options?.thoughtSignatureInToolCallId !== false;
}

function pickHeaders(headers: Record<string, string>): Record<string, string> | undefined {
  const kept = Object.fromEntries(keptResponseHeaders.filter((name) => headers[name] !== undefined).map((name) => [name, headers[name]!]));
  return Object.keys(kept).length > 0 ? kept : undefined;
}

// The mapping, exported for reuse (a Vertex AI adapter speaks the same body).
export * from './google-api.js';
export { encodeGoogleRequest, type EncodeGoogleRequestOptions, type EncodedGoogleRequest } from './encode-google-request.js';
export { convertToGoogleContents, type ConvertedGoogleContents } from './convert-to-google-contents.js';
export { convertMediaToGooglePart } from './convert-media-to-google-part.js';
export { prepareGoogleTools, type PreparedGoogleTools } from './prepare-google-tools.js';
export { prepareGoogleGenerationConfig } from './prepare-google-generation-config.js';
export { prepareGoogleThinkingConfig } from './prepare-google-thinking-config.js';
export { prepareGoogleJsonSchema } from './prepare-google-json-schema.js';
export { convertJsonSchemaToGoogleSchema, type ConvertedGoogleSchema } from './convert-json-schema-to-google-schema.js';
export { readGoogleProviderOptions, type GoogleProviderOptions } from './google-provider-options.js';
export {
  decodeGoogleResponse,
  googleFinishReason,
  googleModelName,
  googleResponseMetadata,
  type DecodeGoogleResponseOptions,
} from './decode-google-response.js';
export {
  createGoogleStreamDecoder,
  createGoogleStreamDecoderState,
  decodeGoogleStreamEvent,
  endGoogleStreamDecoder,
  type GoogleStreamDecoder,
  type GoogleStreamDecoderOptions,
  type GoogleStreamDecoderState,
} from './google-stream-decoder.js';
export { decodeGoogleStream } from './decode-google-stream.js';
export { mapGoogleFinishReason } from './map-google-finish-reason.js';
export { mapGoogleUsage } from './map-google-usage.js';
export {
  describeGoogleErrorBody,
  googleErrorKind,
  googleStreamErrorBody,
  readGoogleErrorObject,
  readGoogleUpstreamError,
} from './map-google-error.js';
export { googleToolCallId, parseGoogleToolCallId } from './google-tool-call-id.js';
export { googleCapabilities } from './google-capabilities.js';
export { googleBaseURL, googleGenerateContentURL, googleModelMethodURL, googleModelPath } from './google-url.js';
export * from './google-embedding-api.js';
export { encodeGoogleEmbeddingRequest, textInputs, type EncodedGoogleEmbeddingRequest } from './encode-google-embedding-request.js';
export { decodeGoogleEmbeddingResponse } from './decode-google-embedding-response.js';
export { encodeImagenRequest, type EncodeImagenOptions, type EncodedImagenRequest } from './encode-imagen-request.js';
export { decodeImagenResponse } from './decode-imagen-response.js';
export { imagenAspectRatio, imagenAspectRatios, type ImagenAspectRatio } from './imagen-aspect-ratio.js';
export { googleHeaders } from './google-headers.js';
