import type { GatewayKeyRecord, SpendEntry } from './access-types.js';

/** Where keys and the spend ledger live: memory (tests), SQLite (the default) or PostgreSQL (several instances). */
export interface KeyStore {
  insert(record: GatewayKeyRecord): Promise<void>;
  findByHash(hash: string): Promise<GatewayKeyRecord | undefined>;
  get(id: string): Promise<GatewayKeyRecord | undefined>;
  list(): Promise<GatewayKeyRecord[]>;
  /** Replaces the record with the same id; false when there is none. */
  update(record: GatewayKeyRecord): Promise<boolean>;
  recordSpend(entry: SpendEntry): Promise<void>;
  /** Spend recorded for a key since an ISO time (for reports; enforcement reads the hot counters). */
  spendSince(keyId: string, since: string): Promise<number>;
  close(): Promise<void>;
}
