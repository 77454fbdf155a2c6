import { isIPv6 } from 'node:net';
import { passesIbanChecksum } from './iban-checksum.js';
import { passesLuhn } from './luhn.js';

export const piiCategories = ['email', 'phone', 'creditCard', 'iban', 'ipAddress', 'secret'] as const;
export type PiiCategory = (typeof piiCategories)[number];

export interface PiiFinding {
  category: PiiCategory;
  start: number;
  end: number;
}

interface Detector {
  category: PiiCategory;
  pattern: RegExp;
  valid?(match: string): boolean;
}

// Order matters: earlier detectors claim their spans first (a card number is not also a phone number).
const detectors: Detector[] = [
  {
    category: 'secret',
    pattern: /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?-----END [A-Z ]*PRIVATE KEY-----|\b(?:sk-(?:ant-|proj-)?[A-Za-z0-9_-]{20,}|AKIA[0-9A-Z]{16}|ASIA[0-9A-Z]{16}|gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{40,}|xox[abposr]-[A-Za-z0-9-]{10,}|AIza[0-9A-Za-z_-]{35}|sk_live_[0-9A-Za-z]{20,}|eyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,})/g,
  },
  { category: 'creditCard', pattern: /\b\d(?:[ -]?\d){12,18}\b/g, valid: (match) => passesLuhn(match.replace(/\D/g, '')) },
  { category: 'iban', pattern: /\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]){11,30}\b/g, valid: passesIbanChecksum },
  { category: 'email', pattern: /\b[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}\b/g },
  {
    category: 'ipAddress',
    pattern: /\b(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\b|(?<![\w:])(?:[0-9A-Fa-f]{0,4}:){2,7}[0-9A-Fa-f]{0,4}(?![\w:])/g,
    valid: (match) => !match.includes(':') || isIPv6(match),
  },
  // International (+CC …) or national numbers with 7–15 digits in groups; bare long digit runs are left alone.
  { category: 'phone', pattern: /(?<![\w+])(?:\+\d{1,3}[ .-]?)?(?:\(\d{1,4}\)[ .-]?)?\d{2,4}(?:[ .-]\d{2,4}){1,4}\b|(?<![\w+])\+\d{7,15}\b/g, valid: (match) => { const digits = match.replace(/\D/g, '').length; return digits >= 7 && digits <= 15; } },
];

/** Finds PII of the given categories in a text: non-overlapping spans, in order. */
export function detectPii(text: string, categories: readonly PiiCategory[] = piiCategories): PiiFinding[] {
  const findings: PiiFinding[] = [];
  const overlaps = (start: number, end: number) => findings.some((finding) => start < finding.end && finding.start < end);
  for (const detector of detectors) {
    if (!categories.includes(detector.category)) continue;
    for (const match of text.matchAll(detector.pattern)) {
      const start = match.index!;
      const end = start + match[0].length;
      if (overlaps(start, end) || (detector.valid && !detector.valid(match[0]))) continue;
      findings.push({ category: detector.category, start, end });
    }
  }
  return findings.sort((a, b) => a.start - b.start);
}

/** The text with each finding replaced by `[EMAIL]`, `[CREDIT_CARD]`, …. */
export function redactPii(text: string, findings: readonly PiiFinding[]): string {
  let redacted = '';
  let cursor = 0;
  for (const finding of findings) {
    redacted += `${text.slice(cursor, finding.start)}[${finding.category.replace(/[A-Z]/g, (letter) => `_${letter}`).toUpperCase()}]`;
    cursor = finding.end;
  }
  return redacted + text.slice(cursor);
}
