export type { ManagedResponseStore } from './managed-response-store.js';
export { createMemoryResponseStore } from './memory-response-store.js';
export { createSqliteResponseStore, type SqliteResponseStoreOptions } from './sqlite-response-store.js';
export { createPostgresResponseStore, type PostgresResponseStoreOptions } from './postgres-response-store.js';
export type { Migration } from './migration.js';
export { sqliteMigrations } from './sqlite-migrations.js';
export { postgresMigrations } from './postgres-migrations.js';
export { createMemoryFileStore } from './memory-file-store.js';
export { createDiskFileStore, type DiskFileStoreOptions } from './disk-file-store.js';
