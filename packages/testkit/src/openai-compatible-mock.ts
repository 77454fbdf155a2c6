import type { ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  encodeOpenAICompatibleCompletion,
  encodeOpenAICompatibleStream,
  type OpenAICompatibleReplyStyle,
} from './encode-openai-compatible-reply.js';
import { createOpenAIEndpointAnswerer } from './answer-openai-endpoint.js';
import { startMockServer, type MockContext, type MockServer, type ReceivedRequest } from './mock-server.js';
import { planOpenAIReply } from './plan-openai-reply.js';

export { encodeOpenAICompatibleCompletion, encodeOpenAICompatibleStream, type OpenAICompatibleReplyStyle } from './encode-openai-compatible-reply.js';

export interface OpenAICompatibleMockOptions extends OpenAICompatibleReplyStyle {
  /** When set, every request must carry this key (see `authHeader`) or gets a 401. */
  apiKey?: string;
  /** The header carrying the key: `authorization` (default, `Bearer <key>`) or a bare-key header such as `x-api-key`. */
  authHeader?: string;
  /** The path before `/chat/completions` (default `/v1`; Groq's is `/openai/v1`). */
  basePath?: string;
  /**
   * Request fields the server refuses, answered as the strict server does (`errorStyle`): a
   * top-level name, or a dotted path through arrays (`messages.name`).
   */
  refuseFields?: string[];
  /** Mistral: tool call ids in the request must match this, or the request gets Mistral's 400; the mock's own call ids then follow it too (`mockcall0`, `mockcall1`, …). */
  toolCallIdPattern?: RegExp;
  /** `openai` (default): `{ error: {...} }` bodies; `mistral`: flat `{ object: 'error', ... }` bodies and 422 validation reports. */
  errorStyle?: 'openai' | 'mistral';
  /** Size every text reply to exactly this many words (see `planOpenAIReply`). */
  words?: number;
  /** Pause between stream chunks (default 0: the whole stream is written at once). */
  streamDelayMs?: number;
  /** A fixed `created` timestamp (default: the time of the request). */
  created?: number;
  /** Keep requests in `received` (default true). */
  recordRequests?: boolean;
  /**
   * OpenAI endpoints besides chat the server answers, as paths after the base (`/audio/transcriptions`,
   * `/embeddings`); the others get its 404. Default: none, as most compatible servers serve chat only.
   */
  endpoints?: string[];
}

export interface OpenAICompatibleMock extends MockServer {
  /** `<url><basePath>`: the base URL a compatible preset is given (its custom_host). */
  baseURL: string;
}

/**
 * A loopback OpenAI-compatible server that plays a provider's quirks: where reasoning goes
 * (`reasoning_content`, `reasoning`, Mistral thinking chunks), where usage goes in a stream
 * (include_usage chunk, finish chunk, `x_groq`), tool calls whole without index (Mistral),
 * refused fields and Mistral's tool call id rule. Replies follow `planOpenAIReply`; the model
 * thinks (`Thinking about: <last user text>`) when the request sets `reasoning_effort` or
 * `reasoning_format` (other than `hidden`), or the model name says so (`reason`, `think`,
 * `magistral`, `r1`). Recorded answers replay through `replayNext(recordedAnswer(...))`.
 */
export async function startOpenAICompatibleMock(options: OpenAICompatibleMockOptions = {}): Promise<OpenAICompatibleMock> {
  let sequence = 0;
  const basePath = (options.basePath ?? '/v1').replace(/\/+$/, '');
  const errorStyle = options.errorStyle ?? 'openai';
  const authHeader = (options.authHeader ?? 'authorization').toLowerCase();

  const errorBody = (message: string, type: string, code: string | null = null, param: string | null = null) =>
    errorStyle === 'mistral' ? { object: 'error', message, type, param, code } : { error: { message, type, param, code } };

  const sendJson = (response: ServerResponse, status: number, body: object) => {
    const text = JSON.stringify(body);
    response.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), 'x-request-id': `req_mock_${sequence}` });
    response.end(text);
  };

  const chat = async (request: ReceivedRequest, response: ServerResponse, context: MockContext) => {
    const body = request.json;
    if (body === undefined || typeof body !== 'object' || Array.isArray(body) || typeof body.model !== 'string' || !Array.isArray(body.messages)) {
      return sendJson(response, 400, errorBody('The request body must be a JSON object with a model and messages.', 'invalid_request_error'));
    }
    const refused = (options.refuseFields ?? []).flatMap((path) => findPaths(body, path.split('.'), ''));
    if (refused.length > 0) {
      if (errorStyle === 'mistral') {
        const detail = refused.map((place) => ({ type: 'extra_forbidden', loc: ['body', ...place.split('.')], msg: 'Extra inputs are not permitted' }));
        return sendJson(response, 422, { object: 'error', message: { detail }, type: 'invalid_request_error', param: null, code: null });
      }
      return sendJson(response, 400, errorBody(`${refused[0]} is not supported`, 'invalid_request_error', 'unsupported_parameter', refused[0]));
    }
    if (options.toolCallIdPattern) {
      const bad = toolCallIds(body.messages).find((id) => !options.toolCallIdPattern!.test(id));
      if (bad !== undefined) {
        return sendJson(response, 400, errorBody(`Tool call id was ${bad} but must be a-z, A-Z, 0-9, with a length of 9.`, 'invalid_function_call', '3280'));
      }
    }

    const plan = planOpenAIReply(body, { words: options.words });
    if (options.toolCallIdPattern) plan.toolCalls.forEach((call, index) => (call.id = `mockcall${index}`));
    const meta = {
      id: `cmpl-mock${String(sequence).padStart(8, '0')}`,
      created: options.created ?? Math.floor(Date.now() / 1000),
      model: body.model,
      reasoning: thinks(body) ? `Thinking about: ${lastUserText(body.messages)}` : undefined,
    };
    if (body.stream !== true) return sendJson(response, 200, encodeOpenAICompatibleCompletion(plan, meta, options));

    const events = encodeOpenAICompatibleStream(plan, meta, options, body.stream_options?.include_usage === true);
    response.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'x-request-id': `req_mock_${sequence}` });
    if (!options.streamDelayMs) {
      response.write(events.join(''));
      response.end();
      return;
    }
    response.flushHeaders();
    for (const event of events) {
      if (context.signal.aborted) return;
      response.write(event);
      await sleep(options.streamDelayMs);
    }
    if (!context.signal.aborted) response.end();
  };

  const served = new Set(options.endpoints ?? []);
  const endpoints = createOpenAIEndpointAnswerer({
    sendJson: (response, status, body) => sendJson(response, status, body),
    error: (message, param) => errorBody(message, 'invalid_request_error', null, param),
    serves: (path) => served.has(path) || [...served].some((base) => path.startsWith(`${base}/`)),
  });

  const server = await startMockServer(
    async (request, response, context) => {
      sequence++;
      const query = request.path.indexOf('?');
      const path = query === -1 ? request.path : request.path.slice(0, query);
      if (options.apiKey !== undefined) {
        const sent = request.headers[authHeader];
        const key = authHeader === 'authorization' ? sent?.replace(/^Bearer /, '') : sent;
        if (key !== options.apiKey) return sendJson(response, 401, errorBody('Invalid API key provided.', 'authentication_error', 'invalid_api_key'));
      }
      if (request.method === 'POST' && path === `${basePath}/chat/completions`) return chat(request, response, context);
      if (path.startsWith(`${basePath}/`) && (await endpoints.answer(request, response, path.slice(basePath.length)))) return;
      return sendJson(response, 404, errorBody(`Unknown route ${request.method} ${path}.`, 'invalid_request_error'));
    },
    {
      recordRequests: options.recordRequests,
      faultBody: (status) =>
        status === 429
          ? errorBody('Rate limit reached (mock fault).', 'rate_limit_error', 'rate_limit_exceeded')
          : errorBody(`Mock fault: HTTP ${status}.`, status >= 500 ? 'server_error' : 'invalid_request_error'),
    },
  );
  return Object.assign(server, { baseURL: `${server.url}${basePath}` });
}

function thinks(body: any): boolean {
  if (body.reasoning_effort != null && body.reasoning_effort !== 'none') return true;
  if (typeof body.reasoning_format === 'string' && body.reasoning_format !== 'hidden') return true;
  return /reason|think|magistral|r1/i.test(String(body.model));
}

function lastUserText(messages: any[]): string {
  for (let index = messages.length - 1; index >= 0; index--) {
    const message = messages[index];
    if (message?.role !== 'user') continue;
    if (typeof message.content === 'string') return message.content;
    if (Array.isArray(message.content)) return message.content.filter((part: any) => part?.type === 'text').map((part: any) => part.text).join(' ');
  }
  return '';
}

function toolCallIds(messages: any[]): string[] {
  return messages.flatMap((message) => [
    ...(Array.isArray(message?.tool_calls) ? message.tool_calls.map((call: any) => String(call?.id)) : []),
    ...(message?.role === 'tool' ? [String(message.tool_call_id)] : []),
  ]);
}

/** Where a dotted path has a non-null value, as `messages.2.name` places. */
function findPaths(value: unknown, segments: string[], at: string): string[] {
  if (Array.isArray(value)) return value.flatMap((item, index) => findPaths(item, segments, at === '' ? String(index) : `${at}.${index}`));
  if (typeof value !== 'object' || value === null) return [];
  const [head, ...rest] = segments;
  const object = value as Record<string, unknown>;
  if (head === undefined || object[head] === undefined || object[head] === null) return [];
  const place = at === '' ? head : `${at}.${head}`;
  return rest.length === 0 ? [place] : findPaths(object[head], rest, place);
}
