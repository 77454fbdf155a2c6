import { describe, expect, it } from 'vitest';
import { decodeReasoningEnvelope, encodeReasoningEnvelope, isReasoningEnvelope, reasoningEnvelopePrefix } from './openai-responses-reasoning-envelope.js';

describe('the reasoning envelope', () => {
  it('carries an Anthropic signature and the signed text through encrypted_content and back', () => {
    const encoded = encodeReasoningEnvelope({ provider: 'anthropic', text: 'Let me think.\n\nOK.', signature: 'EqQBCkgIBRABGAIiQL' });
    expect(encoded).toMatch(/^swy1:[A-Za-z0-9_-]+$/);
    expect(isReasoningEnvelope(encoded!)).toBe(true);
    expect(decodeReasoningEnvelope(encoded!)).toEqual({ provider: 'anthropic', text: 'Let me think.\n\nOK.', signature: 'EqQBCkgIBRABGAIiQL' });
  });

  it('carries redacted thinking without text', () => {
    const encoded = encodeReasoningEnvelope({ provider: 'anthropic', text: '', redactedData: 'EmwKAhgBEgy3va3pzix' });
    expect(decodeReasoningEnvelope(encoded!)).toEqual({ provider: 'anthropic', redactedData: 'EmwKAhgBEgy3va3pzix' });
  });

  it('is not written for reasoning that carries nothing a provider must get back', () => {
    expect(encodeReasoningEnvelope({ provider: 'deepseek', text: 'thinking' })).toBeUndefined();
  });

  it('never mistakes OpenAI encrypted content for an envelope', () => {
    expect(isReasoningEnvelope('gAAAAABoyXvxI6jwG5j6rvTGC7PD6JN5758K')).toBe(false);
    expect(decodeReasoningEnvelope('gAAAAABoyXvxI6jwG5j6rvTGC7PD6JN5758K')).toBeUndefined();
  });

  it('rejects a changed or malformed envelope', () => {
    expect(decodeReasoningEnvelope(`${reasoningEnvelopePrefix}not base64!`)).toBeUndefined();
    expect(decodeReasoningEnvelope(`${reasoningEnvelopePrefix}${Buffer.from('[1]').toString('base64url')}`)).toBeUndefined();
    expect(decodeReasoningEnvelope(`${reasoningEnvelopePrefix}${Buffer.from('{"signature":7}').toString('base64url')}`)).toBeUndefined();
    // Neither a signature nor redacted data: nothing to restore.
    expect(decodeReasoningEnvelope(`${reasoningEnvelopePrefix}${Buffer.from('{"text":"x"}').toString('base64url')}`)).toBeUndefined();
  });
});
