import type { FileStore, StoredBatch } from '@switchyard/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

/** Opens a fresh, empty store for one test; `cleanup` runs after it. */
export type OpenFileStore = () => Promise<{ store: FileStore; cleanup?: () => Promise<void> }>;

async function* chunks(...parts: string[]): AsyncGenerator<Uint8Array> {
  for (const part of parts) yield new TextEncoder().encode(part);
}

async function text(content: AsyncIterable<Uint8Array> | undefined): Promise<string | undefined> {
  if (!content) return undefined;
  const decoder = new TextDecoder();
  let all = '';
  for await (const chunk of content) all += decoder.decode(chunk, { stream: true });
  return all + decoder.decode();
}

const meta = { filename: 'batch.jsonl', purpose: 'batch', provider: 'anthropic', owner: '' };

function batchRecord(id: string, provider = 'anthropic'): StoredBatch {
  return { id, provider, inputFileId: 'file-x', endpoint: '/v1/chat/completions', completionWindow: '24h', metadata: { job: 'nightly' }, createdAt: 1_735_689_600, owner: '' };
}

/** The behaviour every FileStore implementation must have; run once per implementation. */
export function describeFileStoreContract(name: string, open: OpenFileStore): void {
  describe(`${name}: the FileStore contract`, () => {
    let store: FileStore;
    let cleanup: (() => Promise<void>) | undefined;

    beforeEach(async () => {
      ({ store, cleanup } = await open());
    });
    afterEach(async () => {
      await cleanup?.();
    });

    it('stores content from chunks and reads it back byte for byte, with its length', async () => {
      const file = await store.create(meta, chunks('{"a":1}\n', 'héllo ✓', '\n'));
      expect(file).toMatchObject({ ...meta, bytes: Buffer.byteLength('{"a":1}\nhéllo ✓\n') });
      expect(file.id).toMatch(/^file-[A-Za-z0-9]{24}$/);
      expect(Math.abs(file.createdAt - Date.now() / 1000)).toBeLessThan(60);
      expect(await store.get(file.id)).toEqual(file);
      expect(await text(await store.read(file.id))).toBe('{"a":1}\nhéllo ✓\n');
    });

    it('answers undefined for ids it never gave, including ones shaped like paths', async () => {
      expect(await store.get('file-000000000000000000000000')).toBeUndefined();
      expect(await store.read('../../etc/passwd')).toBeUndefined();
      expect(await store.get('../x')).toBeUndefined();
      expect(await store.delete('file-nope')).toBe(false);
    });

    it('keeps nothing when the content fails mid-way', async () => {
      async function* failing(): AsyncGenerator<Uint8Array> {
        yield new TextEncoder().encode('partial');
        throw new Error('upload limit');
      }
      await expect(store.create(meta, failing())).rejects.toThrow('upload limit');
      expect(await store.list()).toEqual([]);
    });

    it('lists newest first, filtered by provider and purpose', async () => {
      const first = await store.create(meta, chunks('1'));
      const second = await store.create({ ...meta, purpose: 'fine-tune' }, chunks('2'));
      const third = await store.create({ ...meta, provider: 'other' }, chunks('3'));
      expect((await store.list()).map((file) => file.id)).toEqual([third.id, second.id, first.id]);
      expect((await store.list({ provider: 'anthropic' })).map((file) => file.id)).toEqual([second.id, first.id]);
      expect((await store.list({ provider: 'anthropic', purpose: 'batch' })).map((file) => file.id)).toEqual([first.id]);
    });

    it('updates a file\'s purpose and name, keeping its content', async () => {
      const file = await store.create({ ...meta, purpose: '' }, chunks('kept'));
      expect(await store.update(file.id, { purpose: 'batch', filename: 'renamed.jsonl' })).toEqual({ ...file, purpose: 'batch', filename: 'renamed.jsonl' });
      expect(await store.get(file.id)).toEqual({ ...file, purpose: 'batch', filename: 'renamed.jsonl' });
      expect(await text(await store.read(file.id))).toBe('kept');
      expect(await store.update('file-000000000000000000000000', { purpose: 'batch' })).toBeUndefined();
    });

    it('deletes a file and its content', async () => {
      const file = await store.create(meta, chunks('gone'));
      expect(await store.delete(file.id)).toBe(true);
      expect(await store.get(file.id)).toBeUndefined();
      expect(await store.read(file.id)).toBeUndefined();
      expect(await store.delete(file.id)).toBe(false);
    });

    it('saves, replaces and lists batch records', async () => {
      await store.saveBatch(batchRecord('msgbatch_1'));
      await store.saveBatch(batchRecord('msgbatch_2', 'other'));
      await store.saveBatch(batchRecord('msgbatch_3'));
      await store.saveBatch({ ...batchRecord('msgbatch_1'), metadata: null });
      expect(await store.getBatch('msgbatch_1')).toEqual({ ...batchRecord('msgbatch_1'), metadata: null });
      expect(await store.getBatch('msgbatch_unknown')).toBeUndefined();
      expect((await store.listBatches({ provider: 'anthropic' })).map((batch) => batch.id)).toEqual(['msgbatch_3', 'msgbatch_1']);
      expect(await store.listBatches()).toHaveLength(3);
    });
  });
}
