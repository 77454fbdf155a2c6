import type { GatewayKeyRecord, SpendEntry } from './access-types.js';
import type { KeyStore } from './key-store.js';

/** Keys in this process only: for tests and single-instance trials. */
export function createMemoryKeyStore(): KeyStore & { readonly ledger: readonly SpendEntry[] } {
  const byId = new Map<string, GatewayKeyRecord>();
  const ledger: SpendEntry[] = [];
  const copy = (record: GatewayKeyRecord | undefined) => (record ? structuredClone(record) : undefined);
  return {
    ledger,
    async insert(record) {
      byId.set(record.id, structuredClone(record));
    },
    async findByHash(hash) {
      for (const record of byId.values()) if (record.hash === hash) return copy(record);
      return undefined;
    },
    async get(id) {
      return copy(byId.get(id));
    },
    async list() {
      return [...byId.values()].map((record) => structuredClone(record));
    },
    async update(record) {
      if (!byId.has(record.id)) return false;
      byId.set(record.id, structuredClone(record));
      return true;
    },
    async recordSpend(entry) {
      ledger.push({ ...entry });
    },
    async spendSince(keyId, since) {
      return ledger.filter((entry) => entry.keyId === keyId && entry.at >= since).reduce((sum, entry) => sum + entry.costUsd, 0);
    },
    async close() {},
  };
}
