import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bundledAdapters } from '../src/bundled-adapters.js';
import { configJsonSchemas } from '../src/config-json-schemas.js';
import { renderProviderMatrix, replaceProviderMatrix } from '../src/provider-matrix.js';

describe('docs/providers.md', () => {
  it('holds the matrix generated from the adapters (run `pnpm docs:providers` when this fails)', () => {
    const document = readFileSync(new URL('../../../docs/providers.md', import.meta.url), 'utf8');
    expect(document).toBe(replaceProviderMatrix(document, renderProviderMatrix(bundledAdapters())));
  });

  it('lists every bundled adapter once with its declared capabilities', () => {
    const matrix = renderProviderMatrix(bundledAdapters());
    for (const adapter of bundledAdapters()) expect(matrix.match(new RegExp(`^\\| \`${adapter.id}\` \\|`, 'gm'))).toHaveLength(1);
    expect(matrix).toContain(`${bundledAdapters().length} providers reachable.`);
  });

  it('holds config JSON Schemas generated from the zod schemas (run `pnpm docs:providers` when this fails)', () => {
    for (const [file, schema] of Object.entries(configJsonSchemas())) {
      const onDisk = JSON.parse(readFileSync(new URL(`../../../docs/schemas/${file}`, import.meta.url), 'utf8'));
      expect(onDisk, file).toEqual(schema);
    }
  });
});
