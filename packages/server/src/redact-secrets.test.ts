import { ProviderCatalog } from '@switchyard/router';
import { describe, expect, it } from 'vitest';
import { configuredSecrets, redactSecrets } from './redact-secrets.js';

describe('redactSecrets', () => {
  it('cuts every configured key and secret option out of a text, longest first', () => {
    const catalog = new ProviderCatalog();
    const adapter = { id: 'fake' } as Parameters<ProviderCatalog['registerAdapter']>[0];
    catalog.registerAdapter(adapter, { apiKey: 'sk-default-1234567890' });
    catalog.addEntry('other', 'fake', { apiKey: 'sk-default-1234567890-longer', options: { secretAccessKey: 'aws-secret-abcdefgh', region: 'us-east-1-region' } });
    catalog.addEntry('short', 'fake', { apiKey: 'k' });
    const secrets = configuredSecrets(catalog);
    const text = 'got sk-default-1234567890-longer and sk-default-1234567890 and aws-secret-abcdefgh in us-east-1-region, k';
    expect(redactSecrets(text, secrets)).toBe('got [redacted] and [redacted] and [redacted] in us-east-1-region, k');
  });
});
