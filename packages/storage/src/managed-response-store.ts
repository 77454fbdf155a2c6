import type { ResponseStore } from '@switchyard/core';

/** A response store the gateway opened and owns: retention and shutdown besides the server's contract. */
export interface ManagedResponseStore extends ResponseStore {
  /** Deletes every record stored before `date`; resolves with how many went. */
  deleteOlderThan(date: Date): Promise<number>;
  /** Releases the database (connections, file handles). The store is unusable afterwards. */
  close(): Promise<void>;
}
