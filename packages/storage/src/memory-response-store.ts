import type { StoredResponse } from '@switchyard/core';
import type { ManagedResponseStore } from './managed-response-store.js';

/**
 * Records kept in the process, for tests and embedded use. They are held as JSON text, so a
 * caller can neither change a stored record through the object it saved nor through one it
 * got back — the same behaviour as the database stores.
 */
export function createMemoryResponseStore(): ManagedResponseStore {
  const records = new Map<string, { createdAt: number; json: string }>();
  return {
    async save(record) {
      records.set(record.id, { createdAt: record.createdAt, json: JSON.stringify(record) });
    },
    async get(id) {
      const found = records.get(id);
      return found ? (JSON.parse(found.json) as StoredResponse) : undefined;
    },
    async delete(id) {
      return records.delete(id);
    },
    async deleteOlderThan(date) {
      const cutoff = date.getTime();
      let deleted = 0;
      for (const [id, { createdAt }] of records) {
        if (createdAt < cutoff) {
          records.delete(id);
          deleted++;
        }
      }
      return deleted;
    },
    async close() {
      records.clear();
    },
  };
}
