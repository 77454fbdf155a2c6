import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

// Core must not depend on testkit, so its tests find the shared recordings themselves: the
// environment variable first, else the folder beside the repository (../shared/fixtures).
const fixturesDirectory =
  process.env.SWITCHYARD_FIXTURES_DIR ?? fileURLToPath(new URL('../../../../../shared/fixtures', import.meta.url));

export const fixturesAvailable = existsSync(fixturesDirectory);

if (!fixturesAvailable) {
  console.warn(
    `Skipping the recorded-stream tests: no fixtures at ${fixturesDirectory} (set SWITCHYARD_FIXTURES_DIR).`,
  );
}

export interface RecordedFile {
  /** `provider/file`, for test names. */
  name: string;
  bytes: Uint8Array;
}

/** Every recorded file whose name ends in `extension`, across all providers. Empty when the fixtures are absent. */
export function recordedFiles(extension: string): RecordedFile[] {
  if (!fixturesAvailable) return [];
  const files: RecordedFile[] = [];
  for (const provider of readdirSync(fixturesDirectory, { withFileTypes: true })) {
    if (!provider.isDirectory()) continue;
    for (const file of readdirSync(join(fixturesDirectory, provider.name)).sort()) {
      if (!file.endsWith(extension)) continue;
      files.push({
        name: `${provider.name}/${file}`,
        bytes: new Uint8Array(readFileSync(join(fixturesDirectory, provider.name, file))),
      });
    }
  }
  return files;
}
