import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfigFile, parseConfig } from '../src/load-config.js';

describe('gateway config', () => {
  const dir = mkdtempSync(join(tmpdir(), 'switchyard-config-'));

  it('reads YAML with ${ENV} references and defaults', () => {
    const file = join(dir, 'gateway.yaml');
    writeFileSync(file, 'providers:\n  openai-prod:\n    adapter: openai\n    apiKey: ${TEST_OPENAI_KEY}\nallowedHosts: ["*.corp.example"]\n');
    const config = loadConfigFile(file, { TEST_OPENAI_KEY: 'sk-from-env' });
    expect(config.providers['openai-prod']).toEqual({ adapter: 'openai', apiKey: 'sk-from-env' });
    expect(config.allowedHosts).toEqual(['*.corp.example']);
    expect(config.shutdownGraceMs).toBe(30_000);
  });

  it('reads JSON and names every problem by its path', () => {
    const file = join(dir, 'gateway.json');
    writeFileSync(file, JSON.stringify({ port: 'eighty', providers: { 'Bad Slug': { adapter: 'openai' }, ok: {} } }));
    expect(() => loadConfigFile(file, {})).toThrow(/port:.*\n.*providers\.Bad Slug.*\n.*providers\.ok\.adapter/s);
  });

  it('sends traces as OTLP protobuf unless tracing.protocol asks for JSON', () => {
    expect(parseConfig({ tracing: { otlpEndpoint: 'http://collector:4318' } }, {}).tracing?.protocol).toBe('http/protobuf');
    expect(parseConfig({ tracing: { otlpEndpoint: 'http://collector:4318', protocol: 'http/json' } }, {}).tracing?.protocol).toBe('http/json');
    expect(() => parseConfig({ tracing: { protocol: 'grpc' } }, {})).toThrow(/tracing\.protocol/);
  });

  it('refuses unknown keys, unset variables and unreadable files clearly', () => {
    expect(() => parseConfig({ prot: 8080 }, {})).toThrow(/Unrecognized key.*prot/);
    expect(() => parseConfig({ providers: { a: { adapter: 'openai', apiKey: '${MISSING_KEY}' } } }, {})).toThrow(/MISSING_KEY/);
    expect(() => loadConfigFile(join(dir, 'absent.yaml'), {})).toThrow(/Cannot read config file .*ENOENT/);
  });
});
