import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { buildCatalog } from '../src/build-catalog.js';
import { bundledAdapters } from '../src/bundled-adapters.js';
import { parseConfig } from '../src/load-config.js';

// The README's configuration example must be a config the gateway accepts as written.
describe('the README configuration example', () => {
  it('parses, validates and builds a catalog', () => {
    const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
    const block = /## Configuration[\s\S]*?```yaml\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(block).toBeDefined();
    const env = { OPENAI_API_KEY: 'sk-readme' };
    const config = parseConfig(parseYaml(block!), env);
    expect(config.providers['openai-prod']).toMatchObject({ adapter: 'openai', apiKey: 'sk-readme' });
    expect(buildCatalog(bundledAdapters(), config, env).resolve('local-llm').settings.baseURL).toBe('http://127.0.0.1:11434/v1');
  });
});
