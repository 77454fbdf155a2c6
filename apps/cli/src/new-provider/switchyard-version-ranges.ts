import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The dependency range for each Switchyard package the scaffold depends on: `workspace:*`
 * inside the Switchyard repository, else `^<version>` of the copy installed beside this CLI
 * (so the new adapter targets the core this CLI's gateway runs), `latest` when none is.
 */
export function switchyardVersionRanges(packages: readonly string[], workspace: boolean): Record<string, string> {
  return Object.fromEntries(packages.map((name) => [name, workspace ? 'workspace:*' : installedRange(name)]));
}

function installedRange(name: string): string {
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    const manifest = join(dir, 'node_modules', name, 'package.json');
    if (existsSync(manifest)) {
      const version = (JSON.parse(readFileSync(manifest, 'utf8')) as { version?: string }).version;
      if (version) return `^${version}`;
    }
    if (dirname(dir) === dir) return 'latest';
  }
}
