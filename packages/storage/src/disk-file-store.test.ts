import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDiskFileStore } from './disk-file-store.js';
import { describeFileStoreContract } from './file-store-contract.test-support.js';

describeFileStoreContract('disk', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'switchyard-files-'));
  return { store: await createDiskFileStore({ dir }), cleanup: () => rm(dir, { recursive: true, force: true }) };
});

describe('disk file store', () => {
  it('streams a large upload to disk and back with flat memory', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'switchyard-files-'));
    try {
      const store = await createDiskFileStore({ dir });
      const chunk = new Uint8Array(1024 * 1024).fill(120);
      const megabytes = 64;
      async function* content(): AsyncGenerator<Uint8Array> {
        for (let index = 0; index < megabytes; index++) yield chunk;
      }
      global.gc?.();
      const before = process.memoryUsage().rss;
      let peak = before;
      const file = await store.create({ filename: 'big.jsonl', purpose: 'batch', provider: 'anthropic', owner: '' }, (async function* () {
        for await (const piece of content()) {
          peak = Math.max(peak, process.memoryUsage().rss);
          yield piece;
        }
      })());
      expect(file.bytes).toBe(megabytes * 1024 * 1024);
      let read = 0;
      for await (const piece of (await store.read(file.id))!) {
        read += piece.byteLength;
        peak = Math.max(peak, process.memoryUsage().rss);
      }
      expect(read).toBe(file.bytes);
      // Holding it whole would add 64 MB at least; streaming stays well under that.
      expect(peak - before).toBeLessThan(40 * 1024 * 1024);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('makes its folder only when it first keeps something', async () => {
    const parent = await mkdtemp(join(tmpdir(), 'switchyard-files-'));
    try {
      const store = await createDiskFileStore({ dir: join(parent, 'files') });
      expect(await store.list()).toEqual([]);
      expect(await store.listBatches()).toEqual([]);
      expect(await readdir(parent)).toEqual([]);
      await store.saveBatch({ id: 'msgbatch_1', provider: 'a', inputFileId: 'file-x', endpoint: '/v1/chat/completions', completionWindow: '24h', metadata: null, createdAt: 1, owner: '' });
      expect(await readdir(parent)).toEqual(['files']);
    } finally {
      await rm(parent, { recursive: true, force: true });
    }
  });

  it('leaves no partial file behind a failed upload, and reopens what it kept', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'switchyard-files-'));
    try {
      const store = await createDiskFileStore({ dir });
      await expect(
        store.create({ filename: 'x', purpose: 'batch', provider: 'anthropic', owner: '' }, (async function* () {
          yield new Uint8Array([1, 2, 3]);
          throw new Error('cut');
        })()),
      ).rejects.toThrow('cut');
      expect((await readdir(dir)).filter((name) => name !== 'batches')).toEqual([]);
      const kept = await store.create({ filename: 'y', purpose: 'batch', provider: 'anthropic', owner: '' }, (async function* () {
        yield new Uint8Array([4]);
      })());
      const reopened = await createDiskFileStore({ dir });
      expect(await reopened.get(kept.id)).toEqual(kept);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
