import { UpstreamError } from '@switchyard/core';
import { type MistralEndpointsMock, type TestCallContext, createTestCallContext, startMistralEndpointsMock } from '@switchyard/testkit';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createMistralProvider } from '../src/index.js';

const adapter = createMistralProvider();
let mock: MistralEndpointsMock;
let testCall: TestCallContext;

describe('moderation translated to Mistral', () => {
  beforeAll(async () => {
    mock = await startMistralEndpointsMock({ apiKey: 'mistral-key' });
  });
  afterAll(() => mock?.close());
  beforeEach(() => {
    mock.reset();
    testCall = createTestCallContext({ settings: { apiKey: 'mistral-key', baseURL: mock.baseURL } });
  });
  afterEach(() => testCall?.close());

  it('declares embeddings (proxied) and moderations (translated)', () => {
    expect(adapter.capabilities.endpoints).toEqual(['embeddings', 'moderations']);
    expect(typeof adapter.proxy).toBe('function');
  });

  it("sends {model, input}; categories come back under OpenAI's names where one matches, flagged when any is", async () => {
    const response = await adapter.moderations.create({ model: 'mistral-moderation-latest', input: ['I will kill the process', 'a calm text', 'please diagnose me'], extra: {} }, testCall.context);
    const received = mock.received.at(-1)!;
    expect(received.path).toBe('/v1/moderations');
    expect(received.headers.authorization).toBe('Bearer mistral-key');
    expect(received.json).toEqual({ model: 'mistral-moderation-latest', input: ['I will kill the process', 'a calm text', 'please diagnose me'] });
    expect(response.id).toMatch(/^mod-mock/);
    expect(response.model).toBe('mistral-moderation-latest');
    const [violent, calm, health] = response.results;
    expect(violent).toMatchObject({ flagged: true, categories: { violence: true, hate: false, sexual: false, 'self-harm': false, illicit: false, pii: false } });
    expect(violent!.categoryScores.violence).toBe(0.9);
    expect(Object.keys(violent!.categories)).not.toContain('violence_and_threats');
    expect(calm!.flagged).toBe(false);
    // Mistral-only categories keep their names, and count for `flagged` too.
    expect(health).toMatchObject({ flagged: true, categories: { health: true } });
    expect(testCall.warnings).toEqual([]);
  });

  it('uses mistral-moderation-latest when no model is named, with a warning', async () => {
    await adapter.moderations.create({ input: ['hello'], extra: {} }, testCall.context);
    expect(mock.received.at(-1)!.json.model).toBe('mistral-moderation-latest');
    expect(testCall.warnings).toEqual([expect.objectContaining({ type: 'default-applied', field: 'model' })]);
  });

  it("maps Mistral's error answers with the compatible error reader", async () => {
    mock.failNext({ status: 429 });
    const error = await adapter.moderations.create({ model: 'mistral-moderation-latest', input: ['x'], extra: {} }, testCall.context).catch((caught: unknown) => caught);
    expect(UpstreamError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ kind: 'rate_limit', status: 429, provider: 'mistral', message: 'Mock fault: HTTP 429.' });
  });
});
