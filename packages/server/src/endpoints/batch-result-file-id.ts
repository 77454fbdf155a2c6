/**
 * The ids of the files a translated batch's results are read from. They are derived from the
 * batch id rather than stored: the content is produced from the provider's results on each
 * download, so there is nothing to keep and nothing to go stale.
 */
export type BatchResultFileKind = 'output' | 'errors';

export function batchResultFileId(kind: BatchResultFileKind, batchId: string): string {
  return `file-batch-${kind}-${batchId}`;
}

export function parseBatchResultFileId(fileId: string): { kind: BatchResultFileKind; batchId: string } | undefined {
  const match = /^file-batch-(output|errors)-(.+)$/.exec(fileId);
  return match ? { kind: match[1] as BatchResultFileKind, batchId: match[2]! } : undefined;
}
