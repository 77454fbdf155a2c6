import type { ServerResponse } from 'node:http';
import { encodeAnthropicMessage } from './encode-anthropic-reply.js';
import { isJsonObject } from './mock-request.js';
import type { ReceivedRequest } from './mock-server.js';
import { createPromptCache, planAnthropicReply } from './plan-anthropic-reply.js';
import { validateAnthropicRequest } from './validate-anthropic-request.js';

/** One batch as the mock keeps it: what was asked for, and where it stands. */
export interface MockMessageBatch {
  id: string;
  requests: Array<{ custom_id: string; params: any }>;
  /** The headers of the create call: each request is checked with them, as the API does. */
  headers: Record<string, string>;
  processingStatus: 'in_progress' | 'canceling' | 'ended';
  createdAt: Date;
  cancelInitiatedAt?: Date;
  endedAt?: Date;
  /** Retrieves left before it ends on its own. */
  retrievesLeft: number;
  /** The results JSONL lines, fixed when it ends. */
  results?: object[];
}

export interface AnthropicBatchMockOptions {
  /**
   * How many retrieves see a new batch still `in_progress` before it ends (default 1: the first
   * retrieve after create says in_progress, the next says ended). `endBatches()` ends them at once.
   */
  retrievesBeforeEnd?: number;
}

type Answer = (status: number, body: object) => void;

const customIdPattern = /^[a-zA-Z0-9_-]{1,64}$/;

/**
 * Anthropic's Message Batches (https://docs.claude.com/en/api/creating-message-batches) on the
 * mock: create keeps the received params, a batch ends after a few retrieves (or when the test
 * says), each request is then checked and answered as `POST /v1/messages` would be, and the
 * results are served as JSONL from `results_url`. Params are validated when the batch runs,
 * not at create, so a bad request becomes an `errored` result, as with the real API.
 */
export function createAnthropicBatchMock(baseUrl: () => string, options: AnthropicBatchMockOptions = {}) {
  const batches = new Map<string, MockMessageBatch>();
  let sequence = 0;
  const retrievesBeforeEnd = options.retrievesBeforeEnd ?? 1;

  const end = (batch: MockMessageBatch) => {
    if (batch.processingStatus === 'ended') return;
    const canceled = batch.processingStatus === 'canceling';
    const cache = createPromptCache();
    batch.results = batch.requests.map(({ custom_id, params }, index) => {
      if (canceled) return { custom_id, result: { type: 'canceled' } };
      const problem = validateAnthropicRequest(params, batch.headers);
      if (problem) {
        return { custom_id, result: { type: 'errored', error: { type: 'error', error: { type: problem.type, message: problem.message } } } };
      }
      const meta = { id: `msg_${batch.id.slice('msgbatch_'.length)}${String(index).padStart(4, '0')}`, model: params.model };
      return { custom_id, result: { type: 'succeeded', message: encodeAnthropicMessage(planAnthropicReply(params, cache), meta) } };
    });
    batch.processingStatus = 'ended';
    batch.endedAt = new Date();
  };

  const encode = (batch: MockMessageBatch) => {
    const results = batch.results ?? [];
    const count = (type: string) => results.filter((line: any) => line.result.type === type).length;
    return {
      id: batch.id,
      type: 'message_batch',
      processing_status: batch.processingStatus,
      request_counts: {
        processing: batch.processingStatus === 'ended' ? 0 : batch.requests.length,
        succeeded: count('succeeded'),
        errored: count('errored'),
        canceled: count('canceled'),
        expired: count('expired'),
      },
      ended_at: batch.endedAt?.toISOString() ?? null,
      created_at: batch.createdAt.toISOString(),
      expires_at: new Date(batch.createdAt.getTime() + 24 * 3600_000).toISOString(),
      archived_at: null,
      cancel_initiated_at: batch.cancelInitiatedAt?.toISOString() ?? null,
      results_url: batch.processingStatus === 'ended' ? `${baseUrl()}/v1/messages/batches/${batch.id}/results` : null,
    };
  };

  const notFound = (answer: Answer, id: string) => answer(404, { type: 'error', error: { type: 'not_found_error', message: `No batch found with id ${id}` } });
  const invalid = (answer: Answer, message: string) => answer(400, { type: 'error', error: { type: 'invalid_request_error', message } });

  const create = (request: ReceivedRequest, answer: Answer) => {
    if (!request.headers['anthropic-version']) return invalid(answer, 'anthropic-version: header is required');
    const requests = isJsonObject(request.json) ? request.json.requests : undefined;
    if (!Array.isArray(requests) || requests.length === 0) return invalid(answer, 'requests: List should have at least 1 item after validation');
    const seen = new Set<string>();
    for (let index = 0; index < requests.length; index++) {
      const item = requests[index];
      if (!isJsonObject(item) || typeof item.custom_id !== 'string' || !customIdPattern.test(item.custom_id)) {
        return invalid(answer, `requests.${index}.custom_id: String should match pattern '^[a-zA-Z0-9_-]{1,64}$'`);
      }
      if (seen.has(item.custom_id)) return invalid(answer, `Duplicate custom_id: ${item.custom_id}`);
      seen.add(item.custom_id);
      if (!isJsonObject(item.params)) return invalid(answer, `requests.${index}.params: Field required`);
    }
    sequence++;
    const batch: MockMessageBatch = {
      id: `msgbatch_mock${String(sequence).padStart(16, '0')}`,
      requests: requests.map((item: any) => ({ custom_id: item.custom_id, params: item.params })),
      headers: request.headers,
      processingStatus: 'in_progress',
      createdAt: new Date(),
      retrievesLeft: retrievesBeforeEnd,
    };
    batches.set(batch.id, batch);
    return answer(200, encode(batch));
  };

  const retrieve = (id: string, answer: Answer) => {
    const batch = batches.get(id);
    if (!batch) return notFound(answer, id);
    if (batch.processingStatus !== 'ended') {
      if (batch.retrievesLeft <= 0) end(batch);
      else batch.retrievesLeft--;
    }
    return answer(200, encode(batch));
  };

  // Newest first, as the API lists them; `after_id` pages on to older ones.
  const list = (query: URLSearchParams, answer: Answer) => {
    const all = [...batches.values()].reverse();
    const afterId = query.get('after_id');
    const start = afterId ? all.findIndex((batch) => batch.id === afterId) + 1 : 0;
    const limit = Math.min(Math.max(Number(query.get('limit') ?? 20) || 20, 1), 1000);
    const page = all.slice(start, start + limit);
    return answer(200, {
      data: page.map(encode),
      has_more: start + limit < all.length,
      first_id: page[0]?.id ?? null,
      last_id: page.at(-1)?.id ?? null,
    });
  };

  const cancel = (id: string, answer: Answer) => {
    const batch = batches.get(id);
    if (!batch) return notFound(answer, id);
    if (batch.processingStatus === 'in_progress') {
      batch.processingStatus = 'canceling';
      batch.cancelInitiatedAt = new Date();
    }
    return answer(200, encode(batch));
  };

  const results = (id: string, response: ServerResponse, answer: Answer) => {
    const batch = batches.get(id);
    if (!batch) return notFound(answer, id);
    if (batch.processingStatus !== 'ended') return invalid(answer, `Batch ${id} has not ended: results are available once processing_status is "ended".`);
    const text = batch.results!.map((line) => `${JSON.stringify(line)}\n`).join('');
    response.writeHead(200, { 'content-type': 'application/binary', 'content-length': Buffer.byteLength(text) });
    response.end(text);
  };

  return {
    batches,
    /** Ends every batch still running (canceling ones end canceled). */
    endBatches() {
      for (const batch of batches.values()) end(batch);
    },
    reset() {
      batches.clear();
    },
    /** Serves the request when it is a Message Batches call; false when it is not one. */
    handle(request: ReceivedRequest, path: string, response: ServerResponse, answer: Answer): boolean {
      const query = new URLSearchParams(request.path.includes('?') ? request.path.slice(request.path.indexOf('?') + 1) : '');
      if (path === '/v1/messages/batches') {
        if (request.method === 'POST') create(request, answer);
        else if (request.method === 'GET') list(query, answer);
        else return false;
        return true;
      }
      const match = /^\/v1\/messages\/batches\/([^/]+)(\/cancel|\/results)?$/.exec(path);
      if (!match) return false;
      const id = decodeURIComponent(match[1]!);
      if (request.method === 'GET' && match[2] === undefined) retrieve(id, answer);
      else if (request.method === 'POST' && match[2] === '/cancel') cancel(id, answer);
      else if (request.method === 'GET' && match[2] === '/results') results(id, response, answer);
      else return false;
      return true;
    },
  };
}
