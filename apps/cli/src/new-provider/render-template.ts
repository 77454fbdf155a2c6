import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * Copies a template folder to `target`: every `*.template` file, its name and contents with
 * each `__placeholder__` replaced (longest first, so `__NAME__` is never half-replaced) and
 * `.template` dropped; `gitignore.template` becomes `.gitignore` (npm would drop a dotfile
 * from the published CLI). Returns the written paths relative to `target`, sorted.
 */
export function renderTemplate(templateDir: string, target: string, values: Record<string, string>): string[] {
  const keys = Object.keys(values).sort((a, b) => b.length - a.length);
  const fill = (text: string) => keys.reduce((result, key) => result.split(key).join(values[key]!), text);
  const written: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const source = join(dir, entry.name);
      if (entry.isDirectory()) {
        walk(source);
        continue;
      }
      if (!entry.name.endsWith('.template')) continue;
      const name = entry.name === 'gitignore.template' ? '.gitignore' : fill(entry.name.slice(0, -'.template'.length));
      const destination = join(target, relative(templateDir, dir), name);
      mkdirSync(join(destination, '..'), { recursive: true });
      writeFileSync(destination, fill(readFileSync(source, 'utf8')));
      written.push(relative(target, destination));
    }
  };
  walk(templateDir);
  return written.sort();
}
