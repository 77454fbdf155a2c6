import { describe, expect, it } from 'vitest';
import type { VertexSettings } from './resolve-vertex-settings.js';
import { vertexModelURL } from './vertex-url.js';

const vertex = (location: string): VertexSettings => ({ project: 'my-project', location, apiVersion: 'v1', credentials: { type: 'access-token', token: 't' } });

describe('vertexModelURL', () => {
  it('builds regional Gemini URLs, SSE for streams', () => {
    expect(vertexModelURL({}, vertex('us-central1'), { publisher: 'google', model: 'gemini-2.5-flash' }, false)).toBe(
      'https://us-central1-aiplatform.googleapis.com/v1/projects/my-project/locations/us-central1/publishers/google/models/gemini-2.5-flash:generateContent',
    );
    expect(vertexModelURL({}, vertex('europe-west4'), { publisher: 'google', model: 'gemini-2.5-flash' }, true)).toBe(
      'https://europe-west4-aiplatform.googleapis.com/v1/projects/my-project/locations/europe-west4/publishers/google/models/gemini-2.5-flash:streamGenerateContent?alt=sse',
    );
  });

  it('uses the global host for location global, and rawPredict for Claude', () => {
    expect(vertexModelURL({}, vertex('global'), { publisher: 'anthropic', model: 'claude-sonnet-4-5@20250929' }, false)).toBe(
      'https://aiplatform.googleapis.com/v1/projects/my-project/locations/global/publishers/anthropic/models/claude-sonnet-4-5@20250929:rawPredict',
    );
    expect(vertexModelURL({}, vertex('us-east5'), { publisher: 'anthropic', model: 'claude-opus-4-1' }, true)).toMatch(/:streamRawPredict$/);
  });

  it('uses the representative endpoints of the us and eu multi-regions', () => {
    expect(vertexModelURL({}, vertex('eu'), { publisher: 'google', model: 'gemini-2.5-flash' }, false)).toBe(
      'https://aiplatform.eu.rep.googleapis.com/v1/projects/my-project/locations/eu/publishers/google/models/gemini-2.5-flash:generateContent',
    );
    expect(vertexModelURL({}, vertex('us'), { publisher: 'anthropic', model: 'claude-opus-4-1' }, false)).toMatch(/^https:\/\/aiplatform\.us\.rep\.googleapis\.com\/v1\/projects\/my-project\/locations\/us\//);
  });

  it('puts the path under a custom host', () => {
    expect(vertexModelURL({ baseURL: 'http://127.0.0.1:8080/' }, { ...vertex('us-central1'), apiVersion: 'v1beta1' }, { publisher: 'google', model: 'gemini-2.5-pro' }, false)).toBe(
      'http://127.0.0.1:8080/v1beta1/projects/my-project/locations/us-central1/publishers/google/models/gemini-2.5-pro:generateContent',
    );
  });
});
