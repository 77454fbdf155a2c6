import { describe, expect, it } from 'vitest';
import { createBodyRedactor } from './redact-body.js';

describe('body redaction', () => {
  it('removes known provider key shapes, gateway keys and bearer tokens', () => {
    const redact = createBodyRedactor();
    const body = JSON.stringify({
      openai: 'sk-proj-abcdefghijklmnopqrstuvwxyz012345',
      anthropic: 'sk-ant-api03-abcdefghijklmnopqrstuvwxyz',
      google: 'AIzaSyA1234567890abcdefghijklmnopqrstu',
      aws: 'AKIAABCDEFGHIJKLMNOP',
      gateway: `sy-${'a'.repeat(43)}`,
      header: 'Authorization: Bearer abcdefghijklmnopqrstuvwxyz',
    });
    const redacted = redact(body);
    expect(redacted).not.toMatch(/abcdefghijklmnop|AKIAABCD|aaaaaaaaaa/);
    expect(redacted).toContain('Bearer [REDACTED]');
    expect(JSON.parse(redacted)).toMatchObject({ openai: '[REDACTED]', anthropic: '[REDACTED]', aws: '[REDACTED]' });
  });

  it('removes the exact secrets it was given and the operator patterns', () => {
    const redact = createBodyRedactor({ secrets: ['plain-secret-value'], patterns: ['\\b\\d{3}-\\d{2}-\\d{4}\\b', /card:\s*\d+/i] });
    expect(redact('my key is plain-secret-value, ssn 123-45-6789, Card: 4111111111111111')).toBe('my key is [REDACTED], ssn [REDACTED], [REDACTED]');
  });

  it('leaves ordinary text alone', () => {
    expect(createBodyRedactor()('{"messages":[{"role":"user","content":"skip the sky"}]}')).toBe('{"messages":[{"role":"user","content":"skip the sky"}]}');
  });
});
