import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../src/load-config.js';

// The README's access examples must be configs the gateway accepts as written.
describe('the README keys, limits and budgets examples', () => {
  it('parse and validate', () => {
    const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
    const start = readme.indexOf('## Keys, limits and budgets');
    // The section runs to the next top-level heading (its "Running several instances" part included).
    const end = readme.indexOf('\n## ', start + 1);
    const section = readme.slice(start, end === -1 ? undefined : end);
    const blocks = [...section.matchAll(/```yaml\n([\s\S]*?)```/g)].map((match) => match[1]!);
    expect(blocks).toHaveLength(2);
    const env = { SWITCHYARD_ADMIN_KEY: 'admin-key-0123456789abcdef', SWITCHYARD_KEY_PEPPER: 'pepper-0123456789abcdef', OPENAI_API_KEY: 'sk', DATABASE_URL: 'postgres://db/x', REDIS_URL: 'redis://r:6379' };
    const [single, several] = blocks.map((block) => parseConfig(parseYaml(block), env));
    expect(single!.access).toMatchObject({ store: 'sqlite', teams: { search: { orgId: 'acme' } } });
    expect(several!.access).toMatchObject({ store: 'postgres', url: 'postgres://db/x', redis: { url: 'redis://r:6379', failMode: 'open' } });
  });

  it('rejects a budget or limit it cannot enforce, naming the field', () => {
    const base = { pepper: 'pepper-0123456789abcdef' };
    expect(() => parseConfig({ access: { ...base, teams: { a: { budgets: [{ name: 'm', usd: 1, period: 'quarter' }] } } } }, {})).toThrow(/budgets\[0\]\.period: expected day, week or month/);
    expect(() => parseConfig({ access: { ...base, orgs: { a: { limits: { rpm: 1 } } } } }, {})).toThrow(/limits\.rpm: unknown limit/);
    expect(() => parseConfig({ access: { store: 'postgres', ...base } }, {})).toThrow(/store: postgres needs a url/);
  });
});
