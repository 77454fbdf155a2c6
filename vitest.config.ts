import { readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

// One vitest run over every workspace package: each package is a project named after its
// folder, so the summary counts every package once. Workspace imports resolve to `src/`
// through the `source` export condition, so tests never run against a stale build.
const groups = ['packages', 'packages/providers', 'apps', 'bench', 'examples'];
const packageDirs = groups.flatMap((group) =>
  existsSync(group)
    ? readdirSync(group, { withFileTypes: true })
        .filter((entry) => entry.isDirectory() && existsSync(join(group, entry.name, 'package.json')))
        .map((entry) => join(group, entry.name))
    : [],
);

export default defineConfig({
  resolve: { conditions: ['source', 'module', 'node', 'development|production'] },
  ssr: { resolve: { conditions: ['source', 'node', 'development|production'], externalConditions: ['node'] } },
  test: {
    projects: packageDirs.map((dir) => ({
      extends: true,
      test: {
        name: dir.replace(/^packages\/(providers\/)?|^apps\/|^examples\//, ''),
        root: dir,
        include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
        // The CLI's tests spawn it from source through tsx, which transpiles the gateway on each start.
        testTimeout: dir === 'apps/cli' ? 60_000 : 20_000,
        hookTimeout: dir === 'apps/cli' ? 60_000 : 20_000,
      },
    })),
  },
});
