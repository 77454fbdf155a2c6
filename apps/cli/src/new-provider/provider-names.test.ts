import { describe, expect, it } from 'vitest';
import { providerNames } from './provider-names.js';

describe('providerNames', () => {
  it('spells a dashed name for ids, types, values and environment variables', () => {
    expect(providerNames('acme-ai2')).toEqual({ name: 'acme-ai2', pascal: 'AcmeAi2', camel: 'acmeAi2', upper: 'ACME_AI2' });
  });

  it('refuses a name core would refuse as an adapter id, as a usage error', () => {
    for (const bad of ['Acme', 'acme_ai', '2acme', 'acme--ai', 'acme-']) {
      expect(() => providerNames(bad)).toThrow(expect.objectContaining({ exitCode: 2, message: expect.stringContaining(`"${bad}" is not a valid adapter id`) }));
    }
    expect(() => providerNames(undefined)).toThrow(/give the provider a NAME/);
  });
});
