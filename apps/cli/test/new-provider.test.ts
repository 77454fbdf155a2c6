import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliRun } from './run-cli-process.js';

// `switchyard new provider NAME` as a user runs it, then the generated package's own tests — the
// conformance suite through a real gateway — run with vitest in a child process. The scaffold
// is written inside the workspace and its @switchyard dependencies linked to the workspace
// packages, as `npm install` would link the published ones; their sources load through the
// `source` condition, so no build is needed.
const repo = fileURLToPath(new URL('../../../', import.meta.url));
const vitest = join(repo, 'node_modules/vitest/vitest.mjs');
let workspaceTemp: string;

function run(command: string, args: string[], cwd: string): Promise<CliRun> {
  const child = spawn(command, args, { cwd, env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', CI: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

beforeAll(() => {
  workspaceTemp = mkdtempSync(join(repo, 'apps/cli/.new-provider-test-'));
});
afterAll(() => rmSync(workspaceTemp, { recursive: true, force: true }));

describe('switchyard new provider', () => {
  it('scaffolds a package whose conformance suite passes right away', { timeout: 120_000 }, async () => {
    const scaffolded = await runCli(['new', 'provider', 'acme-ai', '--dir', 'acme'], { cwd: workspaceTemp });
    expect(scaffolded.stderr).toBe('');
    expect(scaffolded.code).toBe(0);
    const dir = join(workspaceTemp, 'acme');
    expect(scaffolded.stdout).toContain('Created switchyard-provider-acme-ai in acme:');
    for (const file of ['package.json', 'tsconfig.json', 'tsup.config.ts', '.gitignore', 'src/index.ts', 'src/acme-ai-capabilities.ts', 'src/encode-acme-ai-request.ts', 'src/decode-acme-ai-answer.ts', 'src/map-acme-ai-stream-event.ts', 'src/map-acme-ai-error.ts', 'test/mock-upstream.ts', 'test/conformance.test.ts']) {
      expect(scaffolded.stdout, file).toContain(`  ${file}\n`);
      expect(existsSync(join(dir, file)), file).toBe(true);
    }
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    expect(manifest).toMatchObject({ name: 'switchyard-provider-acme-ai', type: 'module', exports: { '.': { types: './dist/index.d.ts', import: './dist/index.js' } } });
    expect(Object.keys(manifest.peerDependencies)).toEqual(['@switchyard/core']);
    expect(manifest.devDependencies).toHaveProperty('@switchyard/server');
    expect(manifest.devDependencies).toHaveProperty('@switchyard/testkit');
    const index = readFileSync(join(dir, 'src/index.ts'), 'utf8');
    expect(index).toContain("id: 'acme-ai'");
    expect(index).toContain('export function createAcmeAiProvider()');
    expect(index).toContain("environment: { apiKey: 'ACME_AI_API_KEY', baseURL: 'ACME_AI_BASE_URL' }");
    expect(index).not.toMatch(/__\w+__/);

    mkdirSync(join(dir, 'node_modules/@switchyard'), { recursive: true });
    for (const name of ['core', 'server', 'testkit']) symlinkSync(join(repo, 'packages', name), join(dir, 'node_modules/@switchyard', name), 'dir');
    writeFileSync(join(dir, 'vitest.source.config.mjs'), "export default { resolve: { conditions: ['source', 'module', 'node'] }, ssr: { resolve: { conditions: ['source', 'node'] } } };\n");
    const tested = await run(process.execPath, [vitest, 'run', '--config', 'vitest.source.config.mjs', '--reporter', 'verbose'], dir);
    const output = tested.stdout + tested.stderr;
    expect(output, output).toMatch(/Tests\s+14 passed \| 4 skipped \(18\)/);
    expect(tested.code, output).toBe(0);
    // The suite ran through the gateway, check by check, and reported what the adapter does not declare.
    expect(output).toContain('conformance: acme-ai > streaming: role first, content deltas, one finish_reason chunk, [DONE]');
    expect(output).toContain('conformance: acme-ai > abort: a client that goes away mid-stream closes the upstream stream');
    expect(output).toMatch(/tools: one call with JSON arguments, finish reason tool_calls \(not declared: tools\)/);
  });

  it('refuses a name that is not an adapter id, and a folder that is not empty', async () => {
    const badName = await runCli(['new', 'provider', 'Acme_AI'], { cwd: workspaceTemp });
    expect(badName.code).toBe(2);
    expect(badName.stderr).toContain('"Acme_AI" is not a valid adapter id');
    mkdirSync(join(workspaceTemp, 'taken'));
    writeFileSync(join(workspaceTemp, 'taken/file.txt'), 'x');
    const taken = await runCli(['new', 'provider', 'acme', '--dir', 'taken'], { cwd: workspaceTemp });
    expect(taken.code).toBe(1);
    expect(taken.stderr).toMatch(/taken is not empty; choose another --dir/);
    expect(readFileSync(join(workspaceTemp, 'taken/file.txt'), 'utf8')).toBe('x');
  });
});
