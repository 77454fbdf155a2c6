import type { ServerResponse } from 'node:http';
import { encodeOpenAICompletion, encodeOpenAIStream, type OpenAIReplyMeta } from './encode-openai-reply.js';
import { encodeOllamaChatResponse, encodeOllamaChatStream, type OllamaReplyMeta } from './encode-ollama-reply.js';
import { mockEmbeddingVector, mockTokenCount } from './mock-embedding.js';
import { contentText, lastUserMessage } from './mock-reply-text.js';
import { isJsonObject, pathWithoutQuery } from './mock-request.js';
import { startMockServer, type MockContext, type MockServer, type ReceivedRequest } from './mock-server.js';
import { planOllamaReply } from './plan-ollama-reply.js';
import { planOpenAIReply } from './plan-openai-reply.js';
import { writeEventStream } from './write-event-stream.js';
import { writeJson } from './write-json.js';

export interface OllamaMockOptions {
  /** Models that are pulled; others get Ollama's 404. Listed by `/api/tags`. Default: every name exists, tags lists two. */
  models?: string[];
  /** When set, requests must carry `Authorization: Bearer <apiKey>` (as Ollama's cloud API wants), else 401. */
  apiKey?: string;
  /** Send ids on native tool calls, as Ollama 0.12+ does (default false: older servers send none). */
  toolCallIds?: boolean;
  /** Pause between stream chunks (default 0: the whole stream is written at once). */
  streamDelayMs?: number;
  /** Keep requests in `received` (default true); benchmarks turn it off. */
  recordRequests?: boolean;
}

export interface OllamaStreamFault {
  /** Chunks sent first (default 1). */
  afterChunks?: number;
  /** The `{"error": …}` line sent then (Ollama's mid-stream error); without it the connection is cut. */
  error?: string;
}

export interface OllamaMock extends MockServer {
  /** The bare host, as Ollama's base URL (and Portkey's custom_host for Ollama) is. */
  baseURL: string;
  /** The next streamed `/api/chat` answer sends `afterChunks` lines, then an error line (or is cut). */
  streamFaultNext(fault?: OllamaStreamFault): void;
}

const defaultTags = ['llama3.2:latest', 'qwen3:0.6b'];

function faultBody(status: number): { error: string } {
  return { error: status >= 500 ? `mock fault: the model failed to generate a response (${status})` : `mock fault: HTTP ${status}` };
}

// What Go's base64 decoder says about a string that is not standard base64 (Ollama's images are []byte).
function base64Problem(image: unknown): string | undefined {
  if (typeof image !== 'string') return 'json: cannot unmarshal images: expected a base64 string';
  const at = image.search(/[^A-Za-z0-9+/=]/);
  if (at !== -1) return `illegal base64 data at input byte ${at}`;
  return undefined;
}

/**
 * A loopback server speaking Ollama's API: native `POST /api/chat` (streamed as NDJSON unless
 * `stream: false` — streaming is Ollama's default), `GET /api/tags`, and the OpenAI-compatible
 * `POST /v1/chat/completions`, and `POST /api/embed` (`mockEmbeddingVector` of each input). Native answers follow `planOllamaReply`; errors are Ollama's
 * `{"error": "…"}` (404 for a model that is not pulled, 400 for images that are not base64).
 * Faults and recorded replays come from the base server.
 */
export async function startOllamaMock(options: OllamaMockOptions = {}): Promise<OllamaMock> {
  let sequence = 0;
  const streamFaults: OllamaStreamFault[] = [];
  const delayMs = options.streamDelayMs ?? 0;
  const sendJson = (response: ServerResponse, status: number, body: object) => writeJson(response, status, body, { 'content-type': 'application/json; charset=utf-8' });

  const nativeChat = async (request: ReceivedRequest, response: ServerResponse, context: MockContext) => {
    const body = request.json;
    if (!isJsonObject(body)) return sendJson(response, 400, { error: 'invalid character looking for beginning of value' });
    if (typeof body.model !== 'string' || body.model === '') return sendJson(response, 400, { error: 'model is required' });
    if (options.models && !options.models.includes(body.model)) return sendJson(response, 404, { error: `model '${body.model}' not found` });
    for (const message of Array.isArray(body.messages) ? body.messages : []) {
      for (const image of message?.images ?? []) {
        const problem = base64Problem(image);
        if (problem) return sendJson(response, 400, { error: problem });
      }
    }
    const plan = planOllamaReply(body);
    const meta: OllamaReplyMeta = {
      model: body.model,
      // Distinct per request, like the real timestamps the adapter derives ids from.
      startedAt: Date.UTC(2025, 0, 1) + sequence * 1000,
      ...(options.toolCallIds && { toolCallIds: plan.toolCalls.map((_, index) => `call_mock${sequence}_${index}`) }),
    };
    if (body.stream === false) return sendJson(response, 200, encodeOllamaChatResponse(plan, meta));

    let lines = encodeOllamaChatStream(plan, meta);
    const fault = streamFaults.shift();
    if (fault) lines = lines.slice(0, fault.afterChunks ?? 1);
    if (fault?.error !== undefined) lines.push(`${JSON.stringify({ error: fault.error })}\n`);
    response.writeHead(200, { 'content-type': 'application/x-ndjson' });
    const cut = fault !== undefined && fault.error === undefined;
    await writeEventStream(response, lines, { delayMs, signal: context.signal, keepOpen: cut });
    if (cut) response.socket?.destroy();
  };

  // /api/embed: `input` a string or strings; each vector is mockEmbeddingVector(text, dimensions ?? 8), prompt_eval_count the words.
  const nativeEmbed = (request: ReceivedRequest, response: ServerResponse) => {
    const body = request.json;
    if (!isJsonObject(body)) return sendJson(response, 400, { error: 'invalid character looking for beginning of value' });
    if (typeof body.model !== 'string' || body.model === '') return sendJson(response, 400, { error: 'model is required' });
    if (options.models && !options.models.includes(body.model)) return sendJson(response, 404, { error: `model "${body.model}" not found, try pulling it first` });
    const input: unknown[] = typeof body.input === 'string' ? [body.input] : Array.isArray(body.input) ? body.input : [];
    if (input.length === 0 || input.some((text) => typeof text !== 'string')) return sendJson(response, 400, { error: 'invalid input type' });
    const dimensions = body.dimensions ?? 8;
    if (!Number.isInteger(dimensions) || dimensions < 1) return sendJson(response, 400, { error: 'dimensions must be a positive integer' });
    const texts = input as string[];
    return sendJson(response, 200, {
      model: body.model,
      embeddings: texts.map((text) => mockEmbeddingVector(text, dimensions)),
      total_duration: 14_143_917,
      load_duration: 1_019_500,
      prompt_eval_count: texts.reduce((sum, text) => sum + mockTokenCount(text), 0),
    });
  };

  const openAIChat = async (request: ReceivedRequest, response: ServerResponse, context: MockContext) => {
    const body = request.json;
    if (!isJsonObject(body) || !Array.isArray(body.messages)) {
      return sendJson(response, 400, { error: { message: 'invalid request', type: 'invalid_request_error', param: null, code: null } });
    }
    if (options.models && !options.models.includes(body.model)) {
      return sendJson(response, 404, { error: { message: `model '${body.model}' not found`, type: 'not_found_error', param: null, code: null } });
    }
    const plan = planOpenAIReply(body);
    const meta: OpenAIReplyMeta = { id: `chatcmpl-${sequence}`, created: Math.floor(Date.now() / 1000), model: body.model, systemFingerprint: 'fp_ollama' };
    const reasoning = body.reasoning_effort != null && body.reasoning_effort !== 'none'
      ? `Thinking about: ${contentText(lastUserMessage(body.messages)?.content)}`
      : undefined;
    if (body.stream !== true) {
      const completion = encodeOpenAICompletion(plan, meta) as Record<string, any>;
      if (reasoning) completion.choices[0].message.reasoning = reasoning;
      return sendJson(response, 200, completion);
    }
    const frames = encodeOpenAIStream(plan, meta, body.stream_options?.include_usage === true);
    if (reasoning) {
      // Ollama streams the thinking as `delta.reasoning` before the answer.
      const first = JSON.parse(frames[0]!.slice('data: '.length));
      first.choices[0].delta = { role: 'assistant', content: '', reasoning };
      frames.splice(1, 0, `data: ${JSON.stringify(first)}\n\n`);
    }
    response.writeHead(200, { 'content-type': 'text/event-stream' });
    await writeEventStream(response, frames, { delayMs, signal: context.signal });
  };

  const server = await startMockServer(
    async (request, response, context) => {
      sequence++;
      if (options.apiKey !== undefined && request.headers.authorization !== `Bearer ${options.apiKey}`) {
        return sendJson(response, 401, { error: 'unauthorized' });
      }
      const path = pathWithoutQuery(request.path);
      if (request.method === 'POST' && path === '/api/chat') return nativeChat(request, response, context);
      if (request.method === 'POST' && path === '/v1/chat/completions') return openAIChat(request, response, context);
      if (request.method === 'POST' && path === '/api/embed') return nativeEmbed(request, response);
      if (request.method === 'GET' && path === '/api/tags') {
        const models = (options.models ?? defaultTags).map((name, index) => ({
          name,
          model: name,
          modified_at: '2025-05-01T10:00:00.000000000Z',
          size: 2_019_393_189 + index,
          digest: `${String(index).repeat(8)}a80c4f17`.padEnd(64, '0'),
          details: { parent_model: '', format: 'gguf', family: 'llama', families: ['llama'], parameter_size: '3.2B', quantization_level: 'Q4_K_M' },
        }));
        return sendJson(response, 200, { models });
      }
      // Ollama's router answers unknown paths with a plain-text 404.
      response.writeHead(404, { 'content-type': 'text/plain' });
      response.end('404 page not found');
    },
    { recordRequests: options.recordRequests, faultBody },
  );

  return Object.assign(server, {
    baseURL: server.url,
    streamFaultNext: (fault: OllamaStreamFault = {}) => void streamFaults.push(fault),
  });
}

export { planOllamaReply, type OllamaReplyPlan } from './plan-ollama-reply.js';
export { encodeOllamaChatResponse, encodeOllamaChatStream, type OllamaReplyMeta } from './encode-ollama-reply.js';
