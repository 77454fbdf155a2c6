import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../src/load-config.js';
import { openResponseStore } from '../src/open-response-store.js';

const folder = mkdtempSync(join(tmpdir(), 'switchyard-config-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('responses config', () => {
  it('defaults to the embedded SQLite store under the working directory', async () => {
    const config = parseConfig({}, {});
    expect(config.responses).toEqual({ store: 'sqlite' });
    const store = await openResponseStore(config.responses, folder);
    await store.close();
    expect(existsSync(join(folder, '.switchyard', 'responses.db'))).toBe(true);
  });

  it('takes the connection string from the environment and requires it for postgres', () => {
    expect(parseConfig({ responses: { store: 'postgres', connectionString: '${DATABASE_URL}' } }, { DATABASE_URL: 'postgres://db/x' }).responses).toEqual({
      store: 'postgres',
      connectionString: 'postgres://db/x',
    });
    expect(() => parseConfig({ responses: { store: 'postgres' } }, {})).toThrow(ConfigError);
    expect(() => parseConfig({ responses: { store: 'postgres' } }, {})).toThrow(/responses\.connectionString: store: postgres needs a connectionString/);
    expect(() => parseConfig({ responses: { store: 'redis' } }, {})).toThrow(/responses\.store/);
  });

  it('opens a memory store', async () => {
    const store = await openResponseStore(parseConfig({ responses: { store: 'memory' } }, {}).responses);
    await store.save({ id: 'resp_1', createdAt: 1, model: 'm', inputItems: [], response: {}, messages: [], owner: '' });
    expect((await store.get('resp_1'))?.id).toBe('resp_1');
    await store.close();
  });
});
