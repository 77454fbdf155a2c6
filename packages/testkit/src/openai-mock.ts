import type { ServerResponse } from 'node:http';
import { createOpenAIEndpointAnswerer } from './answer-openai-endpoint.js';
import { encodeOpenAICompletion, encodeOpenAIStream, type OpenAIReplyMeta } from './encode-openai-reply.js';
import { isJsonObject, pathWithoutQuery } from './mock-request.js';
import { startMockServer, type MockContext, type MockServer, type ReceivedRequest } from './mock-server.js';
import { planOpenAIReply } from './plan-openai-reply.js';
import { writeEventStream } from './write-event-stream.js';
import { writeJson } from './write-json.js';

export interface OpenAIMockOptions {
  /** When set, every request must carry `Authorization: Bearer <apiKey>` or gets OpenAI's 401. */
  apiKey?: string;
  /** Ids listed by `GET /v1/models`. */
  models?: string[];
  /** Size every text reply to exactly this many words (see `planOpenAIReply`). */
  words?: number;
  /** Pause between stream chunks (default 0: the whole stream is written at once). */
  streamDelayMs?: number;
  /** `system_fingerprint` of every answer (default `fp_mock`). */
  systemFingerprint?: string | null;
  /** A fixed `created` timestamp (default: the time of the request). */
  created?: number;
  /** Keep requests in `received` (default true); benchmarks turn it off. */
  recordRequests?: boolean;
  /** Body bytes kept per request (default all); a large-upload test keeps few and reads `bodyBytes`. */
  keepBodyBytes?: number;
}

export interface OpenAIMock extends MockServer {
  /** `<url>/v1`: the base URL an OpenAI client is given. */
  baseURL: string;
}

type OpenAIErrorBody = { error: { message: string; type: string; param: string | null; code: string | null } };

export function openAIError(message: string, type: string, param: string | null = null, code: string | null = null): OpenAIErrorBody {
  return { error: { message, type, param, code } };
}

function faultBody(status: number): OpenAIErrorBody {
  if (status === 429) return openAIError('Rate limit reached (mock fault).', 'requests', null, 'rate_limit_exceeded');
  if (status >= 500) return openAIError(`The server had an error while processing your request (mock fault ${status}).`, 'server_error');
  return openAIError(`Mock fault: HTTP ${status}.`, 'invalid_request_error');
}

/**
 * A loopback server speaking OpenAI Chat Completions (`POST /v1/chat/completions`, streamed or
 * not) and `GET /v1/models`, answering deterministically from the request — see
 * `planOpenAIReply` for the rules. It also answers embeddings, images, audio, moderations,
 * completions and fine-tuning jobs (see answer-openai-endpoint.ts), vector stores, and upload
 * parts (their size counted). Faults and recorded replays come from the base mock server.
 */
export async function startOpenAIMock(options: OpenAIMockOptions = {}): Promise<OpenAIMock> {
  let sequence = 0;
  const streamDelayMs = options.streamDelayMs ?? 0;
  const systemFingerprint = options.systemFingerprint === undefined ? 'fp_mock' : options.systemFingerprint;

  const sendJson = (response: ServerResponse, status: number, body: object, requestId: string) =>
    writeJson(response, status, body, { 'x-request-id': requestId });

  const chat = async (request: ReceivedRequest, response: ServerResponse, context: MockContext, requestId: string) => {
    const body = request.json;
    if (!isJsonObject(body)) {
      return sendJson(response, 400, openAIError(
        "We could not parse the JSON body of your request. The OpenAI API expects a JSON payload, but what was sent was not valid JSON.",
        'invalid_request_error',
      ), requestId);
    }
    if (typeof body.model !== 'string' || body.model === '') {
      return sendJson(response, 400, openAIError('you must provide a model parameter', 'invalid_request_error'), requestId);
    }
    if (!Array.isArray(body.messages)) {
      return sendJson(response, 400, openAIError(
        "Missing required parameter: 'messages'.", 'invalid_request_error', 'messages', 'missing_required_parameter',
      ), requestId);
    }
    if (body.messages.length === 0) {
      return sendJson(response, 400, openAIError(
        "Invalid 'messages': empty array. Expected an array with minimum length 1, but got an empty array instead.",
        'invalid_request_error', 'messages', 'empty_array',
      ), requestId);
    }

    const plan = planOpenAIReply(body, { words: options.words });
    const meta: OpenAIReplyMeta = {
      id: `chatcmpl-mock${String(sequence).padStart(8, '0')}`,
      created: options.created ?? Math.floor(Date.now() / 1000),
      model: body.model,
      systemFingerprint,
    };
    if (body.stream !== true) return sendJson(response, 200, encodeOpenAICompletion(plan, meta), requestId);

    const events = encodeOpenAIStream(plan, meta, body.stream_options?.include_usage === true);
    response.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'x-request-id': requestId });
    await writeEventStream(response, events, { delayMs: streamDelayMs, signal: context.signal });
  };

  const endpoints = createOpenAIEndpointAnswerer({
    sendJson: (response, status, body) => sendJson(response, status, body, `req_mock${String(sequence).padStart(24, '0')}`),
    error: (message, param) => openAIError(message, 'invalid_request_error', param),
  });
  const vectorStores: Array<Record<string, unknown>> = [];

  const server = await startMockServer(
    async (request, response, context) => {
      sequence++;
      const requestId = `req_mock${String(sequence).padStart(24, '0')}`;
      const path = pathWithoutQuery(request.path);

      if (options.apiKey !== undefined) {
        const authorization = request.headers.authorization;
        if (!authorization?.startsWith('Bearer ')) {
          return sendJson(response, 401, openAIError(
            "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).",
            'invalid_request_error', null, 'invalid_api_key',
          ), requestId);
        }
        const key = authorization.slice('Bearer '.length);
        if (key !== options.apiKey) {
          return sendJson(response, 401, openAIError(
            `Incorrect API key provided: ${maskKey(key)}. You can find your API key at https://platform.openai.com/account/api-keys.`,
            'invalid_request_error', null, 'invalid_api_key',
          ), requestId);
        }
      }

      if (request.method === 'POST' && path === '/v1/chat/completions') return chat(request, response, context, requestId);
      if (request.method === 'GET' && path === '/v1/models') {
        const data = (options.models ?? ['gpt-4o-mini', 'gpt-4o']).map((id) => ({
          id,
          object: 'model',
          created: 1_700_000_000,
          owned_by: 'system',
        }));
        return sendJson(response, 200, { object: 'list', data }, requestId);
      }
      if (path.startsWith('/v1/') && (await endpoints.answer(request, response, path.slice('/v1'.length)))) return;
      // Endpoints the gateway knows nothing of, for its catch-all proxy: vector stores, upload parts.
      if (path === '/v1/vector_stores' && request.method === 'GET') {
        const limit = Number(new URL(request.path, 'http://mock').searchParams.get('limit') ?? 20);
        return sendJson(response, 200, { object: 'list', data: vectorStores.slice(0, limit), has_more: vectorStores.length > limit }, requestId);
      }
      if (path === '/v1/vector_stores' && request.method === 'POST') {
        const store = { id: `vs_mock${vectorStores.length + 1}`, object: 'vector_store', created_at: 1_700_000_000, name: request.json?.name ?? null, status: 'completed' };
        vectorStores.push(store);
        return sendJson(response, 200, store, requestId);
      }
      const part = /^\/v1\/uploads\/([^/]+)\/parts$/.exec(path);
      if (part && request.method === 'POST') {
        // Counts what arrived (see keepBodyBytes): a large-upload test checks the size, not the bytes.
        return sendJson(response, 200, { id: `part_mock${sequence}`, object: 'upload.part', upload_id: part[1], created_at: 1_700_000_000, bytes: request.bodyBytes }, requestId);
      }
      // The real API's answer to an unknown route.
      return sendJson(response, 404, openAIError(`Invalid URL (${request.method} ${path})`, 'invalid_request_error'), requestId);
    },
    { recordRequests: options.recordRequests, faultBody, keepBodyBytes: options.keepBodyBytes },
  );

  return Object.assign(server, { baseURL: `${server.url}/v1` });
}

// The API echoes a wrong key with its middle starred out.
function maskKey(key: string): string {
  if (key.length <= 8) return '*'.repeat(key.length);
  return `${key.slice(0, 3)}${'*'.repeat(key.length - 7)}${key.slice(-4)}`;
}
