import { describe, expect, it } from 'vitest';
import { maskConfigSecrets } from './mask-config-secrets.js';

describe('maskConfigSecrets', () => {
  it('hides credential fields, header values, known secrets and URL passwords, and keeps the rest', () => {
    const masked = maskConfigSecrets(
      {
        apiKeys: ['gateway-key-0123456789'],
        adminKeys: ['admin-key-0123456789'],
        defaultProvider: 'openai',
        providers: {
          openai: { adapter: 'openai', apiKey: 'sk-live-0123456789', baseURL: 'http://127.0.0.1:9000/v1', headers: { 'x-org': 'acme' } },
          bedrock: { adapter: 'bedrock', options: { region: 'us-east-1', accessKeyId: 'AKIA0123', secretAccessKey: 'shhh' } },
        },
        access: { pepper: 'pepper-0123456789abcdef', url: 'postgres://app:hunter2@db:5432/keys' },
        logs: { store: 'memory', retentionDays: 7 },
        note: 'sk-live-0123456789',
      },
      ['sk-live-0123456789'],
    ) as Record<string, any>;
    expect(masked.apiKeys).toEqual(['[hidden]']);
    expect(masked.adminKeys).toEqual(['[hidden]']);
    expect(masked.defaultProvider).toBe('openai');
    expect(masked.providers.openai).toEqual({ adapter: 'openai', apiKey: '[hidden]', baseURL: 'http://127.0.0.1:9000/v1', headers: { 'x-org': '[hidden]' } });
    expect(masked.providers.bedrock.options).toEqual({ region: 'us-east-1', accessKeyId: '[hidden]', secretAccessKey: '[hidden]' });
    expect(masked.access.pepper).toBe('[hidden]');
    expect(masked.access.url).toBe('postgres://app:[hidden]@db:5432/keys');
    expect(masked.logs).toEqual({ store: 'memory', retentionDays: 7 });
    expect(masked.note).toBe('[hidden]');
    expect(JSON.stringify(masked)).not.toMatch(/hunter2|shhh|sk-live|pepper-0123/);
  });
});
