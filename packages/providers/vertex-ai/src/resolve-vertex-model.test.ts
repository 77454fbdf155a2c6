import { GatewayError } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import { resolveVertexModel } from './resolve-vertex-model.js';

describe('resolveVertexModel', () => {
  it('sends claude-* to Anthropic and everything else to Google', () => {
    expect(resolveVertexModel('claude-sonnet-4-5@20250929')).toEqual({ publisher: 'anthropic', model: 'claude-sonnet-4-5@20250929' });
    expect(resolveVertexModel('gemini-2.5-flash')).toEqual({ publisher: 'google', model: 'gemini-2.5-flash' });
  });

  it('takes an explicit publisher/ prefix and Portkey\'s publisher. prefix', () => {
    expect(resolveVertexModel('anthropic/claude-opus-4-1')).toEqual({ publisher: 'anthropic', model: 'claude-opus-4-1' });
    expect(resolveVertexModel('google/gemini-2.5-pro')).toEqual({ publisher: 'google', model: 'gemini-2.5-pro' });
    expect(resolveVertexModel('anthropic.claude-3-5-sonnet@20240620')).toEqual({ publisher: 'anthropic', model: 'claude-3-5-sonnet@20240620' });
    // A dot inside a Gemini id is not a prefix.
    expect(resolveVertexModel('gemini-2.5-flash-lite')).toEqual({ publisher: 'google', model: 'gemini-2.5-flash-lite' });
  });

  it('refuses other publishers and ids that would walk the path', () => {
    const failure = (model: string) => {
      try {
        resolveVertexModel(model);
      } catch (error) {
        return GatewayError.isInstance(error) ? error.kind : 'not a gateway error';
      }
      return 'accepted';
    };
    expect(failure('meta/llama-4')).toBe('unsupported');
    expect(failure('mistralai.mistral-large')).toBe('unsupported');
    expect(failure('google/../../x')).toBe('invalid_request');
    expect(failure('gemini?alt=json')).toBe('invalid_request');
    expect(failure('anthropic/claude/extra')).toBe('invalid_request');
  });
});
