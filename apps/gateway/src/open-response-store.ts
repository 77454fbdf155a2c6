import { resolve } from 'node:path';
import { startRetentionSweep } from '@switchyard/core';
import { type ManagedResponseStore, createMemoryResponseStore, createPostgresResponseStore, createSqliteResponseStore } from '@switchyard/storage';
import type { GatewayConfig } from './gateway-config.js';

/** The embedded default, under the working directory (`.switchyard/` is gitignored). */
export const defaultResponsesPath = '.switchyard/responses.db';

/**
 * Opens the response store the config names (PostgreSQL is migrated before the gateway listens)
 * and deletes what it holds past `retentionDays`, at once and hourly until it is closed.
 */
export async function openResponseStore(config: GatewayConfig['responses'], cwd: string = process.cwd(), onSweepError: (error: unknown) => void = reportSweepError): Promise<ManagedResponseStore> {
  const store = await openConfiguredStore(config, cwd);
  if (config.retentionDays === 'forever') return store;
  const sweep = startRetentionSweep((cutoff) => store.deleteOlderThan(new Date(cutoff)), { retentionDays: config.retentionDays, onError: onSweepError });
  return {
    save: (record) => store.save(record),
    get: (id) => store.get(id),
    delete: (id) => store.delete(id),
    deleteOlderThan: (date) => store.deleteOlderThan(date),
    async close() {
      sweep.stop();
      await store.close();
    },
  };
}

async function openConfiguredStore(config: GatewayConfig['responses'], cwd: string): Promise<ManagedResponseStore> {
  switch (config.store) {
    case 'memory':
      return createMemoryResponseStore();
    case 'postgres':
      return createPostgresResponseStore({ connectionString: config.connectionString!, schema: config.schema });
    case 'sqlite':
      return createSqliteResponseStore({ path: resolve(cwd, config.path ?? defaultResponsesPath) });
  }
}

function reportSweepError(error: unknown): void {
  console.error(`switchyard: deleting expired stored responses failed: ${(error as Error).message ?? error}`);
}
