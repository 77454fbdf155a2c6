import { describe, expect, it } from 'vitest';
import { pendingMigrations } from './migration.js';
import { postgresMigrations } from './postgres-migrations.js';
import { sqliteMigrations } from './sqlite-migrations.js';

describe('pendingMigrations', () => {
  const steps = [
    { version: 1, name: 'responses', statements: [] },
    { version: 2, name: 'logs', statements: [] },
  ];

  it('returns the steps not yet applied, in order', () => {
    expect(pendingMigrations(steps, new Set()).map((step) => step.version)).toEqual([1, 2]);
    expect(pendingMigrations(steps, new Set([1])).map((step) => step.version)).toEqual([2]);
    expect(pendingMigrations(steps, new Set([1, 2]))).toEqual([]);
  });

  it('refuses a list whose versions do not increase', () => {
    expect(() => pendingMigrations([steps[1]!, steps[0]!], new Set())).toThrow(/must increase/);
  });

  it('keeps both dialects at the same versions', () => {
    expect(sqliteMigrations.map(({ version, name }) => [version, name])).toEqual(postgresMigrations.map(({ version, name }) => [version, name]));
  });
});
