import { type BatchOperations, type BatchResultItem, type HttpResponse, type ProviderCallContext, UpstreamError, type Warning, createNdjsonParser, readJsonAnswer} from '@switchyard/core';
import { anthropicMessagesCodec } from '@switchyard/formats';
import { isAnthropicBatchResultLine, isAnthropicMessageBatch, isAnthropicMessageBatchList } from './anthropic-batch-api.js';
import { anthropicHeaders, requiredAnthropicBetas } from './anthropic-headers.js';
import { anthropicEndpoint } from './anthropic-url.js';
import { mapAnthropicBatch, mapAnthropicBatchResult } from './map-anthropic-batch.js';
import { mapAnthropicError } from './map-anthropic-error.js';

/**
 * Message Batches (https://docs.claude.com/en/api/creating-message-batches) behind core's
 * BatchOperations: each canonical request is encoded with the same Messages encoder the chat
 * operation uses, and each succeeded result is decoded with the same decoder.
 */
export const anthropicBatches: BatchOperations = {
  async create({ items }, context) {
    const betas = new Set<string>();
    const warned = new Set<string>();
    const requests = items.map(({ customId, request }) => {
      const encoded = anthropicMessagesCodec.encodeRequest({ ...request, stream: false });
      for (const warning of encoded.warnings) warnOnce(context, warned, warning, customId);
      for (const beta of requiredAnthropicBetas(encoded.body)) betas.add(beta);
      // A batch answers each request whole; `stream` has no meaning there and is left out.
      const { stream: _stream, ...params } = encoded.body;
      return { custom_id: customId, params };
    });
    const response = await call(context, 'POST', '/messages/batches', JSON.stringify({ requests }), [...betas]);
    return mapAnthropicBatch(await readBatch(response));
  },

  async retrieve(id, context) {
    return mapAnthropicBatch(await readBatch(await call(context, 'GET', `/messages/batches/${encodeURIComponent(id)}`)));
  },

  async list(page, context) {
    const query = new URLSearchParams();
    if (page.after !== undefined) query.set('after_id', page.after);
    if (page.limit !== undefined) query.set('limit', String(page.limit));
    const suffix = query.size > 0 ? `?${query}` : '';
    const response = await call(context, 'GET', `/messages/batches${suffix}`);
    const body = await readJsonAnswer(response, 'anthropic', 'Anthropic');
    if (!isAnthropicMessageBatchList(body)) throw unexpectedBody(response, body, 'a list of message batches');
    return { batches: body.data.map(mapAnthropicBatch), hasMore: body.has_more };
  },

  async cancel(id, context) {
    return mapAnthropicBatch(await readBatch(await call(context, 'POST', `/messages/batches/${encodeURIComponent(id)}/cancel`)));
  },

  async results(id, context) {
    // The documented results endpoint, which is what a batch's `results_url` names. The URL is
    // built from the configured base rather than taken from the answer, so the API key is never
    // sent to a host the operator did not configure.
    const response = await call(context, 'GET', `/messages/batches/${encodeURIComponent(id)}/results`);
    return readResults(response);
  },
};

async function call(context: ProviderCallContext, method: string, path: string, body?: string, betas?: readonly string[]): Promise<HttpResponse> {
  const response = await context.http.request({
    provider: 'anthropic',
    url: anthropicEndpoint(context.settings, path),
    method,
    headers: anthropicHeaders(context, { stream: false, betas }),
    ...(body !== undefined && { body }),
    signal: context.signal,
    timeouts: context.timeouts,
  });
  if (response.status >= 300) throw await mapAnthropicError(response);
  return response;
}

/** The results JSONL, one line at a time as it arrives: a batch can hold 100,000 answers. */
async function* readResults(response: HttpResponse): AsyncGenerator<BatchResultItem> {
  const parser = createNdjsonParser();
  const toItem = (line: unknown): BatchResultItem => {
    if (!isAnthropicBatchResultLine(line)) throw unexpectedBody(response, line, 'a batch result line');
    return mapAnthropicBatchResult(line, (message) => anthropicMessagesCodec.decodeResponse(message));
  };
  try {
    for await (const chunk of response.body) {
      for (const line of parse(() => parser.push(chunk), response)) yield toItem(line);
    }
    for (const line of parse(() => parser.end(), response)) yield toItem(line);
  } finally {
    response.dispose();
  }
}

function parse(step: () => unknown[], response: HttpResponse): unknown[] {
  try {
    return step();
  } catch (error) {
    throw new UpstreamError(`Anthropic's batch results are not JSONL: ${(error as Error).message}`, {
      provider: 'anthropic',
      status: response.status,
      headers: response.headers,
      kind: 'upstream',
      retryable: false,
      cause: error,
    });
  }
}

function warnOnce(context: ProviderCallContext, warned: Set<string>, warning: Warning, customId: string): void {
  const key = `${warning.type}\u0000${warning.field ?? ''}\u0000${warning.message}`;
  if (warned.has(key)) return;
  warned.add(key);
  context.warn({ ...warning, message: `${warning.message} (first seen in custom_id "${customId}")` });
}

async function readBatch(response: HttpResponse) {
  const body = await readJsonAnswer(response, 'anthropic', 'Anthropic');
  if (!isAnthropicMessageBatch(body)) throw unexpectedBody(response, body, 'a message batch');
  return body;
}


function unexpectedBody(response: HttpResponse, body: unknown, expected: string): UpstreamError {
  return new UpstreamError(`Anthropic answered with something other than ${expected}.`, {
    provider: 'anthropic',
    status: response.status,
    headers: response.headers,
    body: JSON.stringify(body)?.slice(0, 1000),
    kind: 'upstream',
    retryable: false,
  });
}
