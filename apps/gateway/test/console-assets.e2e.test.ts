import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGateway } from '../src/create-gateway.js';
import { parseConfig } from '../src/load-config.js';

// The console's static files through a real gateway: served without a key (the page holds no
// data), hashed assets cached, client routes answered with index.html, nothing outside the folder.
const folder = mkdtempSync(join(tmpdir(), 'switchyard-console-assets-'));
const built = join(folder, 'app');
mkdirSync(join(built, 'assets'), { recursive: true });
writeFileSync(join(built, 'index.html'), '<!doctype html><title>console</title>');
writeFileSync(join(built, 'assets', 'index-abc123.js'), 'console.log(1)');
writeFileSync(join(folder, 'secret.txt'), 'outside');

const start = (consoleAssetsDir: string) =>
  startGateway({ config: parseConfig({ apiKeys: ['gateway-key-0123456789'], adminKeys: ['admin-key-0123456789'], logs: { store: 'memory' } }, {}), env: {}, host: '127.0.0.1', port: 0, consoleAssetsDir });

describe('console assets', () => {
  let gateway: Awaited<ReturnType<typeof start>>;
  beforeAll(async () => {
    gateway = await start(built);
  });
  afterAll(async () => {
    await gateway?.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('serves index.html for the console and its client routes, revalidated, without a gateway key', async () => {
    for (const path of ['/console/', '/console/logs', '/console/logs/trace-1']) {
      const response = await fetch(`${gateway.url}${path}`);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(response.headers.get('cache-control')).toBe('no-cache');
      expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
      expect(await response.text()).toContain('<title>console</title>');
    }
    const bare = await fetch(`${gateway.url}/console`, { redirect: 'manual' });
    expect(bare.status).toBe(308);
    expect(bare.headers.get('location')).toBe('/console/');
  });

  it('caches hashed assets for a year and answers 404 for a missing one', async () => {
    const asset = await fetch(`${gateway.url}/console/assets/index-abc123.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await asset.text()).toBe('console.log(1)');
    expect((await fetch(`${gateway.url}/console/assets/missing.js`)).status).toBe(404);
  });

  it('never serves a file outside the build folder', async () => {
    for (const path of ['/console/..%2Fsecret.txt', '/console/%2e%2e/secret.txt']) {
      const response = await fetch(`${gateway.url}${path}`);
      expect(await response.text(), path).not.toContain('outside');
    }
  });

  it('keeps the gateway API behind its key and the admin API behind the admin key', async () => {
    expect((await fetch(`${gateway.url}/v1/models`)).status).toBe(401);
    expect((await fetch(`${gateway.url}/admin/config`)).status).toBe(401);
    const config = await fetch(`${gateway.url}/admin/config`, { headers: { 'x-switchyard-admin-key': 'admin-key-0123456789' } });
    expect(config.status).toBe(200);
    const text = await config.text();
    expect(text).toContain('"apiKeys":["[hidden]"]');
    expect(text).not.toContain('gateway-key-0123456789');
  });

  it('says the console is not built when its folder is empty', async () => {
    const unbuilt = await start(join(folder, 'nothing-here'));
    try {
      const response = await fetch(`${unbuilt.url}/console/`);
      expect(response.status).toBe(503);
      expect(await response.text()).toContain('console is not built');
    } finally {
      await unbuilt.close();
    }
  });
});
