import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Anthropic from '@anthropic-ai/sdk';
import { type AnthropicMock, type OpenAIMock, startAnthropicMock, startOpenAIMock } from '@switchyard/testkit';
import OpenAI from 'openai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from './start-test-gateway.js';

// Stateful Responses through the gateway's own store (the default embedded SQLite, in a temp
// folder here) with the official SDKs: previous_response_id chains for providers that keep no
// state, moving a conversation between providers, the stored-response endpoints, and
// /v1/messages/count_tokens.
describe('stateful Responses and count_tokens through the gateway', () => {
  let anthropicUpstream: AnthropicMock;
  let openaiUpstream: OpenAIMock;
  let gateway: TestGateway;
  let client: OpenAI;
  let anthropic: Anthropic;
  const folder = mkdtempSync(join(tmpdir(), 'switchyard-responses-'));

  beforeAll(async () => {
    anthropicUpstream = await startAnthropicMock({ apiKey: 'sk-ant' });
    openaiUpstream = await startOpenAIMock();
    gateway = await startTestGateway({
      responses: { store: 'sqlite', path: join(folder, 'responses.db') },
      providers: {
        claude: { adapter: 'anthropic', apiKey: 'sk-ant', baseURL: `${anthropicUpstream.url}/v1` },
        gpt: { adapter: 'openai', apiKey: 'sk-openai', baseURL: `${openaiUpstream.url}/v1` },
      },
    });
    client = new OpenAI({ baseURL: `${gateway.url}/v1`, apiKey: 'unused', maxRetries: 0 });
    anthropic = new Anthropic({ baseURL: gateway.url, apiKey: 'unused', maxRetries: 0 });
  });
  afterAll(async () => {
    await gateway?.close();
    await anthropicUpstream?.close();
    await openaiUpstream?.close();
    rmSync(folder, { recursive: true, force: true });
  });
  beforeEach(() => {
    anthropicUpstream.reset();
    openaiUpstream.reset();
  });

  const claudeMessages = (index: number) =>
    (anthropicUpstream.received[index]!.json as { messages: Array<{ role: string; content: unknown }> }).messages.map(({ role, content }) => [role, textOf(content)]);

  it('chains three turns on the built-in mock: the provider gets the whole history, instructions only of their turn', async () => {
    const first = await client.responses.create({ model: 'echo-1', instructions: 'first rules', input: 'one two' });
    expect(storeOf(first)).toBe(true);
    expect(first.output_text).toBe('echo: one two');
    const second = await client.responses.create({ model: 'echo-1', input: 'three', previous_response_id: first.id });
    expect(second.previous_response_id).toBe(first.id);
    const third = await client.responses.create({ model: 'echo-1', instructions: 'be brief', input: 'four', previous_response_id: second.id });
    expect(third.output_text).toBe('echo: four');
    // The mock bills every word it was sent: 'be brief' + 'one two' + 'echo: one two' + 'three' + 'echo: three' + 'four'
    // ('first rules' did not carry over).
    expect(third.usage?.input_tokens).toBe(2 + 2 + 3 + 1 + 2 + 1);
  });

  it('chains three turns on Anthropic (translated), streamed and not', async () => {
    const first = await client.responses.create({ model: '@claude/claude-sonnet-4-5', instructions: 'old rules', input: 'hello there', max_output_tokens: 100 });
    const second = await client.responses
      .stream({ model: '@claude/claude-sonnet-4-5', input: [{ role: 'user', content: 'and again' }], previous_response_id: first.id, max_output_tokens: 100 })
      .finalResponse();
    const third = await client.responses.create({ model: '@claude/claude-sonnet-4-5', instructions: 'new rules', input: 'last one', previous_response_id: second.id, max_output_tokens: 100 });
    expect(third.output_text).toBe('echo: last one');
    expect(claudeMessages(2)).toEqual([
      ['user', 'hello there'],
      ['assistant', 'echo: hello there'],
      ['user', 'and again'],
      ['assistant', 'echo: and again'],
      ['user', 'last one'],
    ]);
    expect(JSON.stringify(anthropicUpstream.received[2]!.json.system)).toContain('new rules');
    expect(JSON.stringify(anthropicUpstream.received[2]!.json)).not.toContain('old rules');
  });

  it('moves a conversation between providers: mock, then Anthropic, then OpenAI (translated, since OpenAI does not know it)', async () => {
    const first = await client.responses.create({ model: '@mock/echo-1', input: 'start on the mock' });
    const second = await client.responses.create({ model: '@claude/claude-sonnet-4-5', input: 'continue on claude', previous_response_id: first.id, max_output_tokens: 100 });
    expect(claudeMessages(0)).toEqual([
      ['user', 'start on the mock'],
      ['assistant', 'echo: start on the mock'],
      ['user', 'continue on claude'],
    ]);
    const third = await client.responses.create({ model: '@gpt/gpt-4o', input: 'finish on openai', previous_response_id: second.id });
    expect(storeOf(third)).toBe(true);
    const sent = openaiUpstream.received.at(-1)!;
    expect(sent.path).toBe('/v1/chat/completions');
    expect((sent.json.messages as Array<{ role: string; content: unknown }>).map(({ role, content }) => [role, textOf(content)])).toEqual([
      ['user', 'start on the mock'],
      ['assistant', 'echo: start on the mock'],
      ['user', 'continue on claude'],
      ['assistant', 'echo: continue on claude'],
      ['user', 'finish on openai'],
    ]);
    expect((await client.responses.retrieve(third.id)).id).toBe(third.id);
  });

  it('leaves OpenAI’s own state to OpenAI: forwarded untouched, not stored by the gateway', async () => {
    openaiUpstream.replayNext({
      contentType: 'application/json',
      body: JSON.stringify({ id: 'resp_openai_own', object: 'response', created_at: 1_760_000_000, status: 'completed', model: 'gpt-4o', output: [], store: true }),
    });
    const answer = await client.responses.create({ model: '@gpt/gpt-4o', input: 'kept by openai' });
    expect(answer.id).toBe('resp_openai_own');
    expect(openaiUpstream.received.at(-1)!.path).toBe('/v1/responses');
    expect(openaiUpstream.received.at(-1)!.json).toEqual({ model: 'gpt-4o', input: 'kept by openai' });
    await expect(client.responses.retrieve(answer.id)).rejects.toMatchObject({ status: 404 });
  });

  it('retrieves, pages the input items, deletes, then answers 404', async () => {
    const input = ['a', 'b', 'c', 'd', 'e'].map((text) => ({ role: 'user' as const, content: text }));
    const created = await client.responses.create({ model: '@claude/claude-sonnet-4-5', input, max_output_tokens: 100 });
    const retrieved = await client.responses.retrieve(created.id);
    expect(retrieved).toEqual(created);

    const firstPage = await client.responses.inputItems.list(created.id, { limit: 2, order: 'asc' });
    expect(firstPage.data.map((item) => textOf((item as { content: unknown }).content))).toEqual(['a', 'b']);
    expect(firstPage.has_more).toBe(true);
    const all: string[] = [];
    for await (const item of client.responses.inputItems.list(created.id, { limit: 2 })) all.push(textOf((item as { content: unknown }).content));
    expect(all).toEqual(['e', 'd', 'c', 'b', 'a']);

    await client.responses.delete(created.id);
    const missing = await client.responses.retrieve(created.id).catch((error: unknown) => error);
    expect(missing).toBeInstanceOf(OpenAI.NotFoundError);
    expect((missing as InstanceType<typeof OpenAI.NotFoundError>).error).toMatchObject({ message: `Response with id '${created.id}' not found.`, type: 'invalid_request_error' });
    await expect(client.responses.delete(created.id)).rejects.toBeInstanceOf(OpenAI.NotFoundError);
  });

  it('answers an unknown previous_response_id as OpenAI does', async () => {
    const failure = await client.responses.create({ model: '@claude/claude-sonnet-4-5', input: 'x', previous_response_id: 'resp_never' }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(OpenAI.NotFoundError);
    expect(failure).toMatchObject({ status: 404, code: 'previous_response_not_found', param: 'previous_response_id' });
    expect(anthropicUpstream.received).toHaveLength(0);
  });

  it('stores nothing with store: false', async () => {
    const answer = await client.responses.create({ model: 'echo-1', input: 'forget me', store: false });
    expect(storeOf(answer)).toBe(false);
    await expect(client.responses.retrieve(answer.id)).rejects.toMatchObject({ status: 404 });
  });

  it('stores a streamed answer once it completed, exactly as the stream ended it', async () => {
    const stream = client.responses.stream({ model: '@claude/claude-sonnet-4-5', input: 'streamed words', max_output_tokens: 100 });
    const stores: boolean[] = [];
    stream.on('response.created', (event) => stores.push(storeOf(event.response)!));
    const final = await stream.finalResponse();
    expect(stores).toEqual([true]);
    expect(storeOf(final)).toBe(true);
    // Saved before the last event went out: the very next call finds it.
    // (finalResponse adds the SDK's own parsed fields to what the stream said.)
    expect(final).toMatchObject(await client.responses.retrieve(final.id));
  });

  it('does not store a stream that failed', async () => {
    anthropicUpstream.failNext({ cutAfterEvents: 3 });
    const stream = client.responses.stream({ model: '@claude/claude-sonnet-4-5', input: 'this will break', max_output_tokens: 100 });
    let id: string | undefined;
    stream.on('response.created', (event) => (id = event.response.id));
    await expect(stream.finalResponse()).rejects.toThrow();
    expect(id).toBeDefined();
    await expect(client.responses.retrieve(id!)).rejects.toMatchObject({ status: 404 });
  });

  it('counts tokens with Anthropic’s own endpoint', async () => {
    const counted = await anthropic.messages.countTokens({ model: '@claude/claude-sonnet-4-5', system: 'be brief', messages: [{ role: 'user', content: 'count these four words' }] });
    expect(counted).toEqual({ input_tokens: 2 + 4 });
    const sent = anthropicUpstream.received.at(-1)!;
    expect(sent.path).toBe('/v1/messages/count_tokens');
    expect(sent.json).toEqual({ model: 'claude-sonnet-4-5', system: 'be brief', messages: [{ role: 'user', content: 'count these four words' }] });
  });

  it('estimates tokens for a provider without a count endpoint, saying so', async () => {
    const { data, response } = await anthropic.messages.countTokens({ model: 'echo-1', messages: [{ role: 'user', content: 'sixteen chars!!!' }] }).withResponse();
    expect(data).toEqual({ input_tokens: 4 });
    expect(JSON.parse(response.headers.get('x-switchyard-warnings')!)).toEqual([expect.objectContaining({ field: 'input_tokens', message: expect.stringContaining('estimate') })]);
  });
});

/** The SDK's Response type does not declare `store`, which the API returns. */
function storeOf(response: object): boolean | undefined {
  return (response as { store?: boolean }).store;
}

interface PgModule {
  Client: new (options: { connectionString: string }) => { connect(): Promise<unknown>; query(sql: string): Promise<unknown>; end(): Promise<void> };
}

function textOf(content: unknown): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content.map((part: { text?: string }) => part.text ?? '').join('');
}

// Two gateway instances on one PostgreSQL store: a conversation started on one continues on
// the other. Skipped, with the reason printed, only when nothing listens at the address.
const postgresURL = process.env.SWITCHYARD_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const postgresUnreachable = await probeTcp(postgresURL);
if (postgresUnreachable) console.warn(`Skipping the two-gateways-on-PostgreSQL test: ${postgresUnreachable}`);

describe.skipIf(postgresUnreachable !== undefined)('two gateways sharing a PostgreSQL response store', () => {
  const schema = `switchyard_e2e_${process.pid}_${Date.now()}`;
  let gateways: TestGateway[] = [];

  afterAll(async () => {
    await Promise.all(gateways.map((gateway) => gateway.close()));
    // The store's own driver, from the storage package (the gateway does not depend on pg itself).
    const pg = createRequire(new URL('../../../packages/storage/package.json', import.meta.url))('pg') as PgModule;
    const admin = new pg.Client({ connectionString: postgresURL });
    await admin.connect();
    await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await admin.end();
  });

  it('continues on the second gateway a conversation the first one stored', async () => {
    const config = { responses: { store: 'postgres' as const, connectionString: '${DATABASE_URL}', schema } };
    gateways = await Promise.all([startTestGateway(config, { DATABASE_URL: postgresURL }), startTestGateway(config, { DATABASE_URL: postgresURL })]);
    const [one, two] = gateways.map((gateway) => new OpenAI({ baseURL: `${gateway.url}/v1`, apiKey: 'unused', maxRetries: 0 }));
    const first = await one!.responses.create({ model: 'echo-1', input: 'one two' });
    const second = await two!.responses.create({ model: 'echo-1', input: 'three', previous_response_id: first.id });
    expect(second.usage?.input_tokens).toBe(2 + 3 + 1);
    expect((await one!.responses.retrieve(second.id)).id).toBe(second.id);
  });
});

async function probeTcp(url: string): Promise<string | undefined> {
  const { connect } = await import('node:net');
  const { hostname, port } = new URL(url);
  const address = `${hostname}:${port || 5432}`;
  return new Promise((resolve) => {
    const socket = connect({ host: hostname, port: Number(port || 5432) });
    const done = (reason: string | undefined) => {
      socket.destroy();
      resolve(reason);
    };
    socket.setTimeout(1500, () => done(`no answer from ${address} within 1.5 s`));
    socket.once('connect', () => done(undefined));
    socket.once('error', (error: NodeJS.ErrnoException) => done(`cannot connect to ${address} (${error.code ?? error.message})`));
  });
}
