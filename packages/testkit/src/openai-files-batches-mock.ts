import type { ServerResponse } from 'node:http';
import type { ReceivedRequest } from './mock-server.js';
import { isJsonObject } from './mock-request.js';

/** A file as the OpenAI-shaped mocks keep it: the File object and the bytes that arrived. */
export interface MockOpenAIFile {
  object: Record<string, unknown> & { id: string; bytes: number; filename: string; purpose: string };
  /** The content; empty when the upload was larger than the mock keeps (`keepBodyBytes`). */
  content: Buffer;
}

export interface OpenAIFilesBatchesOptions {
  sendJson(response: ServerResponse, status: number, body: object): void;
  error(message: string, param: string | null): object;
}

/**
 * `/files` and `/batches` as OpenAI serves them (https://platform.openai.com/docs/api-reference/files,
 * …/batch), for the OpenAI-shaped mocks. Uploads are parsed from the multipart bytes that arrived,
 * so a test sees the purpose, filename and size the mock got. A batch moves one state per
 * retrieve (validating → in_progress) and a cancel ends it cancelled on the next retrieve.
 */
export function createOpenAIFilesBatchesAnswerer(options: OpenAIFilesBatchesOptions) {
  const files = new Map<string, MockOpenAIFile>();
  const batches = new Map<string, Record<string, any>>();
  let sequence = 0;
  const now = () => Math.floor(Date.now() / 1000);
  const { sendJson } = options;

  const list = (items: Array<Record<string, any>>, query: URLSearchParams, response: ServerResponse) => {
    const after = query.get('after');
    const start = after ? items.findIndex((item) => item.id === after) + 1 : 0;
    const limit = Number(query.get('limit') ?? 20);
    const page = items.slice(start, start + limit);
    sendJson(response, 200, { object: 'list', data: page, first_id: page[0]?.id ?? null, last_id: page.at(-1)?.id ?? null, has_more: start + limit < items.length });
  };

  async function upload(request: ReceivedRequest, response: ServerResponse): Promise<void> {
    const type = request.headers['content-type'] ?? '';
    if (!type.startsWith('multipart/form-data')) return sendJson(response, 400, options.error('Expected a multipart/form-data body.', null));
    let purpose: string | undefined;
    let filename: string | undefined;
    let content = Buffer.alloc(0);
    let bytes: number;
    if (request.bodyBytes > request.raw.byteLength) {
      // Larger than the mock keeps: the name and purpose come from the part headers that were kept, the size from the count.
      const head = Buffer.from(request.raw).toString('latin1');
      filename = /filename="([^"]*)"/.exec(head)?.[1];
      purpose = /name="purpose"\r\n\r\n([^\r]*)/.exec(head)?.[1] ?? 'batch';
      bytes = request.bodyBytes;
    } else {
      let form: FormData;
      try {
        form = await new Response(request.raw, { headers: { 'content-type': type } }).formData();
      } catch {
        return sendJson(response, 400, options.error('The multipart body could not be parsed.', null));
      }
      const file = form.get('file');
      const purposeField = form.get('purpose');
      if (!(file instanceof File)) return sendJson(response, 400, options.error("Missing required parameter: 'file'.", 'file'));
      if (typeof purposeField !== 'string') return sendJson(response, 400, options.error("Missing required parameter: 'purpose'.", 'purpose'));
      purpose = purposeField;
      filename = file.name;
      content = Buffer.from(await file.arrayBuffer());
      bytes = content.byteLength;
    }
    const object = { id: `file-mock${String(++sequence).padStart(20, '0')}`, object: 'file', bytes, created_at: now(), filename: filename ?? 'upload', purpose: purpose!, status: 'processed', expires_at: null, status_details: null };
    files.set(object.id, { object, content });
    sendJson(response, 200, object);
  }

  function createBatch(body: Record<string, any> | undefined, response: ServerResponse): void {
    if (!body || typeof body.input_file_id !== 'string') return sendJson(response, 400, options.error("Missing required parameter: 'input_file_id'.", 'input_file_id'));
    if (!files.has(body.input_file_id)) return sendJson(response, 400, options.error(`File ${body.input_file_id} not found.`, 'input_file_id'));
    const lines = files.get(body.input_file_id)!.content.toString('utf8').split('\n').filter((line) => line.trim() !== '').length;
    const batch = {
      id: `batch_mock${String(++sequence).padStart(20, '0')}`,
      object: 'batch',
      endpoint: body.endpoint,
      errors: null,
      input_file_id: body.input_file_id,
      completion_window: body.completion_window,
      status: 'validating',
      output_file_id: null,
      error_file_id: null,
      created_at: now(),
      in_progress_at: null,
      expires_at: now() + 86_400,
      finalizing_at: null,
      completed_at: null,
      failed_at: null,
      expired_at: null,
      cancelling_at: null,
      cancelled_at: null,
      request_counts: { total: lines, completed: 0, failed: 0 },
      metadata: body.metadata ?? null,
    };
    batches.set(batch.id, batch);
    sendJson(response, 200, batch);
  }

  async function answer(request: ReceivedRequest, response: ServerResponse, path: string): Promise<boolean> {
    const segments = path.split('/').slice(1); // ['files', id, 'content']
    if (segments[0] !== 'files' && segments[0] !== 'batches') return false;
    const query = new URL(request.path, 'http://mock').searchParams;
    const id = segments[1] === undefined ? undefined : decodeURIComponent(segments[1]);
    const notFound = () => sendJson(response, 404, options.error(`No such ${segments[0] === 'files' ? 'File' : 'Batch'} object: ${id}`, 'id'));
    const { method } = request;

    if (segments[0] === 'files') {
      if (id === undefined && method === 'POST') return await upload(request, response), true;
      if (id === undefined && method === 'GET') {
        const purpose = query.get('purpose');
        return list([...files.values()].map((file) => file.object).filter((file) => !purpose || file.purpose === purpose).reverse(), query, response), true;
      }
      const file = id === undefined ? undefined : files.get(id);
      if (!file) return notFound(), true;
      if (segments.length === 2 && method === 'GET') return sendJson(response, 200, file.object), true;
      if (segments.length === 2 && method === 'DELETE') return files.delete(file.object.id), sendJson(response, 200, { id: file.object.id, object: 'file', deleted: true }), true;
      if (segments[2] === 'content' && method === 'GET') {
        response.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': file.content.byteLength });
        response.end(file.content);
        return true;
      }
      return false;
    }

    if (id === undefined && method === 'POST') return createBatch(isJsonObject(request.json) ? request.json : undefined, response), true;
    if (id === undefined && method === 'GET') return list([...batches.values()].reverse(), query, response), true;
    const batch = id === undefined ? undefined : batches.get(id);
    if (!batch) return notFound(), true;
    if (segments.length === 2 && method === 'GET') {
      if (batch.status === 'validating') Object.assign(batch, { status: 'in_progress', in_progress_at: now() });
      else if (batch.status === 'cancelling') Object.assign(batch, { status: 'cancelled', cancelled_at: now() });
      return sendJson(response, 200, batch), true;
    }
    if (segments[2] === 'cancel' && method === 'POST') {
      if (batch.status === 'validating' || batch.status === 'in_progress') Object.assign(batch, { status: 'cancelling', cancelling_at: now() });
      return sendJson(response, 200, batch), true;
    }
    return false;
  }

  return { answer, files: files as ReadonlyMap<string, MockOpenAIFile>, batches: batches as ReadonlyMap<string, Record<string, unknown>> };
}
