import type { StoredResponse } from '@switchyard/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ManagedResponseStore } from './managed-response-store.js';

/** Opens a fresh, empty store for one test; `cleanup` runs after it (drop the schema, remove the file). */
export type OpenStore = () => Promise<{ store: ManagedResponseStore; cleanup?: () => Promise<void> }>;

export function storedResponse(id: string, overrides: Partial<StoredResponse> = {}): StoredResponse {
  return {
    id,
    createdAt: Date.UTC(2025, 0, 1),
    model: 'claude-sonnet-4-5',
    inputItems: [{ id: `msg_${id}_input_0`, type: 'message', role: 'user', content: [{ type: 'input_text', text: 'héllo ✓ "quoted" \\ back' }] }],
    response: { id, object: 'response', created_at: 1735689600, status: 'completed', model: 'claude-sonnet-4-5', output: [], usage: null, store: true },
    messages: [
      { role: 'user', content: [{ type: 'text', text: 'héllo ✓' }] },
      { role: 'assistant', content: [{ type: 'text', text: 'echo: héllo ✓' }, { type: 'tool-call', id: 'call_1', name: 'f', arguments: '{"a": 1}' }] },
    ],
    owner: '',
    ...overrides,
  };
}

/** The behaviour every ResponseStore implementation must have; run once per implementation. */
export function describeResponseStoreContract(name: string, open: OpenStore): void {
  describe(`${name}: the ResponseStore contract`, () => {
    let store: ManagedResponseStore;
    let cleanup: (() => Promise<void>) | undefined;

    beforeEach(async () => {
      ({ store, cleanup } = await open());
    });
    afterEach(async () => {
      await store.close();
      await cleanup?.();
    });

    it('answers undefined for an id it never saw', async () => {
      expect(await store.get('resp_unknown')).toBeUndefined();
    });

    it('gives back exactly what was saved, key order and unicode included', async () => {
      const record = storedResponse('resp_1', { previousResponseId: 'resp_0' });
      await store.save(record);
      const found = await store.get('resp_1');
      expect(found).toEqual(record);
      expect(JSON.stringify(found)).toBe(JSON.stringify(record));
    });

    it('leaves an absent previousResponseId absent', async () => {
      await store.save(storedResponse('resp_2'));
      expect(await store.get('resp_2')).not.toHaveProperty('previousResponseId');
    });

    it('replaces a record saved again under the same id', async () => {
      await store.save(storedResponse('resp_3', { model: 'first' }));
      await store.save(storedResponse('resp_3', { model: 'second' }));
      expect((await store.get('resp_3'))?.model).toBe('second');
    });

    it('hands out copies: changing a saved or returned object changes nothing stored', async () => {
      const record = storedResponse('resp_4');
      await store.save(record);
      record.model = 'changed after save';
      const found = (await store.get('resp_4'))!;
      found.messages.length = 0;
      expect(await store.get('resp_4')).toEqual(storedResponse('resp_4'));
    });

    it('deletes once: true, then false, and the record is gone', async () => {
      await store.save(storedResponse('resp_5'));
      expect(await store.delete('resp_5')).toBe(true);
      expect(await store.delete('resp_5')).toBe(false);
      expect(await store.get('resp_5')).toBeUndefined();
    });

    it('deletes records older than a date and counts them (retention)', async () => {
      const day = 24 * 3600 * 1000;
      const now = Date.UTC(2025, 5, 1);
      await store.save(storedResponse('resp_old', { createdAt: now - 40 * day }));
      await store.save(storedResponse('resp_edge', { createdAt: now - 30 * day }));
      await store.save(storedResponse('resp_new', { createdAt: now - day }));
      expect(await store.deleteOlderThan(new Date(now - 30 * day))).toBe(1);
      expect(await store.get('resp_old')).toBeUndefined();
      expect(await store.get('resp_edge')).toBeDefined();
      expect(await store.get('resp_new')).toBeDefined();
      expect(await store.deleteOlderThan(new Date(now))).toBe(2);
    });

    it('deletes an expiry of many records, more than one delete slice, and nothing newer', async () => {
      const day = 24 * 3600 * 1000;
      const now = Date.UTC(2025, 5, 1);
      const expired = Array.from({ length: 2_500 }, (_, index) => `resp_expired_${index}`);
      for (let start = 0; start < expired.length; start += 100) {
        await Promise.all(expired.slice(start, start + 100).map((id, index) => store.save(storedResponse(id, { createdAt: now - 40 * day + start + index }))));
      }
      await store.save(storedResponse('resp_recent', { createdAt: now - day }));
      expect(await store.deleteOlderThan(new Date(now - 30 * day))).toBe(2_500);
      expect(await store.get(expired[0]!)).toBeUndefined();
      expect(await store.get(expired.at(-1)!)).toBeUndefined();
      expect((await store.get('resp_recent'))?.id).toBe('resp_recent');
    });

    it('keeps every record of concurrent saves', async () => {
      const ids = Array.from({ length: 40 }, (_, index) => `resp_many_${index}`);
      await Promise.all(ids.map((id) => store.save(storedResponse(id))));
      const found = await Promise.all(ids.map((id) => store.get(id)));
      expect(found.map((record) => record?.id)).toEqual(ids);
    });

    it('keeps a large conversation whole', async () => {
      const text = 'x'.repeat(200_000);
      const record = storedResponse('resp_large', { messages: [{ role: 'user', content: [{ type: 'text', text }] }] });
      await store.save(record);
      expect(await store.get('resp_large')).toEqual(record);
    });
  });
}
