import { describe, expect, it } from 'vitest';
import { parseVertexServiceAccount } from './parse-vertex-service-account.js';

const key = { type: 'service_account', project_id: 'my-project', private_key_id: 'k1', private_key: 'PEM-SECRET', client_email: 'sa@my-project.iam.gserviceaccount.com', client_id: '42' };

describe('parseVertexServiceAccount', () => {
  it('reads the key file as JSON text or as an object, keeping unknown fields', () => {
    expect(parseVertexServiceAccount(JSON.stringify(key), 'x')).toEqual(key);
    expect(parseVertexServiceAccount(key, 'x')).toEqual(key);
  });

  it('names what is wrong, never the key', () => {
    expect(() => parseVertexServiceAccount('{"private_key": "PEM-SECRET",', 'options.serviceAccountJson')).toThrow(/options\.serviceAccountJson is not valid JSON/);
    const missing = () => parseVertexServiceAccount({ private_key: 'PEM-SECRET' }, 'header');
    expect(missing).toThrow(/client_email/);
    expect(missing).not.toThrow(/PEM-SECRET/);
    expect(() => parseVertexServiceAccount({ ...key, type: 'external_account' }, 'header')).toThrow(/external_account/);
  });
});
