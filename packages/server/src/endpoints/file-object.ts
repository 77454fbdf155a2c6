import type { StoredFile } from '@switchyard/core';

/** A stored file as OpenAI's File object. */
export function fileObject(file: Pick<StoredFile, 'id' | 'bytes' | 'createdAt' | 'filename' | 'purpose'>): Record<string, unknown> {
  return { id: file.id, object: 'file', bytes: file.bytes, created_at: file.createdAt, filename: file.filename, purpose: file.purpose, status: 'processed', status_details: null };
}
