import { resolve } from 'node:path';
import { type ManagedResponseStore, createMemoryResponseStore, createPostgresResponseStore, createSqliteResponseStore } from '@switchyard/storage';
import type { GatewayConfig } from './gateway-config.js';

/** The embedded default, under the working directory (`.switchyard/` is gitignored). */
export const defaultResponsesPath = '.switchyard/responses.db';

/** Opens the response store the config names; PostgreSQL is migrated before the gateway listens. */
export async function openResponseStore(config: GatewayConfig['responses'], cwd: string = process.cwd()): Promise<ManagedResponseStore> {
  switch (config.store) {
    case 'memory':
      return createMemoryResponseStore();
    case 'postgres':
      return createPostgresResponseStore({ connectionString: config.connectionString!, schema: config.schema });
    case 'sqlite':
      return createSqliteResponseStore({ path: resolve(cwd, config.path ?? defaultResponsesPath) });
  }
}
