import { GatewayError, InvalidRequestError, NotFoundError, type StoredFile } from '@switchyard/core';
import type { GatewayRequest, GatewayResponse } from '../gateway-types.js';
import type { RouteContext } from '../route-context.js';
import { parseBatchResultFileId } from './batch-result-file-id.js';
import { batchResultFile, batchResultFileContent } from './batch-result-file.js';
import { fileObject } from './file-object.js';
import { type FilesBatchesTarget, fileStoreOf, pickFilesBatchesTarget } from './files-batches-target.js';
import { parsePageQuery, pageByCursor } from './page-by-cursor.js';
import { multipartBoundary, parseMultipartStream } from './parse-multipart-stream.js';
import { proxyToProvider } from './proxy-to-provider.js';
import { requestBodyStream } from './request-body-stream.js';
import { streamedRoute } from './streamed-route.js';

type Params = Readonly<Record<string, string>>;

/** Purposes the gateway keeps files for: batch input is all a translated provider can use. */
const keptPurposes = new Set(['batch']);

/**
 * `POST /v1/files`. A provider with a files API gets the multipart body streamed through intact;
 * for one without (Anthropic) the gateway keeps the upload itself, streamed to its file store,
 * for a later `POST /v1/batches`.
 */
export const createFile = streamedRoute(async (request: GatewayRequest, route: RouteContext): Promise<GatewayResponse> => {
  const picked = pickFilesBatchesTarget(request, route, 'files');
  if (picked.mode === 'native') return proxyToProvider(request, route, picked.target, { path: '/files', endpoint: 'files', requestHeaders: picked.headers });
  const slug = picked.target.entry.slug;
  const store = fileStoreOf(route, slug);
  const boundary = multipartBoundary(request.headers['content-type']);
  const body = requestBodyStream(request);
  if (!body) throw new InvalidRequestError('The upload is empty: send a multipart form with "file" and "purpose".', { param: 'file' });
  let purpose: string | undefined;
  let stored: StoredFile | undefined;
  try {
    for await (const part of parseMultipartStream(body, boundary)) {
      if (part.name === 'purpose') {
        purpose = await readText(part.body, 256);
        checkPurpose(purpose, slug);
      } else if (part.name === 'file' && !stored) {
        stored = await store.create({ filename: part.filename || 'upload', purpose: purpose ?? '', provider: slug, owner: '' }, part.body);
      }
    }
    if (purpose === undefined) throw new InvalidRequestError("Missing required parameter: 'purpose'.", { param: 'purpose' });
    checkPurpose(purpose, slug);
    if (!stored) throw new InvalidRequestError("Missing required parameter: 'file'.", { param: 'file' });
  } catch (error) {
    if (stored) await store.delete(stored.id);
    throw error;
  }
  // The purpose may come after the file in the form; the record then needs it filled in.
  if (stored.purpose !== purpose) stored = (await store.update(stored.id, { purpose }))!;
  return json(fileObject(stored));
});

/** `GET /v1/files`: the provider's own list, or the files the gateway keeps for it. */
export async function listFiles(request: GatewayRequest, route: RouteContext): Promise<GatewayResponse> {
  const picked = pickFilesBatchesTarget(request, route, 'files');
  if (picked.mode === 'native') return proxy(request, route, picked, '/files');
  const query = new URLSearchParams(request.query ?? '');
  const purpose = query.get('purpose') ?? undefined;
  const files = await fileStoreOf(route, picked.target.entry.slug).list({ provider: picked.target.entry.slug, purpose });
  const page = pageByCursor(files, parsePageQuery(query, 10_000), (file) => file.id);
  return json({ object: 'list', data: page.data.map(fileObject), first_id: page.data[0]?.id ?? null, last_id: page.data.at(-1)?.id ?? null, has_more: page.hasMore });
}

/** `GET /v1/files/{id}`: a file the gateway keeps (or makes from batch results), else the provider's. */
export async function retrieveFile(request: GatewayRequest, route: RouteContext, { id }: Params): Promise<GatewayResponse> {
  const kept = await keptFile(route, id!);
  if (kept) return json(fileObject(kept));
  const resultFile = parseBatchResultFileId(id!);
  if (resultFile) return json(fileObject(await batchResultFile(request, route, resultFile)));
  const picked = pickFilesBatchesTarget(request, route, 'files');
  if (picked.mode === 'native') return proxy(request, route, picked, `/files/${encodeURIComponent(id!)}`);
  throw fileNotFound(id!);
}

/** `GET /v1/files/{id}/content`, streamed: from the store, from the provider's batch results, or from the provider. */
export async function fileContent(request: GatewayRequest, route: RouteContext, { id }: Params): Promise<GatewayResponse> {
  const kept = await keptFile(route, id!);
  if (kept) {
    const content = await route.fileStore!.read(kept.id);
    if (!content) throw fileNotFound(id!);
    return { status: 200, headers: { 'content-type': 'application/octet-stream', 'content-length': String(kept.bytes) }, body: content };
  }
  const resultFile = parseBatchResultFileId(id!);
  if (resultFile) return { status: 200, headers: { 'content-type': 'application/octet-stream' }, body: await batchResultFileContent(request, route, resultFile) };
  const picked = pickFilesBatchesTarget(request, route, 'files');
  if (picked.mode === 'native') return proxy(request, route, picked, `/files/${encodeURIComponent(id!)}/content`);
  throw fileNotFound(id!);
}

/** `DELETE /v1/files/{id}`. */
export async function deleteFile(request: GatewayRequest, route: RouteContext, { id }: Params): Promise<GatewayResponse> {
  const kept = await keptFile(route, id!);
  if (kept) {
    await route.fileStore!.delete(kept.id);
    return json({ id: kept.id, object: 'file', deleted: true });
  }
  if (parseBatchResultFileId(id!)) {
    throw new InvalidRequestError(`File ${id} is made from a batch's results on each download; there is nothing stored to delete.`, { param: 'file_id' });
  }
  const picked = pickFilesBatchesTarget(request, route, 'files');
  if (picked.mode === 'native') return proxy(request, route, picked, `/files/${encodeURIComponent(id!)}`);
  throw fileNotFound(id!);
}

async function keptFile(route: RouteContext, id: string): Promise<StoredFile | undefined> {
  const file = await route.fileStore?.get(id);
  if (file) route.record.provider = file.provider;
  return file;
}

function checkPurpose(purpose: string, slug: string): void {
  if (!keptPurposes.has(purpose)) {
    throw new InvalidRequestError(`Provider "${slug}" has no files API; the gateway keeps files for it only with purpose "batch", not "${purpose}".`, { param: 'purpose' });
  }
}

function proxy(request: GatewayRequest, route: RouteContext, picked: FilesBatchesTarget, path: string): Promise<GatewayResponse> {
  return proxyToProvider(request, route, picked.target, { path, endpoint: 'files', requestHeaders: picked.headers });
}

export function fileNotFound(id: string): GatewayError {
  return new NotFoundError(`No such File object: ${id}`, { param: 'file_id', code: 'file_not_found' });
}

async function readText(body: AsyncIterable<Uint8Array>, limit: number): Promise<string> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += chunk.byteLength;
    if (size > limit) throw new InvalidRequestError(`A form field is longer than ${limit} bytes.`, { param: 'purpose' });
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function json(body: unknown): GatewayResponse {
  return { status: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
}

