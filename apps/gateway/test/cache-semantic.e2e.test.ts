import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type MockServer, type OpenAIMock, startMockServer, startOpenAIMock } from '@switchyard/testkit';
import Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type TestGateway, startTestGateway } from './start-test-gateway.js';

// The semantic cache through the real gateway. Embeddings come from a loopback server speaking
// OpenAI's /v1/embeddings whose vectors are bags of words, so prompts that share most words are
// near and prompts that share none are far — a geometry the assertions can rely on.
function bagOfWords(text: string, dimensions = 256): number[] {
  const vector = new Array<number>(dimensions).fill(0);
  for (const word of text.toLowerCase().match(/[a-z0-9]+/g) ?? []) vector[createHash('sha256').update(word).digest().readUInt32BE(0) % dimensions]! += 1;
  return vector;
}

function startEmbeddingsMock(): Promise<MockServer> {
  return startMockServer(async (request, response) => {
    const input = request.json?.input as string[] | string;
    const texts = Array.isArray(input) ? input : [input];
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({
      object: 'list',
      model: request.json?.model,
      data: texts.map((text, index) => ({ object: 'embedding', index, embedding: bagOfWords(text) })),
      usage: { prompt_tokens: texts.length, total_tokens: texts.length },
    }));
  });
}

const directory = mkdtempSync(join(tmpdir(), 'switchyard-semantic-e2e-'));
let chatUpstream: OpenAIMock;
let embeddings: MockServer;

const configFor = (path: string, threshold = 0.8) => ({
  providers: {
    gpt: { adapter: 'openai', apiKey: 'sk-upstream', baseURL: chatUpstream.baseURL },
    vectors: { adapter: 'openai', apiKey: 'sk-embeddings', baseURL: `${embeddings.url}/v1` },
  },
  configs: { semantic: { cache: { mode: 'semantic', max_age: 600 } }, strict: { cache: { mode: 'semantic', threshold: 0.99 } } },
  cache: { semantic: { embeddingModel: '@vectors/bag-of-words', threshold, path } },
});

beforeAll(async () => {
  chatUpstream = await startOpenAIMock({ apiKey: 'sk-upstream' });
  embeddings = await startEmbeddingsMock();
});
afterAll(async () => {
  await chatUpstream?.close();
  await embeddings?.close();
  rmSync(directory, { recursive: true, force: true });
});
beforeEach(() => {
  chatUpstream.reset();
  embeddings.reset();
});

async function ask(gateway: TestGateway, content: string, config = 'semantic') {
  const client = new OpenAI({ baseURL: `${gateway.url}/v1`, apiKey: 'unused', maxRetries: 0, defaultHeaders: { 'x-switchyard-config': config } });
  const { data, response } = await client.chat.completions.create({ model: '@gpt/gpt-4o-mini', messages: [{ role: 'system', content: 'Answer briefly.' }, { role: 'user', content }] }).withResponse();
  return { text: data.choices[0]!.message.content, status: response.headers.get('x-switchyard-cache-status'), portkey: response.headers.get('x-portkey-cache-status'), similarity: response.headers.get('x-switchyard-cache-similarity') };
}

describe('semantic cache', () => {
  let gateway: TestGateway;
  beforeAll(async () => {
    gateway = await startTestGateway(configFor(join(directory, 'semantic.db')));
  });
  afterAll(async () => gateway?.close());

  it('serves a near prompt from the cache, reporting the similarity; a far prompt goes upstream', async () => {
    const stored = await ask(gateway, 'what is the capital city of france');
    const near = await ask(gateway, 'what is the capital city of france please');
    const far = await ask(gateway, 'how do i bake sourdough bread');
    expect([stored.status, near.status, far.status]).toEqual(['SEMANTIC MISS', 'SEMANTIC HIT', 'SEMANTIC MISS']);
    expect(near.portkey).toBe('SEMANTIC HIT');
    expect(near.text).toBe('echo: what is the capital city of france');
    expect(Number(near.similarity)).toBeGreaterThan(0.9);
    expect(Number(near.similarity)).toBeLessThan(1);
    expect(far.text).toBe('echo: how do i bake sourdough bread');
    // Two chat calls upstream; every prompt was embedded, by the catalog entry's model.
    expect(chatUpstream.received.map((request) => request.json?.messages?.[1]?.content)).toEqual(['what is the capital city of france', 'how do i bake sourdough bread']);
    expect(embeddings.received.map((request) => [request.path, request.json?.model, request.headers.authorization])).toEqual(
      Array(3).fill(['/v1/embeddings', 'bag-of-words', 'Bearer sk-embeddings']),
    );
    expect(gateway.records[1]!.cacheStatus).toBe('SEMANTIC HIT');
    expect(gateway.records[1]!.cacheSimilarity).toBeCloseTo(Number(near.similarity), 4);
  });

  it('requires everything but the last user turn to match exactly', async () => {
    await ask(gateway, 'name a famous swiss mountain');
    const client = new OpenAI({ baseURL: `${gateway.url}/v1`, apiKey: 'unused', maxRetries: 0, defaultHeaders: { 'x-switchyard-config': 'semantic' } });
    const otherSystem = await client.chat.completions.create({ model: '@gpt/gpt-4o-mini', messages: [{ role: 'system', content: 'Answer at length.' }, { role: 'user', content: 'name a famous swiss mountain' }] }).withResponse();
    expect(otherSystem.response.headers.get('x-switchyard-cache-status')).toBe('SEMANTIC MISS');
    expect(chatUpstream.received).toHaveLength(2);
  });

  it('applies the threshold: a pair close enough at 0.8 misses under a config asking for 0.99', async () => {
    await ask(gateway, 'tell me about trains in switzerland');
    const loose = await ask(gateway, 'tell me about trains in japan'); // cosine 5/6
    const strict = await ask(gateway, 'tell me about trains in japan', 'strict');
    expect(loose.status).toBe('SEMANTIC HIT');
    expect(Number(loose.similarity)).toBeCloseTo(5 / 6, 3);
    expect(strict.status).toBe('SEMANTIC MISS');
    expect(strict.text).toBe('echo: tell me about trains in japan');
  });

  it('replays a semantic hit stored from a Chat Completions answer as a stream to an Anthropic-format client', async () => {
    const openai = new OpenAI({ baseURL: `${gateway.url}/v1`, apiKey: 'unused', maxRetries: 0, defaultHeaders: { 'x-switchyard-config': 'semantic' } });
    // Same system prompt and max tokens as the Messages request below: only the last user turn may differ.
    await openai.chat.completions.create({ model: '@gpt/gpt-4o-mini', max_tokens: 100, messages: [{ role: 'system', content: 'Answer briefly.' }, { role: 'user', content: 'which river runs through vienna' }] });
    const anthropic = new Anthropic({ baseURL: gateway.url, apiKey: 'unused', maxRetries: 0, defaultHeaders: { 'x-switchyard-config': 'semantic' } });
    const final = await anthropic.messages
      .stream({ model: '@gpt/gpt-4o-mini', max_tokens: 100, system: 'Answer briefly.', messages: [{ role: 'user', content: 'which river runs through vienna today' }] })
      .finalMessage();
    expect(final.content).toEqual([expect.objectContaining({ type: 'text', text: 'echo: which river runs through vienna' })]);
    expect(chatUpstream.received).toHaveLength(1);
  });
});

describe('semantic cache persistence', () => {
  it('rebuilds the index after a restart from the same SQLite file', async () => {
    const path = join(directory, 'restart.db');
    const before = await startTestGateway(configFor(path));
    expect((await ask(before, 'who painted the mona lisa')).status).toBe('SEMANTIC MISS');
    await before.close();
    const after = await startTestGateway(configFor(path));
    try {
      const again = await ask(after, 'who painted the mona lisa');
      expect(again.status).toBe('SEMANTIC HIT');
      expect(again.text).toBe('echo: who painted the mona lisa');
      expect(chatUpstream.received).toHaveLength(1);
    } finally {
      await after.close();
    }
  });
});
