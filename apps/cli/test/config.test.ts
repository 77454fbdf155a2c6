import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli-process.js';

describe('switchyard config', () => {
  it('init writes a valid starter config naming the keys found in the environment, without copying them', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'switchyard-init-'));
    const env = { GROQ_API_KEY: 'gsk-secret-value' };
    const init = await runCli(['config', 'init'], { cwd, env });
    expect(init.code).toBe(0);
    expect(init.stdout).toContain('Wrote switchyard.yaml with entries for GROQ_API_KEY');
    const text = readFileSync(join(cwd, 'switchyard.yaml'), 'utf8');
    expect(text).toContain('apiKey: ${GROQ_API_KEY}');
    expect(text).not.toContain('gsk-secret-value');
    expect(text).toMatch(/^# /m);
    const valid = await runCli(['config', 'validate', 'switchyard.yaml'], { cwd, env });
    expect(valid).toMatchObject({ code: 0, stdout: '✓ switchyard.yaml is a valid gateway config.\n' });
    // The written file is what other commands pick up from the working directory.
    const providers = await runCli(['providers', '--json'], { cwd, env });
    expect(JSON.parse(providers.stdout).find((row: { provider: string }) => row.provider === 'groq').key).toBe('set');
  });

  it('init asks before overwriting', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'switchyard-init-'));
    writeFileSync(join(cwd, 'switchyard.yaml'), 'port: 1\n');
    const declined = await runCli(['config', 'init'], { cwd, input: 'n\n' });
    expect(declined.code).toBe(1);
    expect(declined.stderr).toBe('switchyard.yaml exists. Overwrite it? [y/N] switchyard.yaml left unchanged.\n');
    expect(readFileSync(join(cwd, 'switchyard.yaml'), 'utf8')).toBe('port: 1\n');
    const accepted = await runCli(['config', 'init'], { cwd, input: 'y\n' });
    expect(accepted.code).toBe(0);
    expect(readFileSync(join(cwd, 'switchyard.yaml'), 'utf8')).toContain('defaultProvider: mock');
  });

  it('validate reports each problem with its path and line, in YAML and JSON', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'switchyard-validate-'));
    writeFileSync(join(cwd, 'bad.yaml'), ['port: eighty', 'providers:', '  ok:', '    adapter: openai', '  x:', '    adapter: nope', '    apiKey: ${UNSET_KEY}', 'prot: 1', ''].join('\n'));
    const yaml = await runCli(['config', 'validate', 'bad.yaml'], { cwd });
    expect(yaml.code).toBe(1);
    expect(yaml.stderr.split('\n')).toEqual([
      'bad.yaml:1:7  port  Invalid input: expected number, received string',
      expect.stringMatching(/^bad\.yaml:6:14  providers\.x\.adapter  unknown adapter "nope" \(known: mock, openai/),
      'bad.yaml:7:13  providers.x.apiKey  refers to ${UNSET_KEY}, which is not set in the environment',
      'bad.yaml:8:1  prot  unknown key "prot"',
      '✗ 4 problems in bad.yaml.',
      '',
    ]);
    writeFileSync(join(cwd, 'bad.json'), JSON.stringify({ host: 'h', providers: { Bad: { adapter: 'openai' } } }, null, 2));
    const json = await runCli(['config', 'validate', 'bad.json', '--json'], { cwd });
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout).problems).toEqual([{ path: 'providers.Bad', line: 4, column: 5, message: 'provider slugs are lower-case letters, digits and dashes' }]);
    const broken = await runCli(['config', 'validate', 'broken.yaml'], { cwd });
    expect(broken).toMatchObject({ code: 1, stderr: 'error: Cannot read broken.yaml: ENOENT\n' });
  });

  it('schema prints the config JSON Schema', async () => {
    const run = await runCli(['config', 'schema']);
    expect(run.code).toBe(0);
    const schema = JSON.parse(run.stdout);
    expect(schema.$id).toBe('https://switchyard.dev/schemas/gateway-config.json');
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['port', 'providers', 'workers']));
  });
});
