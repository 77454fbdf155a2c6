import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../src/load-config.js';

describe('the cache section of the gateway config', () => {
  it('accepts the README’s Caching example as written', () => {
    const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
    const block = /## Caching[\s\S]*?```yaml\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(block).toBeDefined();
    const config = parseConfig(parseYaml(block!), { REDIS_URL: 'redis://127.0.0.1:6379' });
    expect(config.cache).toMatchObject({ store: 'redis', redisUrl: 'redis://127.0.0.1:6379', semantic: { embeddingModel: '@openai/text-embedding-3-small', threshold: 0.95, store: 'sqlite' } });
    expect(config.configs.cached).toEqual({ cache: { mode: 'simple', max_age: 3600 } });
  });

  it('names what is missing or wrong', () => {
    expect(() => parseConfig({ cache: { store: 'redis' } }, {})).toThrow(/cache\.redisUrl/);
    expect(() => parseConfig({ cache: { semantic: { embeddingModel: 'text-embedding-3-small' } } }, {})).toThrow(/cache\.semantic\.embeddingModel/);
    expect(() => parseConfig({ cache: { semantic: { embeddingModel: '@openai/e', store: 'postgres' } } }, {})).toThrow(/cache\.semantic\.connectionString/);
    expect(() => parseConfig({ cache: { semantic: { embeddingModel: '@openai/e', threshold: 1.5 } } }, {})).toThrow(/cache\.semantic\.threshold/);
  });
});
