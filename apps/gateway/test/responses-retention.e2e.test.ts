import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSqliteResponseStore } from '@switchyard/storage';
import OpenAI from 'openai';
import { afterAll, describe, expect, it } from 'vitest';
import { type TestGateway, startTestGateway } from './start-test-gateway.js';

const day = 86_400_000;
const folder = mkdtempSync(join(tmpdir(), 'switchyard-responses-retention-'));
let gateway: TestGateway | undefined;
afterAll(async () => {
  await gateway?.close();
  rmSync(folder, { recursive: true, force: true });
});

describe('stored responses past their retention', () => {
  it('are gone once the gateway has started (404 to the OpenAI SDK), while newer ones and new answers stay', async () => {
    const path = join(folder, 'responses.db');
    // A gateway ran here before: it stored one answer 40 days ago and one 2 days ago.
    const earlier = await startTestGateway({ responses: { store: 'sqlite', path, retentionDays: 'forever' } });
    const client = (url: string) => new OpenAI({ baseURL: `${url}/v1`, apiKey: 'unused', maxRetries: 0 });
    const old = await client(earlier.url).responses.create({ model: 'echo-1', input: 'old question' });
    const recent = await client(earlier.url).responses.create({ model: 'echo-1', input: 'recent question' });
    await earlier.close();
    const aged = createSqliteResponseStore({ path });
    for (const [id, age] of [[old.id, 40 * day], [recent.id, 2 * day]] as const) {
      const record = (await aged.get(id))!;
      await aged.save({ ...record, createdAt: Date.now() - age });
    }
    await aged.close();

    gateway = await startTestGateway({ responses: { store: 'sqlite', path, retentionDays: 30 } });
    const sdk = client(gateway.url);
    await expect.poll(() => sdk.responses.retrieve(old.id).then(() => 200, (error: { status?: number }) => error.status), { timeout: 2000 }).toBe(404);
    expect((await sdk.responses.retrieve(recent.id)).output_text).toBe('echo: recent question');
    // A follow-up to the expired answer is refused as one to an unknown id is.
    await expect(sdk.responses.create({ model: 'echo-1', input: 'and then?', previous_response_id: old.id })).rejects.toMatchObject({ status: 404 });
    const next = await sdk.responses.create({ model: 'echo-1', input: 'and then?', previous_response_id: recent.id });
    expect((await sdk.responses.retrieve(next.id)).previous_response_id).toBe(recent.id);
  });
});
