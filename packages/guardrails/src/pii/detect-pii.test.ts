import { describe, expect, it } from 'vitest';
import { runCheck } from '../checks/run-check.test-support.js';
import { detectPii, redactPii } from './detect-pii.js';
import { passesIbanChecksum } from './iban-checksum.js';
import { passesLuhn } from './luhn.js';
import { piiCheck } from './pii-check.js';

const categoriesIn = (text: string) => detectPii(text).map((finding) => finding.category);

describe('checksums', () => {
  it('Luhn accepts real test card numbers and rejects a changed digit', () => {
    expect(passesLuhn('4111111111111111')).toBe(true);
    expect(passesLuhn('5500005555555559')).toBe(true);
    expect(passesLuhn('4111111111111112')).toBe(false);
  });
  it('IBAN mod-97 accepts valid IBANs (with spaces) and rejects a changed digit', () => {
    expect(passesIbanChecksum('GB82 WEST 1234 5698 7654 32')).toBe(true);
    expect(passesIbanChecksum('DE89370400440532013000')).toBe(true);
    expect(passesIbanChecksum('DE89370400440532013001')).toBe(false);
  });
});

describe('detectPii', () => {
  it('finds each category', () => {
    expect(categoriesIn('mail ada@example.co.uk now')).toEqual(['email']);
    expect(categoriesIn('call +44 20 7946 0958 today')).toEqual(['phone']);
    expect(categoriesIn('or (555) 123-4567')).toEqual(['phone']);
    expect(categoriesIn('card 4111 1111 1111 1111 ok')).toEqual(['creditCard']);
    expect(categoriesIn('iban GB82 WEST 1234 5698 7654 32')).toEqual(['iban']);
    expect(categoriesIn('host 192.168.1.20 and 2001:db8::8a2e:370:7334')).toEqual(['ipAddress', 'ipAddress']);
    expect(categoriesIn('key sk-proj-abcdefghijklmnopqrstuvwx1234')).toEqual(['secret']);
    expect(categoriesIn('aws AKIAIOSFODNN7EXAMPLE')).toEqual(['secret']);
  });
  it('leaves look-alikes alone: a card number failing Luhn, an IBAN failing mod-97, a version, a year', () => {
    expect(categoriesIn('order 4111 1111 1111 1112')).not.toContain('creditCard');
    expect(categoriesIn('DE89370400440532013001')).not.toContain('iban');
    expect(categoriesIn('version 1.2.3 from 2024')).toEqual([]);
    expect(categoriesIn('a time like 10:30')).toEqual([]);
  });
  it('redacts with category placeholders', () => {
    const text = 'Write to ada@example.com, card 4111-1111-1111-1111.';
    expect(redactPii(text, detectPii(text))).toBe('Write to [EMAIL], card [CREDIT_CARD].');
  });
});

describe('pii check', () => {
  it('passes clean text', async () => {
    expect((await runCheck(piiCheck, {}, 'nothing personal')).verdict).toBe('pass');
  });
  it('fails (blocks) by default, logging categories and counts but not the values', async () => {
    const result = await runCheck(piiCheck, {}, 'ada@example.com and bob@example.com');
    expect(result.verdict).toBe('fail');
    expect(result.redacted).toBeUndefined();
    expect(result.data).toEqual({ found: { email: 2 } });
    expect(JSON.stringify(result)).not.toContain('ada@example.com');
  });
  it('redacts each text part with redact: true, only the categories asked for', async () => {
    const result = await runCheck(piiCheck, { redact: true, categories: ['email'] }, ['ada@example.com', 'from 10.0.0.1']);
    expect(result.redacted).toEqual(['[EMAIL]', 'from 10.0.0.1']);
  });
});
