// Regenerates what docs/ derives from code: the provider matrix in docs/providers.md (from the
// bundled adapters) and the config JSON Schemas in docs/schemas/ (from the zod schemas).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { bundledAdapters } from '../src/bundled-adapters.js';
import { configJsonSchemas } from '../src/config-json-schemas.js';
import { renderProviderMatrix, replaceProviderMatrix } from '../src/provider-matrix.js';

const docs = new URL('../../../docs/', import.meta.url);
const providers = new URL('providers.md', docs);
writeFileSync(providers, replaceProviderMatrix(readFileSync(providers, 'utf8'), renderProviderMatrix(bundledAdapters())));
mkdirSync(new URL('schemas/', docs), { recursive: true });
for (const [file, schema] of Object.entries(configJsonSchemas())) writeFileSync(new URL(`schemas/${file}`, docs), `${JSON.stringify(schema, null, 2)}\n`);
console.log('docs: provider matrix and config schemas regenerated');
