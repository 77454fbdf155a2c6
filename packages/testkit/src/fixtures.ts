import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Recorded provider traffic lives outside the repo (third-party data, never copied in):
 * `$SWITCHYARD_FIXTURES_DIR`, else `../shared/fixtures` beside the repo root. Replay suites
 * call `fixturesFor()` and skip with the printed reason when the folder is absent.
 */
export function fixturesRoot(): string | undefined {
  const fromEnv = process.env.SWITCHYARD_FIXTURES_DIR;
  if (fromEnv) return existsSync(fromEnv) ? resolve(fromEnv) : undefined;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let depth = 0; depth < 8; depth++) {
    if (existsSync(join(dir, 'pnpm-workspace.yaml'))) {
      const candidate = resolve(dir, '..', 'shared', 'fixtures');
      return existsSync(candidate) ? candidate : undefined;
    }
    dir = dirname(dir);
  }
  return undefined;
}

export interface ProviderFixtures {
  dir: string;
  /** Case names (file stems) present, e.g. `text-stream` for `text-stream.sse`. */
  cases(): string[];
  has(file: string): boolean;
  text(file: string): string;
  bytes(file: string): Buffer;
  json<T = any>(file: string): T;
}

export type FixtureLookup = { found: true; fixtures: ProviderFixtures } | { found: false; reason: string };

export function fixturesFor(provider: string): FixtureLookup {
  const root = fixturesRoot();
  if (!root) {
    return { found: false, reason: 'recorded fixtures not found (set SWITCHYARD_FIXTURES_DIR or place them at ../shared/fixtures)' };
  }
  const dir = join(root, provider);
  if (!existsSync(dir)) return { found: false, reason: `no recorded fixtures for "${provider}" in ${root}` };
  const fixtures: ProviderFixtures = {
    dir,
    cases: () => [...new Set(readdirSync(dir).map((file) => file.split('.')[0]!))].sort(),
    has: (file) => existsSync(join(dir, file)),
    text: (file) => readFileSync(join(dir, file), 'utf8'),
    bytes: (file) => readFileSync(join(dir, file)),
    json: (file) => JSON.parse(readFileSync(join(dir, file), 'utf8')),
  };
  return { found: true, fixtures };
}
