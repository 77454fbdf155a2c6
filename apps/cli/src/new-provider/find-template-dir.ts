import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The CLI's `templates/<kind>` folder, found above this module whether it runs from src/ or a bundled dist/. */
export function findTemplateDir(kind: string): string {
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    const candidate = join(dir, 'templates', kind);
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) throw new Error(`switchyard: the ${kind} template is missing from this installation`);
  }
}
