import { describe, expect, it } from 'vitest';
import { buildOpenAIResponsesObject } from './build-openai-responses-object.js';

describe('buildOpenAIResponsesObject', () => {
  it('writes the canonical fields over whatever the echo holds', () => {
    const body = buildOpenAIResponsesObject({
      id: 'resp_1',
      createdAt: 5,
      model: 'gpt-5',
      status: 'completed',
      output: [],
      usage: null,
      error: null,
      incompleteDetails: null,
      serviceTier: 'default',
      echo: { status: 'in_progress', output: [{ stale: true }], tools: [], billing: { payer: 'developer' } },
    });
    expect(body).toEqual({
      id: 'resp_1',
      object: 'response',
      created_at: 5,
      status: 'completed',
      error: null,
      incomplete_details: null,
      model: 'gpt-5',
      output: [],
      service_tier: 'default',
      usage: null,
      tools: [],
      billing: { payer: 'developer' },
    });
  });
});
