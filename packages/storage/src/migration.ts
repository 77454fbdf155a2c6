/**
 * One step of a database's schema history. Steps are applied in `version` order, each once,
 * and recorded in `switchyard_migrations`; a released step is never edited — a change is a
 * new step. Later tables (request logs, keys) are appended to the same list.
 */
export interface Migration {
  version: number;
  name: string;
  /** Statements run in one transaction. */
  statements: readonly string[];
}

/** The steps not yet applied, in order; refuses a list whose versions are not strictly increasing. */
export function pendingMigrations(migrations: readonly Migration[], applied: ReadonlySet<number>): Migration[] {
  migrations.forEach((migration, index) => {
    if (index > 0 && migration.version <= migrations[index - 1]!.version) {
      throw new Error(`Migration versions must increase: ${migration.version} (${migration.name}) follows ${migrations[index - 1]!.version}.`);
    }
  });
  return migrations.filter((migration) => !applied.has(migration.version));
}
