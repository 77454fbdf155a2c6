import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCatalog } from '../src/build-catalog.js';
import { bundledAdapters } from '../src/bundled-adapters.js';
import { parseConfig } from '../src/load-config.js';

describe('the catalog built from config and environment', () => {
  it('gives every bundled adapter a default entry fed by its standard variables', () => {
    const env = { OPENAI_API_KEY: 'sk-env', AWS_REGION: 'eu-west-1', AWS_ACCESS_KEY_ID: 'AKIAEXAMPLE', AWS_SECRET_ACCESS_KEY: 'secret' };
    const catalog = buildCatalog(bundledAdapters(), parseConfig({}, env), env);
    expect(catalog.resolve('openai').settings).toEqual({ apiKey: 'sk-env' });
    expect(catalog.resolve('bedrock').settings.options).toEqual({ region: 'eu-west-1', accessKeyId: 'AKIAEXAMPLE', secretAccessKey: 'secret' });
    expect(catalog.resolve('mock').settings).toEqual({});
  });

  it('adds named entries from the config and refuses unknown adapters', () => {
    const config = parseConfig({ providers: { 'openai-prod': { adapter: 'openai', apiKey: 'sk-prod', baseURL: 'http://127.0.0.1:9/v1' } } }, {});
    expect(buildCatalog(bundledAdapters(), config, {}).resolve('openai-prod').settings).toMatchObject({ apiKey: 'sk-prod', baseURL: 'http://127.0.0.1:9/v1' });
    const wrong = parseConfig({ providers: { odd: { adapter: 'nope' } } }, {});
    expect(() => buildCatalog(bundledAdapters(), wrong, {})).toThrow(/providers\.odd\.adapter: unknown adapter "nope"/);
  });

  it('reads the Vertex service-account key file GOOGLE_APPLICATION_CREDENTIALS points at', () => {
    const folder = mkdtempSync(join(tmpdir(), 'switchyard-sa-'));
    const file = join(folder, 'key.json');
    writeFileSync(file, '{"type":"service_account","client_email":"a@b.iam.gserviceaccount.com"}');
    const env = { GOOGLE_APPLICATION_CREDENTIALS: file, GOOGLE_CLOUD_PROJECT: 'proj-1' };
    const options = buildCatalog(bundledAdapters(), parseConfig({}, env), env).resolve('vertex-ai').settings.options;
    expect(options).toEqual({ project: 'proj-1', serviceAccountJson: '{"type":"service_account","client_email":"a@b.iam.gserviceaccount.com"}' });
    expect(() => buildCatalog(bundledAdapters(), parseConfig({}, {}), { GOOGLE_APPLICATION_CREDENTIALS: join(folder, 'absent.json') })).toThrow(
      /GOOGLE_APPLICATION_CREDENTIALS points at .*absent\.json, which cannot be read: ENOENT/,
    );
  });
});
