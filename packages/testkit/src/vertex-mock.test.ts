import { type KeyObject, generateKeyPairSync, sign } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type VertexMock, startVertexMock } from './vertex-mock.js';

const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const stranger = generateKeyPairSync('rsa', { modulusLength: 2048 });
const clientEmail = 'gw@my-project.iam.gserviceaccount.com';
let clock = 1_700_000_000_000;
let mock: VertexMock;

beforeAll(async () => {
  mock = await startVertexMock({ serviceAccounts: [{ clientEmail, publicKey }], accessTokens: ['static-token'], now: () => clock, projects: ['my-project'] });
});
afterAll(() => mock.close());
beforeEach(() => mock.reset());

function assertion(claims: Record<string, unknown>, key: KeyObject = privateKey): string {
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const input = `${encode({ alg: 'RS256', typ: 'JWT' })}.${encode(claims)}`;
  return `${input}.${sign('RSA-SHA256', Buffer.from(input), key).toString('base64url')}`;
}

function goodClaims(extra: Record<string, unknown> = {}) {
  const iat = Math.floor(clock / 1000);
  return { iss: clientEmail, scope: 'https://www.googleapis.com/auth/cloud-platform', aud: mock.tokenURL, iat, exp: iat + 3600, ...extra };
}

async function exchange(jwt: string) {
  const response = await fetch(mock.tokenURL, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer', assertion: jwt }).toString(),
  });
  return { status: response.status, body: (await response.json()) as any };
}

async function call(path: string, body: unknown, token?: string) {
  const response = await fetch(`${mock.baseURL}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token && { authorization: `Bearer ${token}` }) },
    body: JSON.stringify(body),
  });
  return { status: response.status, text: await response.text() };
}

const geminiPath = '/v1/projects/my-project/locations/us-central1/publishers/google/models/gemini-2.5-flash:generateContent';
const claudePath = '/v1/projects/my-project/locations/us-east5/publishers/anthropic/models/claude-sonnet-4-5@20250929:rawPredict';

describe('Vertex mock', () => {
  it('issues a token for a JWT signed by a known service account, and counts the exchange', async () => {
    expect(await exchange(assertion(goodClaims()))).toEqual({ status: 200, body: { access_token: expect.stringMatching(/^ya29\.mock-token-/), expires_in: 3599, token_type: 'Bearer' } });
    expect(mock.tokenExchanges()).toBe(1);
    expect(mock.tokenServer.received).toHaveLength(1);
  });

  it('refuses a bad signature, a wrong audience, a missing scope and a stale assertion, as Google words it', async () => {
    expect(await exchange(assertion(goodClaims(), stranger.privateKey))).toEqual({ status: 400, body: { error: 'invalid_grant', error_description: 'Invalid JWT Signature.' } });
    expect((await exchange(assertion(goodClaims({ aud: 'https://oauth2.googleapis.com/token' })))).body.error_description).toMatch(/audience/);
    expect((await exchange(assertion(goodClaims({ scope: 'email' })))).body.error).toBe('invalid_scope');
    expect((await exchange(assertion(goodClaims({ iat: 1, exp: 3601 })))).body.error_description).toMatch(/short-lived/);
    expect(mock.tokenExchanges()).toBe(0);
  });

  it('answers Gemini and Claude calls only with a valid, unexpired bearer token', async () => {
    const gemini = { contents: [{ role: 'user', parts: [{ text: 'hello vertex' }] }] };
    expect((await call(geminiPath, gemini)).status).toBe(401);
    expect(JSON.parse((await call(geminiPath, gemini, 'made-up')).text).error.status).toBe('UNAUTHENTICATED');
    const { body } = await exchange(assertion(goodClaims()));
    const answer = JSON.parse((await call(geminiPath, gemini, body.access_token)).text);
    expect(answer.candidates[0].content.parts[0].text).toBe('echo: hello vertex');
    expect(answer).toMatchObject({ createTime: new Date(clock).toISOString(), usageMetadata: { trafficType: 'ON_DEMAND' } });
    expect((await call(geminiPath, gemini, 'static-token')).status).toBe(200);

    clock += 3600_000;
    expect((await call(geminiPath, gemini, body.access_token)).status).toBe(401);
  });

  it("applies Vertex's rules to Claude bodies, then answers as the Anthropic mock", async () => {
    const messages = [{ role: 'user', content: 'hi claude' }];
    const refused = await call(claudePath, { model: 'claude', max_tokens: 10, messages, anthropic_version: 'vertex-2023-10-16' }, 'static-token');
    expect(refused.status).toBe(400);
    expect(JSON.parse(refused.text).error.message).toContain('model: Extra inputs');
    expect(JSON.parse((await call(claudePath, { max_tokens: 10, messages }, 'static-token')).text).error.message).toContain('anthropic_version');
    const answer = JSON.parse((await call(claudePath, { anthropic_version: 'vertex-2023-10-16', max_tokens: 10, messages }, 'static-token')).text);
    expect(answer).toMatchObject({ type: 'message', model: 'claude-sonnet-4-5@20250929', content: [{ type: 'text', text: 'echo: hi claude' }] });
  });

  it('refuses an unknown project and a publisher/method mismatch', async () => {
    expect((await call(geminiPath.replace('my-project', 'other-project'), {}, 'static-token')).status).toBe(403);
    expect((await call(geminiPath.replace(':generateContent', ':rawPredict'), {}, 'static-token')).status).toBe(400);
  });
});
