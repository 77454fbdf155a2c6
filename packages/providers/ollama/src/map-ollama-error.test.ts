import { cannedHttpResponse } from '@switchyard/testkit';
import { describe, expect, it } from 'vitest';
import { mapOllamaError } from './map-ollama-error.js';

describe('mapOllamaError', () => {
  it('reads { error: text } with the kind from the status, a missing model coded model_not_found', async () => {
    expect(await mapOllamaError(cannedHttpResponse(404, { error: "model 'llama9' not found" }))).toMatchObject({ kind: 'not_found', status: 404, code: 'model_not_found', message: "model 'llama9' not found", provider: 'ollama' });
    expect(await mapOllamaError(cannedHttpResponse(400, { error: 'invalid think value: "extreme"' }))).toMatchObject({ kind: 'invalid_request', status: 400 });
    expect(await mapOllamaError(cannedHttpResponse(401, { error: 'unauthorized' }))).toMatchObject({ kind: 'authentication', status: 401 });
    expect(await mapOllamaError(cannedHttpResponse(500, { error: 'the model failed to generate a response' }))).toMatchObject({ kind: 'upstream', status: 500, retryable: true });
  });

  it('reads the OpenAI-compatible endpoint’s errors too', async () => {
    expect(await mapOllamaError(cannedHttpResponse(404, { error: { message: "model 'x' not found", type: 'not_found_error' } }))).toMatchObject({ kind: 'not_found', message: "model 'x' not found" });
  });
});
