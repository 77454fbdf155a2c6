import type { HttpResponse } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import { mapOllamaError } from './map-ollama-error.js';

function answer(status: number, body: unknown): HttpResponse {
  const bytes = new TextEncoder().encode(JSON.stringify(body));
  return {
    status,
    headers: { 'content-type': 'application/json' },
    body: (async function* () {
      yield bytes;
    })(),
    text: async () => new TextDecoder().decode(bytes),
    bytes: async () => bytes,
    json: async () => body,
    dispose: () => {},
  };
}

describe('mapOllamaError', () => {
  it('reads { error: text } with the kind from the status, a missing model coded model_not_found', async () => {
    expect(await mapOllamaError(answer(404, { error: "model 'llama9' not found" }))).toMatchObject({ kind: 'not_found', status: 404, code: 'model_not_found', message: "model 'llama9' not found", provider: 'ollama' });
    expect(await mapOllamaError(answer(400, { error: 'invalid think value: "extreme"' }))).toMatchObject({ kind: 'invalid_request', status: 400 });
    expect(await mapOllamaError(answer(401, { error: 'unauthorized' }))).toMatchObject({ kind: 'authentication', status: 401 });
    expect(await mapOllamaError(answer(500, { error: 'the model failed to generate a response' }))).toMatchObject({ kind: 'upstream', status: 500, retryable: true });
  });

  it('reads the OpenAI-compatible endpoint’s errors too', async () => {
    expect(await mapOllamaError(answer(404, { error: { message: "model 'x' not found", type: 'not_found_error' } }))).toMatchObject({ kind: 'not_found', message: "model 'x' not found" });
  });
});
