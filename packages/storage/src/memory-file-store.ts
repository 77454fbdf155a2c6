import type { FileStore, StoredBatch, StoredFile } from '@switchyard/core';
import { fileIdPattern, newFileId } from './new-file-id.js';

/**
 * Files kept in the process, for tests and embedded use. Unlike the disk store this one holds
 * content in memory, so it is no place for large uploads.
 */
export function createMemoryFileStore(): FileStore {
  const files = new Map<string, { file: StoredFile; chunks: Uint8Array[] }>();
  const batches = new Map<string, StoredBatch>();
  return {
    async create(meta, content) {
      const chunks: Uint8Array[] = [];
      let bytes = 0;
      for await (const chunk of content) {
        chunks.push(chunk.slice());
        bytes += chunk.byteLength;
      }
      const file: StoredFile = { id: newFileId(), ...meta, bytes, createdAt: Math.floor(Date.now() / 1000) };
      files.set(file.id, { file, chunks });
      return { ...file };
    },
    async get(id) {
      const found = files.get(id);
      return found ? { ...found.file } : undefined;
    },
    async update(id, changes) {
      const found = files.get(id);
      if (!found) return undefined;
      found.file = { ...found.file, ...changes };
      return { ...found.file };
    },
    async list(filter = {}) {
      return [...files.values()]
        .map(({ file }) => ({ ...file }))
        .filter((file) => (filter.provider === undefined || file.provider === filter.provider) && (filter.purpose === undefined || file.purpose === filter.purpose))
        .reverse();
    },
    async read(id) {
      if (!fileIdPattern.test(id)) return undefined;
      const found = files.get(id);
      if (!found) return undefined;
      const chunks = found.chunks;
      return (async function* () {
        yield* chunks;
      })();
    },
    async delete(id) {
      return files.delete(id);
    },
    async saveBatch(batch) {
      batches.set(batch.id, structuredClone(batch));
    },
    async getBatch(id) {
      const found = batches.get(id);
      return found ? structuredClone(found) : undefined;
    },
    async listBatches(filter = {}) {
      return [...batches.values()].filter((batch) => filter.provider === undefined || batch.provider === filter.provider).map((batch) => structuredClone(batch)).reverse();
    },
  };
}
