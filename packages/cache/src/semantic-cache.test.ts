import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ChatResponse } from '@switchyard/core';
import { expectWriteToWaitOnTimers, stopSqliteLockHolders } from '@switchyard/testkit';
import { afterAll, describe, expect, it } from 'vitest';
import { bagOfWordsVector } from '../test/bag-of-words-embedding.js';
import { reachable } from '../test/reachable.js';
import { createPostgresSemanticEntryStore } from './postgres-semantic-entry-store.js';
import { createSemanticCache } from './semantic-cache.js';
import type { SemanticEntryStore } from './semantic-entry-store.js';
import { createSqliteSemanticEntryStore } from './sqlite-semantic-entry-store.js';

const directory = mkdtempSync(join(tmpdir(), 'switchyard-semantic-'));
afterAll(() => {
  stopSqliteLockHolders();
  rmSync(directory, { recursive: true, force: true });
});

const answer = (text: string, storedAt = Date.now()) => ({ response: { id: `r-${text}`, model: 'm', content: [{ type: 'text', text }], finishReason: { unified: 'stop', raw: 'stop' } } as ChatResponse, storedAt });
const embedded: string[] = [];
const embed = async (texts: string[]) => {
  embedded.push(...texts);
  return texts.map((text) => bagOfWordsVector(text));
};
const open = (entries: SemanticEntryStore, threshold = 0.8) => createSemanticCache({ embed, embeddingModel: 'bag-of-words', entries, threshold, syncIntervalMs: 0 });

async function remember(cache: ReturnType<typeof open>, scope: string, prompt: string, reply: string, maxAge = 60) {
  const found = await cache.lookup(scope, prompt);
  if (found.hit) throw new Error(`unexpected hit for ${prompt}`);
  await cache.store(scope, found.vector, answer(reply), maxAge);
}

describe('semantic cache', () => {
  it('serves a near prompt above the threshold and reports its similarity; a far prompt misses', async () => {
    const cache = open(createSqliteSemanticEntryStore({ path: ':memory:' }));
    await remember(cache, 's', 'what is the capital city of france', 'Paris');
    const near = await cache.lookup('s', 'what is the capital city of france please');
    expect(near.hit).toBe(true);
    if (near.hit) {
      expect(near.answer.response.id).toBe('r-Paris');
      expect(near.similarity).toBeGreaterThan(0.9);
      expect(near.similarity).toBeLessThan(1);
    }
    const far = await cache.lookup('s', 'how do i bake sourdough bread');
    expect(far.hit).toBe(false);
    expect(embedded).toContain('how do i bake sourdough bread');
    await cache.close();
  });

  it('applies the threshold: the same pair hits at a lower threshold and misses at a higher one', async () => {
    const cache = open(createSqliteSemanticEntryStore({ path: ':memory:' }), 0.5);
    await remember(cache, 's', 'tell me about trains in switzerland', 'Trains!');
    const prompt = 'tell me about trains in japan'; // 5 of 6 words shared: cosine 5/6
    const loose = await cache.lookup('s', prompt);
    expect(loose.hit).toBe(true);
    if (loose.hit) expect(loose.similarity).toBeCloseTo(5 / 6, 5);
    expect((await cache.lookup('s', prompt, 0.9)).hit).toBe(false);
    await cache.close();
  });

  it('never matches across scopes (tenants, history, params)', async () => {
    const cache = open(createSqliteSemanticEntryStore({ path: ':memory:' }));
    await remember(cache, 'tenant-a', 'what is the capital city of france', 'Paris');
    expect((await cache.lookup('tenant-b', 'what is the capital city of france')).hit).toBe(false);
    await cache.close();
  });

  it('skips entries past their max age', async () => {
    let now = Date.now();
    const cache = createSemanticCache({ embed, embeddingModel: 'bag-of-words', entries: createSqliteSemanticEntryStore({ path: ':memory:' }), threshold: 0.8, now: () => now });
    const found = await cache.lookup('s', 'expiring prompt here');
    if (found.hit) throw new Error('unexpected hit');
    await cache.store('s', found.vector, answer('soon gone', now), 10);
    expect((await cache.lookup('s', 'expiring prompt here')).hit).toBe(true);
    now += 10_001;
    expect((await cache.lookup('s', 'expiring prompt here')).hit).toBe(false);
    await cache.close();
  });

  it('keeps at most maxEntries, evicting the oldest from the index and the store', async () => {
    const entries = createSqliteSemanticEntryStore({ path: join(directory, 'bounded.db') });
    const cache = createSemanticCache({ embed, embeddingModel: 'bag-of-words', entries, threshold: 0.99, maxEntries: 2, syncIntervalMs: 0 });
    await remember(cache, 's', 'first distinct prompt alpha', 'one');
    await new Promise((resolve) => setTimeout(resolve, 5));
    await remember(cache, 's', 'second distinct prompt beta', 'two');
    await new Promise((resolve) => setTimeout(resolve, 5));
    await remember(cache, 's', 'third distinct prompt gamma', 'three');
    expect((await cache.lookup('s', 'first distinct prompt alpha')).hit).toBe(false);
    expect((await cache.lookup('s', 'third distinct prompt gamma')).hit).toBe(true);
    expect(await entries.loadSince(0, Date.now())).toHaveLength(2);
    await cache.close();
  });

  it('rebuilds its index from the SQLite file after a restart', async () => {
    const path = join(directory, 'restart.db');
    const before = open(createSqliteSemanticEntryStore({ path }));
    await remember(before, 's', 'which river runs through vienna', 'The Danube');
    await before.close();
    const after = open(createSqliteSemanticEntryStore({ path }));
    const found = await after.lookup('s', 'which river runs through vienna');
    expect(found.hit && found.answer.response.id).toBe('r-The Danube');
    await after.close();
  });

  it('stores an answer after another process\'s write on the same file without stalling the event loop', async () => {
    const path = join(directory, 'shared-semantic.db');
    const entries = createSqliteSemanticEntryStore({ path });
    const entry = { id: 'e1', scope: 's', vector: bagOfWordsVector('what is the capital city of france'), answer: answer('Paris', 1_000), expiresAt: Date.now() + 60_000 };
    await expectWriteToWaitOnTimers(path, () => entries.add(entry), { resolveFrom: dirname(fileURLToPath(import.meta.url)) });
    expect((await entries.loadSince(0, Date.now())).map((loaded) => loaded.answer.response.id)).toEqual(['r-Paris']);
    await entries.close();
  });
});

const postgresUrl = process.env.SWITCHYARD_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const postgresUp = await reachable(new URL(postgresUrl).hostname, Number(new URL(postgresUrl).port || 5432));
if (!postgresUp) console.warn(`Skipping PostgreSQL semantic cache tests: no PostgreSQL at ${postgresUrl} (set SWITCHYARD_TEST_POSTGRES_URL).`);

describe.skipIf(!postgresUp)('semantic cache on PostgreSQL', () => {
  const schema = `cache_test_${process.pid}_${Date.now()}`;
  afterAll(async () => {
    const { default: pg } = await import('pg');
    const client = new pg.Client({ connectionString: postgresUrl });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await client.end();
  });

  it('persists entries so another instance (or a restart) finds them, vectors intact', async () => {
    const first = open(await createPostgresSemanticEntryStore({ connectionString: postgresUrl, schema }));
    const second = open(await createPostgresSemanticEntryStore({ connectionString: postgresUrl, schema }));
    expect((await second.lookup('s', 'which river runs through budapest')).hit).toBe(false);
    await remember(first, 's', 'which river runs through budapest', 'The Danube');
    const found = await second.lookup('s', 'which river runs through budapest');
    expect(found.hit).toBe(true);
    if (found.hit) {
      expect(found.answer.response.content).toEqual([{ type: 'text', text: 'The Danube' }]);
      expect(found.similarity).toBeCloseTo(1, 5);
    }
    await Promise.all([first.close(), second.close()]);
  });
});
