import type { AccessGroup } from './access-types.js';
import { type AccessControlOptions, createAccessControl } from './access-control.js';
import { createAdminKeysApi } from './admin-keys-api.js';
import type { CounterStore } from './counter-store.js';
import type { KeyStore } from './key-store.js';
import { createMemoryCounterStore } from './memory-counter-store.js';
import { createMemoryKeyStore } from './memory-key-store.js';
import { createPostgresKeyStore } from './postgres-key-store.js';
import { createRedisCounterStore } from './redis-counter-store.js';
import { createSqliteKeyStore } from './sqlite-key-store.js';

/** The gateway config's `access` section, already validated. */
export interface AccessConfig {
  store?: 'sqlite' | 'postgres' | 'memory';
  /** SQLite file path or PostgreSQL URL. */
  url?: string;
  /** PostgreSQL schema for the tables. */
  schema?: string;
  pepper: string;
  redis?: { url: string; failMode?: 'open' | 'closed'; keyPrefix?: string };
  teams?: Record<string, AccessGroup>;
  orgs?: Record<string, AccessGroup>;
  defaultOutputReservation?: number;
  keyCacheTtlMs?: number;
}

/** Opens the stores the config names and returns access control plus its admin API. */
export async function openAccess(config: AccessConfig, extra: Pick<AccessControlOptions, 'pricesOf' | 'log'> = {}) {
  let store: KeyStore;
  if (config.store === 'postgres') {
    if (!config.url) throw new Error('access.url is required for the postgres store');
    store = await createPostgresKeyStore({ url: config.url, schema: config.schema });
  } else if (config.store === 'memory') store = createMemoryKeyStore();
  else store = createSqliteKeyStore(config.url ?? 'switchyard-access.db');
  const counters: CounterStore = config.redis ? createRedisCounterStore({ url: config.redis.url, keyPrefix: config.redis.keyPrefix }) : createMemoryCounterStore();
  const access = createAccessControl({
    store,
    counters,
    pepper: config.pepper,
    teams: config.teams,
    orgs: config.orgs,
    failMode: config.redis?.failMode ?? 'open',
    defaultOutputReservation: config.defaultOutputReservation,
    keyCacheTtlMs: config.keyCacheTtlMs,
    ...extra,
  });
  const admin = createAdminKeysApi(store, config.pepper, access.forget);
  return { ...access, admin, store };
}
