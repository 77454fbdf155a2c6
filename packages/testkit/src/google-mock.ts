import type { ServerResponse } from 'node:http';
import { encodeGoogleResponse, encodeGoogleStreamChunks, frameGoogleSseEvent, type GoogleReplyMeta } from './encode-google-reply.js';
import { answerGoogleEmbeddings, answerImagenPredict } from './google-mock-predictions.js';
import { isJsonObject } from './mock-request.js';
import { startMockServer, type MockContext, type MockServer, type ReceivedRequest } from './mock-server.js';
import { planGoogleReply } from './plan-google-reply.js';
import { writeEventStream } from './write-event-stream.js';
import { writeJson } from './write-json.js';

export interface GoogleMockOptions {
  /** When set, every request must carry `x-goog-api-key: <apiKey>` (or `?key=`), else Gemini's own error. */
  apiKey?: string;
  /** Model ids that exist; others get Gemini's 404. Default: every id exists. */
  models?: string[];
  /** Size every text reply to exactly this many words (see `planGoogleReply`). */
  words?: number;
  /** Pause between stream chunks (default 0: the whole stream is written at once). */
  streamDelayMs?: number;
  /**
   * Behave like Gemini 3: a model turn of the current turn whose first functionCall lacks
   * a thoughtSignature, or carries one this mock never issued, is refused with a 400.
   */
  requireThoughtSignatures?: boolean;
  /** Keep requests in `received` (default true); benchmarks turn it off. */
  recordRequests?: boolean;
}

export interface GoogleStreamError {
  /** Normal chunks sent before the error chunk (default 1). */
  afterChunks?: number;
  error?: { code: number; message: string; status: string };
}

export interface GoogleMock extends MockServer {
  /** The base URL a Gemini client is given: the bare host, as Gemini's base has no version. */
  baseURL: string;
  /** Signatures handed out so far, in order. */
  issuedSignatures: string[];
  /** The next streamed answer sends `afterChunks` chunks, then `data: {"error": …}`, then ends. */
  streamErrorNext(error?: GoogleStreamError): void;
}

type GoogleErrorBody = { error: { code: number; message: string; status: string; details?: unknown[] } };

export function googleError(code: number, status: string, message: string, details?: unknown[]): GoogleErrorBody {
  return { error: { code, message, status, ...(details && { details }) } };
}

const statusNames: Record<number, string> = {
  400: 'INVALID_ARGUMENT',
  401: 'UNAUTHENTICATED',
  403: 'PERMISSION_DENIED',
  404: 'NOT_FOUND',
  429: 'RESOURCE_EXHAUSTED',
  499: 'CANCELLED',
  500: 'INTERNAL',
  503: 'UNAVAILABLE',
  504: 'DEADLINE_EXCEEDED',
};

function faultBody(status: number): GoogleErrorBody {
  if (status === 429) return googleError(429, 'RESOURCE_EXHAUSTED', 'Resource has been exhausted (e.g. check quota). (mock fault)');
  if (status === 503) return googleError(503, 'UNAVAILABLE', 'The model is overloaded. Please try again later. (mock fault)');
  if (status === 500) return googleError(500, 'INTERNAL', 'An internal error has occurred. Please retry or report in https://developers.generativeai.google/guide/troubleshooting (mock fault)');
  return googleError(status, statusNames[status] ?? 'UNKNOWN', `Mock fault: HTTP ${status}.`);
}

const route = /^\/(v1beta|v1|v1alpha)\/models\/([^/:]+):(generateContent|streamGenerateContent|batchEmbedContents|predict)$/;

/**
 * A loopback server speaking the Gemini API: `POST /v1beta/models/{model}:generateContent`
 * and `:streamGenerateContent` (`?alt=sse`: CRLF-framed `data: {...}` events exactly like
 * the real API; without it, one JSON array), answering deterministically — see
 * `planGoogleReply`; `:batchEmbedContents` (`mockEmbeddingVector` of each text) and Imagen's
 * `:predict` (`sampleCount` 1×1 PNGs). Errors have Google's shape (`{error: {code, message, status}}`), a bad
 * key is Gemini's 400 INVALID_ARGUMENT. Faults and recorded replays come from the base server.
 */
export async function startGoogleMock(options: GoogleMockOptions = {}): Promise<GoogleMock> {
  let sequence = 0;
  const streamDelayMs = options.streamDelayMs ?? 0;
  const issuedSignatures: string[] = [];
  const streamErrors: GoogleStreamError[] = [];

  // Google pretty-prints JSON answers with two spaces.
  const sendJson = (response: ServerResponse, status: number, body: unknown) =>
    writeJson(response, status, JSON.stringify(body, null, 2), {
      'content-type': 'application/json; charset=UTF-8',
      vary: 'Origin, X-Origin, Referer',
      server: 'scaffolding on HTTPServer2',
    });

  const generate = async (request: ReceivedRequest, response: ServerResponse, context: MockContext, model: string, stream: boolean, sse: boolean) => {
    const body = request.json;
    if (!isJsonObject(body)) {
      return sendJson(response, 400, googleError(400, 'INVALID_ARGUMENT', 'Invalid JSON payload received. Unexpected token.'));
    }
    if (!Array.isArray(body.contents) || body.contents.length === 0) {
      return sendJson(response, 400, googleError(400, 'INVALID_ARGUMENT', '* GenerateContentRequest.contents: contents is not specified\n'));
    }
    if (options.requireThoughtSignatures) {
      const problem = checkThoughtSignatures(body.contents, issuedSignatures);
      if (problem) return sendJson(response, 400, googleError(400, 'INVALID_ARGUMENT', problem));
    }

    const responseId = `mockResponse${String(sequence).padStart(6, '0')}`;
    // Bytes 0xfb 0xef 0xbe encode to "++++", so the signature exercises base64's + and /.
    const thoughtSignature = Buffer.concat([Buffer.from([0xfb, 0xef, 0xbe, 0xff]), Buffer.from(`mock-signature:${responseId}`)]).toString('base64');
    const plan = planGoogleReply(body, { words: options.words });
    if (plan.signed) issuedSignatures.push(thoughtSignature);
    const meta: GoogleReplyMeta = { responseId, modelVersion: model, thoughtSignature };
    if (!stream) return sendJson(response, 200, encodeGoogleResponse(plan, meta));

    const chunks = encodeGoogleStreamChunks(plan, meta);
    const streamError = streamErrors.shift();
    let events: string[];
    if (sse) {
      events = chunks.map(frameGoogleSseEvent);
      if (streamError) {
        events = events.slice(0, streamError.afterChunks ?? 1);
        events.push(frameGoogleSseEvent({ error: streamError.error ?? googleError(500, 'INTERNAL', 'An internal error has occurred.').error }));
      }
    } else {
      // Without alt=sse Gemini streams one JSON array, its elements written as they come.
      events = chunks.map((item, index) => `${index === 0 ? '[' : ',\r\n'}${JSON.stringify(item, null, 2)}`);
      events.push(']');
    }
    response.writeHead(200, {
      'content-type': sse ? 'text/event-stream' : 'application/json; charset=UTF-8',
      'content-disposition': 'attachment',
      vary: 'Origin, X-Origin, Referer',
      server: 'scaffolding on HTTPServer2',
    });
    await writeEventStream(response, events, { delayMs: streamDelayMs, signal: context.signal });
  };

  const server = await startMockServer(
    async (request, response, context) => {
      sequence++;
      const url = new URL(request.path, 'http://mock');
      if (options.apiKey !== undefined) {
        const key = request.headers['x-goog-api-key'] ?? url.searchParams.get('key') ?? undefined;
        if (key === undefined || key === '') {
          return sendJson(response, 403, googleError(
            403,
            'PERMISSION_DENIED',
            "Method doesn't allow unregistered callers (callers without established identity). Please use API Key or other form of API consumer identity to call this API.",
          ));
        }
        if (key !== options.apiKey) {
          return sendJson(response, 400, googleError(400, 'INVALID_ARGUMENT', 'API key not valid. Please pass a valid API key.', [
            {
              '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
              reason: 'API_KEY_INVALID',
              domain: 'googleapis.com',
              metadata: { service: 'generativelanguage.googleapis.com' },
            },
            { '@type': 'type.googleapis.com/google.rpc.LocalizedMessage', locale: 'en-US', message: 'API key not valid. Please pass a valid API key.' },
          ]));
        }
      }

      const match = route.exec(url.pathname);
      if (request.method === 'POST' && match) {
        const [, version, model, method] = match;
        if (options.models && !options.models.includes(model!)) {
          return sendJson(response, 404, googleError(
            404,
            'NOT_FOUND',
            `models/${model} is not found for API version ${version}, or is not supported for ${method}. Call ListModels to see the list of available models and their supported methods.`,
          ));
        }
        if (method === 'batchEmbedContents') return answerGoogleEmbeddings(request.json, model!, (status, body) => sendJson(response, status, body));
        if (method === 'predict') return answerImagenPredict(request.json, (status, body) => sendJson(response, status, body));
        const stream = method === 'streamGenerateContent';
        return generate(request, response, context, model!, stream, url.searchParams.get('alt') === 'sse');
      }
      if (request.method === 'GET' && url.pathname === '/v1beta/models') {
        const models = (options.models ?? ['gemini-2.5-flash', 'gemini-2.5-pro']).map((id) => ({
          name: `models/${id}`,
          displayName: id,
          supportedGenerationMethods: ['generateContent', 'countTokens'],
        }));
        return sendJson(response, 200, { models });
      }
      return sendJson(response, 404, googleError(404, 'NOT_FOUND', `Method not found: ${request.method} ${url.pathname}`));
    },
    { recordRequests: options.recordRequests, faultBody },
  );

  return Object.assign(server, {
    baseURL: server.url,
    issuedSignatures,
    streamErrorNext: (error: GoogleStreamError = {}) => void streamErrors.push(error),
  });
}

/**
 * Gemini 3's rule (https://ai.google.dev/gemini-api/docs/thought-signatures): in the current
 * turn — everything after the last user content holding text — the first functionCall of
 * every model step must carry the signature it was issued with.
 */
function checkThoughtSignatures(contents: any[], issued: string[]): string | undefined {
  let start = 0;
  contents.forEach((content, index) => {
    const isUserText = (content?.role ?? 'user') === 'user' && (content?.parts ?? []).some((part: any) => typeof part?.text === 'string');
    if (isUserText) start = index + 1;
  });
  for (let index = start; index < contents.length; index++) {
    const content = contents[index];
    if (content?.role !== 'model') continue;
    const first = (content.parts ?? []).find((part: any) => part?.functionCall);
    if (!first) continue;
    if (typeof first.thoughtSignature !== 'string') {
      return `Function call is missing a thought_signature in functionCall parts. This is required for tools to work correctly, and missing thought_signature may lead to degraded model performance. Additional data, function call \`default_api:${first.functionCall.name}\` , position ${index + 1}. Please refer to https://ai.google.dev/gemini-api/docs/thought-signatures for more details.`;
    }
    const bytes = Buffer.from(first.thoughtSignature, 'base64');
    if (!issued.some((signature) => Buffer.from(signature, 'base64').equals(bytes))) {
      return 'Corrupted thought signature.';
    }
  }
  return undefined;
}
