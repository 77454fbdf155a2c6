import type { ChatRequest, Warning } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import { readGoogleProviderOptions } from './google-provider-options.js';

const request = (providerOptions: ChatRequest['providerOptions']): ChatRequest => ({ model: 'm', messages: [], stream: false, providerOptions });

describe('readGoogleProviderOptions', () => {
  it('splits the known keys from the body fields', () => {
    const warnings: Warning[] = [];
    const options = readGoogleProviderOptions(
      request({ google: { schemaMode: 'openapi', tools: [{ googleSearch: {} }, 'junk'], thinkingConfig: { thinkingLevel: 'high' }, cachedContent: 'cachedContents/1' } }),
      'google',
      warnings,
    );
    expect(options).toEqual({
      schemaMode: 'openapi',
      tools: [{ googleSearch: {} }],
      thinkingConfig: { thinkingLevel: 'high' },
      body: { cachedContent: 'cachedContents/1' },
    });
    expect(warnings).toEqual([]);
  });

  it('reads the key it is given, and warns about an unknown schema mode', () => {
    const warnings: Warning[] = [];
    const options = readGoogleProviderOptions(request({ vertex: { schemaMode: 'yaml' }, google: { cachedContent: 'x' } }), 'vertex', warnings);
    expect(options).toEqual({ schemaMode: 'json-schema', body: {} });
    expect(warnings).toEqual([expect.objectContaining({ field: 'providerOptions.vertex.schemaMode' })]);
  });
});
