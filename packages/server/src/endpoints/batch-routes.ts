import { InvalidRequestError, type StoredBatch } from '@switchyard/core';
import { parseModelString } from '@switchyard/router';
import type { GatewayRequest, GatewayResponse } from '../gateway-types.js';
import { parseJsonObjectBody } from '../parse-json-body.js';
import type { RouteContext } from '../route-context.js';
import { encodeOpenAIBatch } from './encode-openai-batch.js';
import { fileNotFound } from './file-routes.js';
import { type FilesBatchesTarget, batchCallContext, fileStoreOf, pickFilesBatchesTarget } from './files-batches-target.js';
import { proxyToProvider } from './proxy-to-provider.js';
import { readBatchInputFile } from './read-batch-input-file.js';
import { readWholeBody } from './request-body-stream.js';

type Params = Readonly<Record<string, string>>;

/** The endpoints a translated batch's lines may call: chat is what the adapters' batch APIs run. */
const translatedEndpoints = new Set(['/v1/chat/completions']);

/**
 * `POST /v1/batches`. For a file the gateway keeps, the batch goes to the provider it was
 * uploaded for: the input file is read line by line, each chat request decoded to canonical,
 * and the adapter's batch API is called; a record of the batch is kept so later calls know
 * its provider, input file and metadata. Anything else goes to the provider the headers name,
 * natively when it has a batch API in OpenAI's shape.
 */
export async function createBatch(request: GatewayRequest, route: RouteContext): Promise<GatewayResponse> {
  const raw = await readWholeBody(request);
  const body = parseJsonObjectBody(raw);
  const inputFileId = body.input_file_id;
  if (typeof inputFileId !== 'string' || inputFileId === '') throw new InvalidRequestError("Missing required parameter: 'input_file_id'.", { param: 'input_file_id' });
  const inputFile = await route.fileStore?.get(inputFileId);
  const picked = pickFilesBatchesTarget(request, route, 'batches', inputFile?.provider);
  if (picked.mode === 'native') return proxy(request, route, picked, '/batches', raw);
  const slug = picked.target.entry.slug;
  const store = fileStoreOf(route, slug);
  if (!inputFile) throw fileNotFound(inputFileId);
  const endpoint = body.endpoint;
  if (typeof endpoint !== 'string' || !translatedEndpoints.has(endpoint)) {
    throw new InvalidRequestError(`endpoint must be "/v1/chat/completions" for provider "${slug}": its batch API runs chat requests only.`, { param: 'endpoint' });
  }
  const completionWindow = body.completion_window;
  if (completionWindow !== '24h') throw new InvalidRequestError('completion_window must be "24h".', { param: 'completion_window' });
  const metadata = readMetadata(body.metadata);
  const content = await store.read(inputFile.id);
  if (!content) throw fileNotFound(inputFileId);
  const items = await readBatchInputFile(content, {
    fileId: inputFile.id,
    endpoint,
    resolveModel(model) {
      const parsed = parseModelString(route.resolution.modelAliases?.[model] ?? model);
      if (parsed.providerSlug !== undefined && route.resolution.catalog.resolve(parsed.providerSlug).slug !== slug) {
        throw new InvalidRequestError(`model "${model}" names provider "${parsed.providerSlug}", but this batch runs on "${slug}"; one batch goes to one provider.`, { param: 'model' });
      }
      return parsed.model;
    },
  });
  const info = await picked.target.entry.adapter.batches!.create({ items }, batchCallContext(request, route, picked));
  const record: StoredBatch = { id: info.id, provider: slug, inputFileId: inputFile.id, endpoint, completionWindow, metadata, createdAt: info.createdAt, owner: '' };
  await store.saveBatch(record);
  return json(encodeOpenAIBatch(info, record));
}

/** `GET /v1/batches/{id}`: the gateway's record names the provider of a batch it made; else the headers do. */
export async function retrieveBatch(request: GatewayRequest, route: RouteContext, { id }: Params): Promise<GatewayResponse> {
  const record = await route.fileStore?.getBatch(id!);
  const picked = pickFilesBatchesTarget(request, route, 'batches', record?.provider);
  if (picked.mode === 'native') return proxy(request, route, picked, `/batches/${encodeURIComponent(id!)}`);
  const info = await picked.target.entry.adapter.batches!.retrieve(id!, batchCallContext(request, route, picked));
  return json(encodeOpenAIBatch(info, record));
}

/** `POST /v1/batches/{id}/cancel`. */
export async function cancelBatch(request: GatewayRequest, route: RouteContext, { id }: Params): Promise<GatewayResponse> {
  const record = await route.fileStore?.getBatch(id!);
  const picked = pickFilesBatchesTarget(request, route, 'batches', record?.provider);
  if (picked.mode === 'native') return proxy(request, route, picked, `/batches/${encodeURIComponent(id!)}/cancel`);
  const info = await picked.target.entry.adapter.batches!.cancel(id!, batchCallContext(request, route, picked));
  return json(encodeOpenAIBatch(info, record));
}

/** `GET /v1/batches`: the provider's list (newest first, paged by `after` / `limit`), with what the gateway recorded for each. */
export async function listBatches(request: GatewayRequest, route: RouteContext): Promise<GatewayResponse> {
  const picked = pickFilesBatchesTarget(request, route, 'batches');
  if (picked.mode === 'native') return proxy(request, route, picked, '/batches');
  const query = new URLSearchParams(request.query ?? '');
  const rawLimit = query.get('limit');
  const limit = rawLimit === null ? 20 : Number(rawLimit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) throw new InvalidRequestError('limit must be an integer from 1 to 100.', { param: 'limit' });
  const page = await picked.target.entry.adapter.batches!.list({ after: query.get('after') ?? undefined, limit }, batchCallContext(request, route, picked));
  const data = await Promise.all(page.batches.map(async (info) => encodeOpenAIBatch(info, await route.fileStore?.getBatch(info.id))));
  return json({ object: 'list', data, first_id: page.batches[0]?.id ?? null, last_id: page.batches.at(-1)?.id ?? null, has_more: page.hasMore });
}

/** OpenAI's metadata: at most 16 string values. */
function readMetadata(value: unknown): Record<string, string> | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'object' || Array.isArray(value)) throw new InvalidRequestError('metadata must be an object of string values.', { param: 'metadata' });
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length > 16) throw new InvalidRequestError('metadata may hold at most 16 keys.', { param: 'metadata' });
  for (const [key, item] of entries) {
    if (typeof item !== 'string') throw new InvalidRequestError(`metadata.${key} must be a string.`, { param: `metadata.${key}` });
  }
  return value as Record<string, string>;
}

function proxy(request: GatewayRequest, route: RouteContext, picked: FilesBatchesTarget, path: string, body?: Uint8Array): Promise<GatewayResponse> {
  return proxyToProvider(request, route, picked.target, { path, endpoint: 'batches', requestHeaders: picked.headers, ...(body !== undefined && { body }) });
}

function json(body: unknown): GatewayResponse {
  return { status: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
}
