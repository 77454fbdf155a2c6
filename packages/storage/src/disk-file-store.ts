import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FileStore, StoredBatch, StoredFile } from '@switchyard/core';
import { fileIdPattern, newFileId } from './new-file-id.js';

export interface DiskFileStoreOptions {
  /** The directory that holds the files (created when missing). */
  dir: string;
}

/**
 * Files in a directory: `<id>.data` holds the content, written as it arrives and read back as a
 * stream, and `<id>.json` beside it the metadata (a sidecar, so the store needs no database and
 * a half-written upload leaves only a `.part` file that is never listed). Batch records are small
 * JSON files under `batches/`, named by a hash of the provider's batch id.
 */
export async function createDiskFileStore(options: DiskFileStoreOptions): Promise<FileStore> {
  const dir = options.dir;
  const batchDir = join(dir, 'batches');
  // Made on the first write, so a gateway that never keeps a file leaves no folder behind.
  let made: Promise<unknown> | undefined;
  const ensureDirs = () => (made ??= mkdir(batchDir, { recursive: true }));
  const dataPath = (id: string) => join(dir, `${id}.data`);
  const metaPath = (id: string) => join(dir, `${id}.json`);
  const batchPath = (id: string) => join(batchDir, `${createHash('sha256').update(id).digest('hex')}.json`);

  // Sidecars also keep the store time in milliseconds, so "newest first" holds within a second.
  const readSidecar = async (id: string): Promise<Sidecar<StoredFile> | undefined> => {
    if (!fileIdPattern.test(id)) return undefined;
    return readJsonFile<Sidecar<StoredFile>>(metaPath(id));
  };
  const readMeta = async (id: string) => withoutStoredAt(await readSidecar(id));

  return {
    async create(meta, content) {
      await ensureDirs();
      const id = newFileId();
      const partial = join(dir, `${id}.part`);
      let bytes = 0;
      try {
        await pipeline(
          Readable.from(content),
          async function* (source: AsyncIterable<Uint8Array>) {
            for await (const chunk of source) {
              bytes += chunk.byteLength;
              yield chunk;
            }
          },
          createWriteStream(partial, { flags: 'wx' }),
        );
        await rename(partial, dataPath(id));
      } catch (error) {
        await rm(partial, { force: true });
        throw error;
      }
      const file: StoredFile = { id, ...meta, bytes, createdAt: Math.floor(Date.now() / 1000) };
      await writeFile(metaPath(id), JSON.stringify({ ...file, storedAtMs: Date.now(), storedSeq: nextStoreSequence() }));
      return file;
    },
    get: readMeta,
    async update(id, changes) {
      const current = await readSidecar(id);
      if (!current) return undefined;
      const updated = { ...current, ...changes };
      await writeFile(`${metaPath(id)}.part`, JSON.stringify(updated));
      await rename(`${metaPath(id)}.part`, metaPath(id));
      return withoutStoredAt(updated);
    },
    async list(filter = {}) {
      const names = await readdirOrEmpty(dir);
      const files: Sidecar<StoredFile>[] = [];
      for (const name of names) {
        if (!name.endsWith('.json')) continue;
        const file = await readSidecar(name.slice(0, -'.json'.length));
        if (!file) continue;
        if (filter.provider !== undefined && file.provider !== filter.provider) continue;
        if (filter.purpose !== undefined && file.purpose !== filter.purpose) continue;
        files.push(file);
      }
      return newestFirst(files);
    },
    async read(id) {
      if (!(await readMeta(id))) return undefined;
      return createReadStream(dataPath(id));
    },
    async delete(id) {
      if (!(await readMeta(id))) return false;
      // Metadata first: once it is gone the file is not listed, whatever happens to the content.
      await rm(metaPath(id), { force: true });
      await rm(dataPath(id), { force: true });
      return true;
    },
    async saveBatch(batch) {
      await ensureDirs();
      const path = batchPath(batch.id);
      const stored = await readJsonFile<Sidecar<StoredBatch>>(path);
      const storedAtMs = stored?.storedAtMs ?? Date.now();
      const storedSeq = stored ? (stored.storedSeq ?? 0) : nextStoreSequence();
      await writeFile(`${path}.part`, JSON.stringify({ ...batch, storedAtMs, storedSeq }));
      await rename(`${path}.part`, path);
    },
    getBatch: async (id) => withoutStoredAt(await readJsonFile<Sidecar<StoredBatch>>(batchPath(id))),
    async listBatches(filter = {}) {
      const batches: Sidecar<StoredBatch>[] = [];
      for (const name of await readdirOrEmpty(batchDir)) {
        if (!name.endsWith('.json')) continue;
        const batch = await readJsonFile<Sidecar<StoredBatch>>(join(batchDir, name));
        if (batch && (filter.provider === undefined || batch.provider === filter.provider)) batches.push(batch);
      }
      return newestFirst(batches);
    },
  };
}

// storedSeq orders records stored within the same millisecond (this process's count; absent in
// records written before it existed).
type Sidecar<T> = T & { storedAtMs: number; storedSeq?: number };

let storeSequence = 0;
function nextStoreSequence(): number {
  storeSequence += 1;
  return storeSequence;
}

function withoutStoredAt<T>(record: Sidecar<T> | undefined): T | undefined {
  if (!record) return undefined;
  const { storedAtMs: _storedAtMs, storedSeq: _storedSeq, ...rest } = record;
  return rest as T;
}

function newestFirst<T>(records: Sidecar<T>[]): T[] {
  return records.sort((a, b) => b.storedAtMs - a.storedAtMs || (b.storedSeq ?? 0) - (a.storedSeq ?? 0)).map((record) => withoutStoredAt(record)!);
}

async function readdirOrEmpty(path: string): Promise<string[]> {
  try {
    return await readdir(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

async function readJsonFile<T>(path: string): Promise<T | undefined> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as T;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
