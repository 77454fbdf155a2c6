import { InvalidRequestError, type StoredFile } from '@switchyard/core';
import type { GatewayRequest } from '../gateway-types.js';
import type { RouteContext } from '../route-context.js';
import type { BatchResultFileKind } from './batch-result-file-id.js';
import { batchResultFileId } from './batch-result-file-id.js';
import { encodeBatchResultLines } from './encode-batch-result-lines.js';
import { batchCallContext, pickFilesBatchesTarget } from './files-batches-target.js';

type ResultFile = { kind: BatchResultFileKind; batchId: string };

/** The output or error file of a translated batch, as JSONL made from the provider's results while they stream. */
export async function batchResultFileContent(request: GatewayRequest, route: RouteContext, file: ResultFile): Promise<AsyncIterable<string>> {
  const { picked, batches } = await resultsSource(request, route, file);
  const results = await batches.results(file.batchId, batchCallContext(request, route, picked));
  return encodeBatchResultLines(file.batchId, results, file.kind);
}

/**
 * The File object of a result file. Its size is only known by producing it, so this reads the
 * results once (streamed, nothing kept) to count the bytes: the File object must say them.
 */
export async function batchResultFile(request: GatewayRequest, route: RouteContext, file: ResultFile): Promise<Pick<StoredFile, 'id' | 'bytes' | 'createdAt' | 'filename' | 'purpose'>> {
  const { picked, batches } = await resultsSource(request, route, file);
  const context = batchCallContext(request, route, picked);
  const info = await batches.retrieve(file.batchId, context);
  let bytes = 0;
  for await (const line of encodeBatchResultLines(file.batchId, await batches.results(file.batchId, context), file.kind)) bytes += Buffer.byteLength(line);
  return {
    id: batchResultFileId(file.kind, file.batchId),
    bytes,
    createdAt: info.completedAt ?? info.cancelledAt ?? info.expiredAt ?? info.finalizingAt ?? info.createdAt,
    filename: file.kind === 'output' ? 'batch_output.jsonl' : 'batch_errors.jsonl',
    purpose: file.kind === 'output' ? 'batch_output' : 'batch_errors',
  };
}

async function resultsSource(request: GatewayRequest, route: RouteContext, file: ResultFile) {
  const record = await route.fileStore?.getBatch(file.batchId);
  const picked = pickFilesBatchesTarget(request, route, 'batches', record?.provider);
  const batches = picked.target.entry.adapter.batches;
  if (picked.mode !== 'translated' || !batches) {
    throw new InvalidRequestError(`File ${batchResultFileId(file.kind, file.batchId)} names the results of a batch the gateway translated, but provider "${picked.target.entry.slug}" runs batches natively.`, {
      param: 'file_id',
    });
  }
  return { picked, batches };
}
