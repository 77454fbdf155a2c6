import { describe, expect, it } from 'vitest';
import { decodeOpenAIResponsesReasoning, encryptedContentFor } from './map-openai-responses-reasoning.js';
import { encodeReasoningEnvelope } from './openai-responses-reasoning-envelope.js';

describe('reasoning items ↔ reasoning parts', () => {
  it('joins summaries with a blank line and keeps OpenAI encrypted content as redacted data', () => {
    const { part, malformedEnvelope } = decodeOpenAIResponsesReasoning({
      summary: [{ text: '**One**' }, { text: '**Two**' }],
      encrypted_content: 'gAAAAABx',
    });
    expect(part).toEqual({ type: 'reasoning', text: '**One**\n\n**Two**', redactedData: 'gAAAAABx', provider: 'openai' });
    expect(malformedEnvelope).toBe(false);
  });

  it('falls back to raw reasoning_text content, and names no provider when nothing is encrypted', () => {
    expect(decodeOpenAIResponsesReasoning({ summary: [], content: [{ text: 'raw' }] }).part).toEqual({ type: 'reasoning', text: 'raw' });
  });

  it('restores another provider’s signature from an envelope, preferring the signed text', () => {
    const envelope = encodeReasoningEnvelope({ provider: 'anthropic', text: 'exact text', signature: 'sig' })!;
    expect(decodeOpenAIResponsesReasoning({ summary: [{ text: 'edited by the client' }], encrypted_content: envelope }).part).toEqual({
      type: 'reasoning',
      text: 'exact text',
      signature: 'sig',
      provider: 'anthropic',
    });
  });

  it('flags an envelope that does not decode', () => {
    expect(decodeOpenAIResponsesReasoning({ summary: [], encrypted_content: 'swy1:???' }).malformedEnvelope).toBe(true);
  });

  it('sends OpenAI’s value back verbatim and wraps anything else', () => {
    expect(encryptedContentFor({ provider: 'openai', text: 'x', redactedData: 'gAAAA' })).toBe('gAAAA');
    expect(encryptedContentFor({ provider: 'anthropic', text: 'x', signature: 's' })).toMatch(/^swy1:/);
    expect(encryptedContentFor({ text: 'x' })).toBeUndefined();
  });
});
