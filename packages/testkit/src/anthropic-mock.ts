import type { ServerResponse } from 'node:http';
import { type AnthropicBatchMockOptions, type MockMessageBatch, createAnthropicBatchMock } from './anthropic-batch-mock.js';
import { encodeAnthropicMessage, encodeAnthropicStream, type AnthropicReplyMeta } from './encode-anthropic-reply.js';
import { isJsonObject, pathWithoutQuery } from './mock-request.js';
import { startMockServer, type MockContext, type MockServer, type ReceivedRequest } from './mock-server.js';
import { createPromptCache, planAnthropicReply } from './plan-anthropic-reply.js';
import { validateAnthropicRequest } from './validate-anthropic-request.js';
import { writeEventStream } from './write-event-stream.js';
import { writeJson } from './write-json.js';

export interface AnthropicMockOptions {
  /** When set, every request must carry `x-api-key: <apiKey>` or gets Anthropic's 401. */
  apiKey?: string;
  /** Pause between stream events (default 0: the whole stream is written at once). */
  streamDelayMs?: number;
  /** Keep requests in `received` (default true); benchmarks turn it off. */
  recordRequests?: boolean;
  /** Message Batches: how many retrieves a new batch stays in_progress (see AnthropicBatchMockOptions). */
  batches?: AnthropicBatchMockOptions;
}

export interface AnthropicMock extends MockServer {
  /**
   * `<url>/v1`: the base URL the gateway's Anthropic adapter is given (Portkey's custom_host
   * shape). The Anthropic SDK takes `url` instead, as it appends `/v1/messages` itself.
   */
  baseURL: string;
  /** The Message Batches created so far, by id (the received params, state, results once ended). */
  batches: ReadonlyMap<string, MockMessageBatch>;
  /** Ends every running batch now (a canceling one ends with its requests canceled). */
  endBatches(): void;
}

export type AnthropicErrorType =
  | 'invalid_request_error'
  | 'authentication_error'
  | 'billing_error'
  | 'permission_error'
  | 'not_found_error'
  | 'request_too_large'
  | 'rate_limit_error'
  | 'api_error'
  | 'timeout_error'
  | 'overloaded_error';

export interface AnthropicErrorBody {
  type: 'error';
  error: { type: string; message: string };
  request_id?: string;
}

export function anthropicError(type: AnthropicErrorType | string, message: string, requestId?: string): AnthropicErrorBody {
  return { type: 'error', error: { type, message }, ...(requestId !== undefined && { request_id: requestId }) };
}

/** The body Anthropic answers a status with (https://docs.claude.com/en/api/errors), for `failNext({ status })`. */
export function anthropicFaultBody(status: number): AnthropicErrorBody {
  const byStatus: Record<number, [AnthropicErrorType, string]> = {
    400: ['invalid_request_error', 'Mock fault: invalid request.'],
    401: ['authentication_error', 'invalid x-api-key'],
    402: ['billing_error', 'Your credit balance is too low to access the Anthropic API.'],
    403: ['permission_error', 'Your API key does not have permission to use the specified resource.'],
    404: ['not_found_error', 'The requested resource could not be found.'],
    413: ['request_too_large', 'Request exceeds the maximum allowed number of bytes.'],
    429: ['rate_limit_error', 'Number of request tokens has exceeded your per-minute rate limit (mock fault).'],
    500: ['api_error', 'Internal server error'],
    504: ['timeout_error', 'Request timeout'],
    529: ['overloaded_error', 'Overloaded'],
  };
  const [type, message] = byStatus[status] ?? (status >= 500 ? ['api_error', `Mock fault: HTTP ${status}.`] : ['invalid_request_error', `Mock fault: HTTP ${status}.`]);
  return anthropicError(type, message, 'req_mock_fault');
}

/**
 * A loopback server speaking Anthropic Messages (`POST /v1/messages`, streamed or not, and
 * `POST /v1/messages/count_tokens`, and Message Batches — see anthropic-batch-mock.ts) with the real wire format: the checks of
 * `validateAnthropicRequest`, the answers of `planAnthropicReply` (whose input usage is also
 * the count), the event sequence of `encodeAnthropicStream`. Faults and recorded
 * replays come from the base mock server; a `{ status }` fault gets Anthropic's error body.
 */
export async function startAnthropicMock(options: AnthropicMockOptions = {}): Promise<AnthropicMock> {
  let sequence = 0;
  const streamDelayMs = options.streamDelayMs ?? 0;
  const promptCache = createPromptCache();
  let serverUrl = '';
  const batchMock = createAnthropicBatchMock(() => serverUrl, options.batches);

  const sendJson = (response: ServerResponse, status: number, body: object, requestId: string) =>
    writeJson(response, status, body, {
      'request-id': requestId,
      ...(status === 429 || status >= 500 ? { 'x-should-retry': 'true' } : {}),
    });

  const messages = async (request: ReceivedRequest, response: ServerResponse, context: MockContext, requestId: string) => {
    const problem = validateAnthropicRequest(request.json, request.headers);
    if (problem) return sendJson(response, problem.status, anthropicError(problem.type, problem.message, requestId), requestId);

    const body = request.json;
    const plan = planAnthropicReply(body, promptCache);
    const meta: AnthropicReplyMeta = { id: `msg_mock${String(sequence).padStart(20, '0')}`, model: body.model };
    if (body.stream !== true) return sendJson(response, 200, encodeAnthropicMessage(plan, meta), requestId);

    const events = encodeAnthropicStream(plan, meta);
    response.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', 'request-id': requestId });
    await writeEventStream(response, events, { delayMs: streamDelayMs, signal: context.signal });
  };

  // count_tokens takes a Messages body without generation settings (the API refuses max_tokens)
  // and counts what a reply to it would bill as input.
  const countTokens = (request: ReceivedRequest, response: ServerResponse, requestId: string) => {
    if (isJsonObject(request.json) && 'max_tokens' in request.json) {
      return sendJson(response, 400, anthropicError('invalid_request_error', 'max_tokens: Extra inputs are not permitted', requestId), requestId);
    }
    const problem = validateAnthropicRequest(isJsonObject(request.json) ? { ...request.json, max_tokens: 1 } : request.json, request.headers);
    if (problem) return sendJson(response, problem.status, anthropicError(problem.type, problem.message, requestId), requestId);
    const usage = planAnthropicReply(request.json, createPromptCache()).usage;
    const inputTokens = usage.input_tokens + usage.cache_creation_input_tokens + usage.cache_read_input_tokens;
    return sendJson(response, 200, { input_tokens: inputTokens }, requestId);
  };

  const server = await startMockServer(
    async (request, response, context) => {
      sequence++;
      const requestId = `req_mock${String(sequence).padStart(20, '0')}`;
      const path = pathWithoutQuery(request.path);

      if (options.apiKey !== undefined && request.headers['x-api-key'] !== options.apiKey) {
        const message = request.headers['x-api-key'] === undefined ? 'x-api-key header is required' : 'invalid x-api-key';
        return sendJson(response, 401, anthropicError('authentication_error', message, requestId), requestId);
      }
      if (request.method === 'POST' && path === '/v1/messages') return messages(request, response, context, requestId);
      if (request.method === 'POST' && path === '/v1/messages/count_tokens') return countTokens(request, response, requestId);
      if (batchMock.handle(request, path, response, (status, body) => sendJson(response, status, body, requestId))) return;
      return sendJson(response, 404, anthropicError('not_found_error', 'Not Found', requestId), requestId);
    },
    { recordRequests: options.recordRequests, faultBody: anthropicFaultBody },
  );

  serverUrl = server.url;
  const reset = server.reset;
  return Object.assign(server, {
    baseURL: `${server.url}/v1`,
    batches: batchMock.batches,
    endBatches: batchMock.endBatches,
    reset() {
      reset();
      promptCache.clear();
      batchMock.reset();
    },
  });
}

export {
  planAnthropicReply,
  createPromptCache,
  mockThinkingSignature,
  mockRedactedThinkingData,
  redactedThinkingTrigger,
  exampleForSchema,
  type AnthropicReplyPlan,
  type AnthropicMockUsage,
  type PromptCache,
} from './plan-anthropic-reply.js';
export { encodeAnthropicMessage, encodeAnthropicStream, type AnthropicReplyMeta } from './encode-anthropic-reply.js';
export type { AnthropicBatchMockOptions, MockMessageBatch } from './anthropic-batch-mock.js';
export { validateAnthropicRequest, type AnthropicRequestProblem } from './validate-anthropic-request.js';
