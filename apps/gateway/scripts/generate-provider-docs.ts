// Rewrites the generated capability matrix in docs/providers.md from the bundled adapters.
import { readFileSync, writeFileSync } from 'node:fs';
import { bundledAdapters } from '../src/bundled-adapters.js';
import { renderProviderMatrix, replaceProviderMatrix } from '../src/provider-matrix.js';

const path = new URL('../../../docs/providers.md', import.meta.url);
writeFileSync(path, replaceProviderMatrix(readFileSync(path, 'utf8'), renderProviderMatrix(bundledAdapters())));
console.log('docs/providers.md: provider matrix regenerated');
