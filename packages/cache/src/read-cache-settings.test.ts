import { GatewayError } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import { defaultMaxAgeSeconds, readCacheSettings } from './read-cache-settings.js';

describe('readCacheSettings', () => {
  it('is off unless the config or a header asks for caching', () => {
    expect(readCacheSettings(undefined, {})).toBeUndefined();
    expect(readCacheSettings(undefined, { 'cache-control': 'no-cache' })).toBeUndefined();
  });

  it("reads Portkey's config block, max_age in seconds", () => {
    expect(readCacheSettings({ mode: 'simple', max_age: 60 }, {})).toEqual({ mode: 'simple', maxAgeSeconds: 60, lookup: true, store: true });
    expect(readCacheSettings({ mode: 'semantic' }, {})).toMatchObject({ mode: 'semantic', maxAgeSeconds: defaultMaxAgeSeconds });
    expect(readCacheSettings('simple', {})).toMatchObject({ mode: 'simple' });
  });

  it('takes per-request headers, ours and Portkey’s', () => {
    expect(readCacheSettings(undefined, { 'x-switchyard-cache': 'simple', 'x-switchyard-cache-max-age': '30' })).toMatchObject({ mode: 'simple', maxAgeSeconds: 30 });
    expect(readCacheSettings(undefined, { 'x-portkey-cache': 'semantic', 'cache-control': 'max-age=45' })).toMatchObject({ mode: 'semantic', maxAgeSeconds: 45 });
  });

  it('force refresh and no-cache skip the lookup but store; no-store does neither', () => {
    const config = { mode: 'simple' };
    expect(readCacheSettings(config, { 'x-switchyard-cache-force-refresh': 'true' })).toMatchObject({ lookup: false, store: true });
    expect(readCacheSettings(config, { 'x-portkey-cache-force-refresh': 'true' })).toMatchObject({ lookup: false, store: true });
    expect(readCacheSettings(config, { 'cache-control': 'no-cache' })).toMatchObject({ lookup: false, store: true });
    expect(readCacheSettings(config, { 'cache-control': 'no-store' })).toMatchObject({ lookup: false, store: false });
  });

  it('rejects bad values with a 400 naming the field', () => {
    const cases: Array<[unknown, Record<string, string>, string]> = [
      [{ mode: 'fuzzy' }, {}, 'config.cache.mode'],
      [{ mode: 'simple', max_age: -5 }, {}, 'config.cache.max_age'],
      [undefined, { 'x-switchyard-cache': 'always' }, 'x-switchyard-cache'],
      [undefined, { 'x-switchyard-cache': 'simple', 'x-switchyard-cache-max-age': 'soon' }, 'x-switchyard-cache-max-age'],
      [{ mode: 'semantic', threshold: 2 }, {}, 'config.cache.threshold'],
    ];
    for (const [block, headers, param] of cases) {
      try {
        readCacheSettings(block, headers);
        expect.unreachable(`accepted ${JSON.stringify({ block, headers })}`);
      } catch (error) {
        expect(GatewayError.isInstance(error) && error.status).toBe(400);
        expect((error as GatewayError).param).toBe(param);
        expect((error as Error).message).toContain(param);
      }
    }
  });
});
