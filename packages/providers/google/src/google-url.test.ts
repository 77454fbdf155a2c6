import { describe, expect, it } from 'vitest';
import { googleGenerateContentURL } from './google-url.js';

describe('googleGenerateContentURL', () => {
  it('appends the versioned endpoint to the bare host', () => {
    expect(googleGenerateContentURL({}, 'gemini-2.5-flash', false)).toBe(
      'https://generativelanguage.googleapis.com/v1beta/models/gemini-2.5-flash:generateContent',
    );
    expect(googleGenerateContentURL({}, 'gemini-2.5-flash', true)).toBe(
      'https://generativelanguage.googleapis.com/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse',
    );
  });

  it('takes a custom host as the base, a models/ or tunedModels/ prefix, and an API version option', () => {
    expect(googleGenerateContentURL({ baseURL: 'http://127.0.0.1:8080/' }, 'models/gemini-2.5-pro', false)).toBe(
      'http://127.0.0.1:8080/v1beta/models/gemini-2.5-pro:generateContent',
    );
    expect(googleGenerateContentURL({ options: { apiVersion: 'v1' } }, 'tunedModels/my-model', true)).toBe(
      'https://generativelanguage.googleapis.com/v1/tunedModels/my-model:streamGenerateContent?alt=sse',
    );
    expect(googleGenerateContentURL({}, 'odd/../name', false)).toBe(
      'https://generativelanguage.googleapis.com/v1beta/models/odd%2F..%2Fname:generateContent',
    );
  });
});
