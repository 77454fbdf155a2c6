import { generateKeyPairSync, verify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createServiceAccountJwt } from './create-service-account-jwt.js';

const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const account = {
  type: 'service_account',
  project_id: 'my-project',
  private_key_id: 'key-1',
  private_key: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  client_email: 'gateway@my-project.iam.gserviceaccount.com',
  token_uri: 'https://oauth2.googleapis.com/token',
};

function decode(part: string): any {
  return JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
}

describe('createServiceAccountJwt', () => {
  it('signs RS256 claims for the cloud-platform scope, valid for an hour', () => {
    const jwt = createServiceAccountJwt(account, { nowSeconds: 1_700_000_000 });
    const [header, claims, signature] = jwt.split('.');
    expect(decode(header!)).toEqual({ alg: 'RS256', typ: 'JWT', kid: 'key-1' });
    expect(decode(claims!)).toEqual({
      iss: 'gateway@my-project.iam.gserviceaccount.com',
      scope: 'https://www.googleapis.com/auth/cloud-platform',
      aud: 'https://oauth2.googleapis.com/token',
      iat: 1_700_000_000,
      exp: 1_700_003_600,
    });
    expect(verify('RSA-SHA256', Buffer.from(`${header}.${claims}`), publicKey, Buffer.from(signature!, 'base64url'))).toBe(true);
  });

  it('reads a key whose newlines were escaped, and defaults the audience to Google', () => {
    const escaped = { ...account, private_key: account.private_key.replace(/\n/g, '\\n'), token_uri: undefined };
    const [, claims] = createServiceAccountJwt(escaped, { nowSeconds: 1 }).split('.');
    expect(decode(claims!).aud).toBe('https://oauth2.googleapis.com/token');
  });

  it('refuses a broken key without quoting it', () => {
    const broken = { ...account, private_key: '-----BEGIN PRIVATE KEY-----\nnot-a-key-SECRET\n-----END PRIVATE KEY-----' };
    expect(() => createServiceAccountJwt(broken, { nowSeconds: 1 })).toThrow(/is not a PEM private key/);
    try {
      createServiceAccountJwt(broken, { nowSeconds: 1 });
    } catch (error) {
      expect(String((error as Error).message)).not.toContain('SECRET');
    }
  });
});
