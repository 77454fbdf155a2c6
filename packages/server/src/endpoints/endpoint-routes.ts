import type { GatewayRequest, GatewayResponse } from '../gateway-types.js';
import type { RouteContext } from '../route-context.js';
import { embeddingsTranslator, imagesTranslator, moderationsTranslator } from './endpoint-translators.js';
import { createJsonModelRoute } from './json-model-route.js';
import { createMultipartModelRoute } from './multipart-model-route.js';
import { proxyRoute } from './proxy-route.js';
import type { WithBodyMode } from './streamed-route.js';

type EndpointRoute = WithBodyMode<(request: GatewayRequest, context: RouteContext) => Promise<GatewayResponse>>;

/** The OpenAI endpoints besides chat with a fixed path (method and path, exact match). */
export const endpointRoutes: ReadonlyArray<readonly [key: string, route: EndpointRoute]> = [
  ['POST /v1/embeddings', createJsonModelRoute('embeddings', { translator: embeddingsTranslator })],
  ['POST /v1/images/generations', createJsonModelRoute('images.generations', { translator: imagesTranslator })],
  // dall-e-2 is OpenAI's default for edits and variations, so the form may name no model.
  ['POST /v1/images/edits', createMultipartModelRoute('images.edits', { modelOptional: true })],
  ['POST /v1/images/variations', createMultipartModelRoute('images.variations', { modelOptional: true })],
  ['POST /v1/audio/speech', createJsonModelRoute('audio.speech')],
  ['POST /v1/audio/transcriptions', createMultipartModelRoute('audio.transcriptions')],
  ['POST /v1/audio/translations', createMultipartModelRoute('audio.translations')],
  ['POST /v1/moderations', createJsonModelRoute('moderations', { modelOptional: true, translator: moderationsTranslator })],
  ['POST /v1/completions', createJsonModelRoute('completions')],
  // Fine-tuning is forwarded as is to the provider the headers or config name (no model routing).
  ['POST /v1/fine_tuning/jobs', proxyRoute],
  ['GET /v1/fine_tuning/jobs', proxyRoute],
];

/** Fine-tuning paths with a job id; everything else under `/v1/` falls to the catch-all `proxyRoute`. */
export const endpointPatternRoutes: ReadonlyArray<readonly [method: string, pattern: string, route: EndpointRoute]> = [
  ['GET', '/v1/fine_tuning/jobs/:id', proxyRoute],
  ['POST', '/v1/fine_tuning/jobs/:id/cancel', proxyRoute],
  ['POST', '/v1/fine_tuning/jobs/:id/pause', proxyRoute],
  ['POST', '/v1/fine_tuning/jobs/:id/resume', proxyRoute],
  ['GET', '/v1/fine_tuning/jobs/:id/events', proxyRoute],
  ['GET', '/v1/fine_tuning/jobs/:id/checkpoints', proxyRoute],
];

/**
 * Whether the catch-all takes this call: any `/v1/*` path, except CORS preflights (OPTIONS),
 * which stay with the host's express middleware.
 */
export function isProxiedPath(method: string, path: string): boolean {
  return method !== 'OPTIONS' && path.startsWith('/v1/');
}

export { proxyRoute };
