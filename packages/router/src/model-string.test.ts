import { describe, expect, it } from 'vitest';
import { parseModelString } from './model-string.js';

describe('parseModelString', () => {
  it('splits @slug/model into the catalog entry and the upstream model', () => {
    expect(parseModelString('@anthropic-prod/claude-sonnet-4-5')).toEqual({ providerSlug: 'anthropic-prod', model: 'claude-sonnet-4-5' });
  });
  it('keeps slashes after the first one in the model (Bedrock ids, fine-tunes)', () => {
    expect(parseModelString('@groq/meta-llama/llama-4')).toEqual({ providerSlug: 'groq', model: 'meta-llama/llama-4' });
  });
  it('leaves plain and malformed strings as the model', () => {
    expect(parseModelString('gpt-4o')).toEqual({ model: 'gpt-4o' });
    expect(parseModelString('@/x')).toEqual({ model: '@/x' });
    expect(parseModelString('@openai/')).toEqual({ model: '@openai/' });
  });
});
