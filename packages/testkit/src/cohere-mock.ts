import { randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { cohereDoneFrame, encodeCohereResponse, encodeCohereStream, frameCohereEvent, type CohereReplyMeta } from './encode-cohere-reply.js';
import { startMockServer, type MockContext, type MockServer, type ReceivedRequest } from './mock-server.js';
import { planCohereReply } from './plan-cohere-reply.js';
import { answerCohereEmbed } from './cohere-mock-embed.js';

export interface CohereMockOptions {
  /** When set, every request must carry `Authorization: Bearer <apiKey>`, else Cohere's 401. */
  apiKey?: string;
  /** Model ids that exist; others get Cohere's 404. Default: every id exists. */
  models?: string[];
  /** Pause between stream events (default 0: the whole stream is written at once). */
  streamDelayMs?: number;
  /** Keep requests in `received` (default true); benchmarks turn it off. */
  recordRequests?: boolean;
}

export interface CohereStreamError {
  /** Frames of the normal answer sent before the failure (default 2: message-start and one more). */
  afterEvents?: number;
  /** The `delta.error` of the failing message-end. */
  message?: string;
}

export interface CohereMock extends MockServer {
  /** The base URL the gateway's Cohere adapter is given: the bare host, as Cohere's custom_host has it. */
  baseURL: string;
  /** The next streamed answer sends `afterEvents` frames, then message-end with finish_reason ERROR, then [DONE]. */
  streamErrorNext(error?: CohereStreamError): void;
}

export interface CohereErrorBody {
  id?: string;
  message: string;
}

export function cohereError(message: string, id: string = randomUUID()): CohereErrorBody {
  return { id, message };
}

/** The body Cohere answers a status with, for `failNext({ status })`. */
export function cohereFaultBody(status: number): CohereErrorBody {
  const byStatus: Record<number, string> = {
    400: 'invalid request: mock fault.',
    401: 'invalid api token',
    404: "model 'mock' not found, make sure the correct model ID was used and that you have access to the model.",
    422: 'unprocessable entity: mock fault.',
    429: 'You are using a Trial key, which is limited to 10 API calls / minute. (mock fault)',
    499: 'request cancelled',
    500: 'internal server error, this has been reported to our developers. (mock fault)',
    503: 'service unavailable, please try again later. (mock fault)',
  };
  return cohereError(byStatus[status] ?? `mock fault: HTTP ${status}`);
}

// The Chat v2 body fields (https://docs.cohere.com/reference/chat); anything else is refused, so
// an adapter sending OpenAI names (top_p, stop, max_completion_tokens …) is caught.
const knownFields = new Set([
  'model',
  'messages',
  'stream',
  'tools',
  'strict_tools',
  'documents',
  'citation_options',
  'response_format',
  'safety_mode',
  'max_tokens',
  'stop_sequences',
  'temperature',
  'seed',
  'frequency_penalty',
  'presence_penalty',
  'k',
  'p',
  'logprobs',
  'tool_choice',
  'thinking',
  'priority',
]);

/**
 * A loopback server speaking Cohere Chat v2 (`POST /v2/chat`, streamed or not) and Embed v2
 * (`POST /v2/embed`, see `answerCohereEmbed`) with the real
 * wire format: `{ id, message }` error bodies, named-event SSE (`event: <type>` + `data:`)
 * ended by `data: [DONE]`, tool plans and citations. Answers are deterministic — see
 * `planCohereReply`. Faults and recorded replays come from the base mock server.
 */
export async function startCohereMock(options: CohereMockOptions = {}): Promise<CohereMock> {
  const streamDelayMs = options.streamDelayMs ?? 0;
  const streamErrors: CohereStreamError[] = [];
  let sequence = 0;

  const sendJson = (response: ServerResponse, status: number, body: unknown) => {
    const text = JSON.stringify(body);
    response.writeHead(status, {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(text),
      'x-debug-trace-id': `mock-trace-${sequence}`,
    });
    response.end(text);
  };

  const chat = async (request: ReceivedRequest, response: ServerResponse, context: MockContext) => {
    const body = request.json;
    const problem = validateCohereRequest(body);
    if (problem) return sendJson(response, problem.status, cohereError(problem.message));
    if (options.models && !options.models.includes(body.model)) {
      return sendJson(response, 404, cohereError(`model '${body.model}' not found, make sure the correct model ID was used and that you have access to the model.`));
    }

    const plan = planCohereReply(body);
    const meta: CohereReplyMeta = { id: `mock-${String(sequence).padStart(8, '0')}-0000-4000-8000-000000000000` };
    if (body.stream !== true) return sendJson(response, 200, encodeCohereResponse(plan, meta));

    let frames = encodeCohereStream(plan, meta);
    const streamError = streamErrors.shift();
    if (streamError) {
      frames = frames.slice(0, streamError.afterEvents ?? 2);
      frames.push(frameCohereEvent({ type: 'message-end', delta: { finish_reason: 'ERROR', error: streamError.message ?? 'internal server error (mock stream error)' } }));
      frames.push(cohereDoneFrame);
    }
    response.writeHead(200, {
      'content-type': 'text/event-stream',
      'cache-control': 'no-cache',
      'x-debug-trace-id': `mock-trace-${sequence}`,
    });
    if (streamDelayMs <= 0) {
      response.end(frames.join(''));
      return;
    }
    response.flushHeaders();
    for (const frame of frames) {
      if (context.signal.aborted) return;
      response.write(frame);
      await sleep(streamDelayMs);
    }
    if (!context.signal.aborted) response.end();
  };

  const server = await startMockServer(
    async (request, response, context) => {
      sequence++;
      const query = request.path.indexOf('?');
      const path = query === -1 ? request.path : request.path.slice(0, query);
      if (options.apiKey !== undefined) {
        const authorization = request.headers.authorization;
        if (!authorization) return sendJson(response, 401, cohereError('no api key supplied'));
        if (authorization !== `Bearer ${options.apiKey}`) return sendJson(response, 401, cohereError('invalid api token'));
      }
      if (request.method === 'POST' && path === '/v2/chat') return chat(request, response, context);
      if (request.method === 'POST' && path === '/v2/embed') {
        const answer = answerCohereEmbed(request.json, options.models);
        return sendJson(response, answer.status, answer.body);
      }
      return sendJson(response, 404, cohereError(`${request.method} ${path} not found`));
    },
    { recordRequests: options.recordRequests, faultBody: cohereFaultBody },
  );

  return Object.assign(server, {
    baseURL: server.url,
    streamErrorNext: (error: CohereStreamError = {}) => void streamErrors.push(error),
  });
}

export interface CohereRequestProblem {
  status: number;
  message: string;
}

/** The checks of the real Chat v2 API that an adapter can get wrong. */
export function validateCohereRequest(body: any): CohereRequestProblem | undefined {
  const invalid = (message: string): CohereRequestProblem => ({ status: 400, message: `invalid request: ${message}` });
  if (body === undefined || typeof body !== 'object' || Array.isArray(body)) return invalid('body must be a JSON object.');
  for (const key of Object.keys(body)) if (!knownFields.has(key)) return invalid(`unknown field: parameter ${key} is not a valid field`);
  if (typeof body.model !== 'string' || body.model === '') return invalid('model must be specified.');
  if (!Array.isArray(body.messages) || body.messages.length === 0) return invalid('messages cannot be empty.');

  const callIds = new Set<string>();
  for (let index = 0; index < body.messages.length; index++) {
    const message = body.messages[index];
    const role = message?.role;
    if (!['system', 'user', 'assistant', 'tool'].includes(role)) return invalid(`messages[${index}].role must be one of system, user, assistant, tool.`);
    const content = message.content;
    if (role !== 'assistant' && typeof content !== 'string' && !Array.isArray(content)) return invalid(`messages[${index}].content must be a string or a list.`);
    if (Array.isArray(content)) {
      for (const block of content) {
        if (block?.type === 'image_url' && typeof block.image_url?.url !== 'string') return invalid(`messages[${index}]: image_url.url must be a string.`);
        if (block?.type === 'thinking' && role !== 'assistant') return invalid(`messages[${index}]: thinking content is only allowed in assistant messages.`);
      }
    }
    if (role === 'assistant') {
      if (content === undefined && !Array.isArray(message.tool_calls)) return invalid(`messages[${index}]: an assistant message needs content or tool_calls.`);
      for (const call of message.tool_calls ?? []) {
        if (typeof call?.id !== 'string' || typeof call?.function?.name !== 'string') return invalid(`messages[${index}].tool_calls: each call needs an id and a function name.`);
        if (typeof call.function.arguments !== 'string') return invalid(`messages[${index}].tool_calls: function.arguments must be a JSON string.`);
        callIds.add(call.id);
      }
    }
    if (role === 'tool') {
      if (typeof message.tool_call_id !== 'string') return invalid(`messages[${index}].tool_call_id is required for tool messages.`);
      if (!callIds.has(message.tool_call_id)) return invalid(`messages[${index}]: tool_call_id ${message.tool_call_id} does not match any tool call of an earlier assistant message.`);
    }
  }

  const tools: any[] | undefined = body.tools;
  if (tools !== undefined) {
    if (!Array.isArray(tools)) return invalid('tools must be a list.');
    for (const tool of tools) {
      if (tool?.type !== 'function' || typeof tool.function?.name !== 'string' || typeof tool.function?.parameters !== 'object') {
        return invalid('each tool must be {"type": "function", "function": {"name", "parameters"}}.');
      }
    }
  }
  if (body.tool_choice !== undefined) {
    if (body.tool_choice !== 'REQUIRED' && body.tool_choice !== 'NONE') return invalid("tool_choice must be one of 'REQUIRED', 'NONE'.");
    if (!tools?.length) return invalid('tool_choice requires tools to be specified.');
  }
  if (body.response_format !== undefined) {
    const type = body.response_format?.type;
    if (type !== 'text' && type !== 'json_object') return invalid("response_format.type must be 'text' or 'json_object'.");
    if (type === 'json_object' && (tools?.length || body.documents?.length)) return invalid('response_format is not supported with tools or documents.');
  }
  if (body.thinking !== undefined) {
    if (body.thinking?.type !== 'enabled' && body.thinking?.type !== 'disabled') return invalid("thinking.type must be 'enabled' or 'disabled'.");
    const budget = body.thinking.token_budget;
    if (budget !== undefined && (!Number.isInteger(budget) || budget < 1)) return invalid('thinking.token_budget must be a positive integer.');
  }
  if (body.stop_sequences !== undefined && (!Array.isArray(body.stop_sequences) || body.stop_sequences.length > 5)) {
    return invalid('stop_sequences must be a list of at most 5 strings.');
  }
  return undefined;
}

export { planCohereReply, type CohereReplyPlan, type CohereMockCitation } from './plan-cohere-reply.js';
export { encodeCohereResponse, encodeCohereStream, frameCohereEvent, cohereDoneFrame, type CohereReplyMeta } from './encode-cohere-reply.js';
