import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../src/load-config.js';
import { createSqliteResponseStore } from '@switchyard/storage';
import { openResponseStore } from '../src/open-response-store.js';

const folder = mkdtempSync(join(tmpdir(), 'switchyard-config-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('responses config', () => {
  it('defaults to the embedded SQLite store under the working directory', async () => {
    const config = parseConfig({}, {});
    expect(config.responses).toEqual({ store: 'sqlite', retentionDays: 30 });
    const store = await openResponseStore(config.responses, folder);
    await store.close();
    expect(existsSync(join(folder, '.switchyard', 'responses.db'))).toBe(true);
  });

  it('takes the connection string from the environment and requires it for postgres', () => {
    expect(parseConfig({ responses: { store: 'postgres', connectionString: '${DATABASE_URL}' } }, { DATABASE_URL: 'postgres://db/x' }).responses).toEqual({
      store: 'postgres',
      connectionString: 'postgres://db/x',
      retentionDays: 30,
    });
    expect(() => parseConfig({ responses: { store: 'postgres' } }, {})).toThrow(ConfigError);
    expect(() => parseConfig({ responses: { store: 'postgres' } }, {})).toThrow(/responses\.connectionString: store: postgres needs a connectionString/);
    expect(() => parseConfig({ responses: { store: 'redis' } }, {})).toThrow(/responses\.store/);
  });

  it('opens a memory store', async () => {
    const store = await openResponseStore(parseConfig({ responses: { store: 'memory' } }, {}).responses);
    await store.save({ id: 'resp_1', createdAt: Date.now(), model: 'm', inputItems: [], response: {}, messages: [], owner: '' });
    expect((await store.get('resp_1'))?.id).toBe('resp_1');
    await store.close();
  });

  it('takes a retention in days, or forever, and refuses anything else naming the field', () => {
    expect(parseConfig({ responses: { retentionDays: 7 } }, {}).responses.retentionDays).toBe(7);
    expect(parseConfig({ responses: { retentionDays: 'forever' } }, {}).responses.retentionDays).toBe('forever');
    expect(() => parseConfig({ responses: { retentionDays: 0 } }, {})).toThrow(/responses\.retentionDays/);
    expect(() => parseConfig({ responses: { retentionDays: 'never' } }, {})).toThrow(/responses\.retentionDays/);
  });

  it('deletes stored responses past the retention when it opens, and keeps the rest', async () => {
    const day = 86_400_000;
    const path = join(folder, 'retention.db');
    const seed = createSqliteResponseStore({ path });
    await seed.save(stored('resp_expired', Date.now() - 31 * day));
    await seed.save(stored('resp_recent', Date.now() - 29 * day));
    await seed.close();
    const store = await openResponseStore(parseConfig({ responses: { path } }, {}).responses, folder);
    await expect.poll(() => store.get('resp_expired'), { timeout: 2000 }).toBeUndefined();
    expect((await store.get('resp_recent'))?.id).toBe('resp_recent');
    await store.close();

    const kept = createSqliteResponseStore({ path });
    await kept.save(stored('resp_ancient', Date.now() - 400 * day));
    await kept.close();
    const forever = await openResponseStore(parseConfig({ responses: { path, retentionDays: 'forever' } }, {}).responses, folder);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect((await forever.get('resp_ancient'))?.id).toBe('resp_ancient');
    await forever.close();
  });
});

const stored = (id: string, createdAt: number) => ({ id, createdAt, model: 'm', inputItems: [], response: { id, object: 'response' }, messages: [], owner: '' });
