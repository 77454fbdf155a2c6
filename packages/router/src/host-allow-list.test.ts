import { describe, expect, it } from 'vitest';
import { createHostAllowList } from './host-allow-list.js';

describe('createHostAllowList', () => {
  const empty = createHostAllowList();
  it('trusts loopback in every spelling', () => {
    for (const url of ['http://127.0.0.1:11434/v1', 'http://localhost:8080', 'http://[::1]:9000/v1', 'https://127.8.9.10/']) {
      expect(empty.isAllowed(url), url).toBe(true);
    }
  });
  it('refuses private, metadata and public hosts unless listed', () => {
    for (const url of ['http://169.254.169.254/latest', 'http://10.0.0.5:11434', 'https://evil.example.com/v1', 'http://0.0.0.0:80']) {
      expect(empty.isAllowed(url), url).toBe(false);
    }
  });
  it('refuses non-http schemes, credentials in the URL and garbage', () => {
    expect(empty.isAllowed('file:///etc/passwd')).toBe(false);
    expect(empty.isAllowed('http://user:pass@127.0.0.1/')).toBe(false);
    expect(empty.isAllowed('not a url')).toBe(false);
  });
  it('honours hosts, host:port and wildcard entries from the operator', () => {
    const list = createHostAllowList(['models.internal', '10.0.0.5:11434', '*.corp.example']);
    expect(list.isAllowed('https://models.internal/v1')).toBe(true);
    expect(list.isAllowed('http://10.0.0.5:11434/v1')).toBe(true);
    expect(list.isAllowed('http://10.0.0.5:22/')).toBe(false);
    expect(list.isAllowed('https://llm.corp.example/v1')).toBe(true);
    expect(list.isAllowed('https://corp.example.evil.com/v1')).toBe(false);
  });
  it('opens everything only with "*"', () => {
    expect(createHostAllowList(['*']).isAllowed('https://api.example.com')).toBe(true);
  });
});

describe('createHostAllowList: odd spellings and resolved addresses', () => {
  const empty = createHostAllowList();
  it('normalises odd loopback spellings before the check (and still trusts them)', () => {
    for (const url of ['http://127.1:8080/', 'http://0x7f000001/', 'http://2130706433/', 'http://[::ffff:127.0.0.1]/', 'http://localhost./', 'http://[0:0:0:0:0:0:0:1]/']) {
      expect(empty.isAllowed(url), url).toBe(true);
    }
  });
  it('refuses odd spellings of metadata and private addresses', () => {
    for (const url of ['http://0xa9fea9fe/', 'http://169.254.169.254./', 'http://[::ffff:169.254.169.254]/', 'http://[::ffff:a9fe:a9fe]/', 'http://012.0.0.1/', 'http://[fd00:ec2::254]/', 'http://0/']) {
      expect(empty.isAllowed(url), url).toBe(false);
    }
  });
  it('matches listed hosts with a trailing dot and IP ranges', () => {
    const list = createHostAllowList(['Models.Internal.', '10.0.0.0/8', 'fd12::/16']);
    expect(list.isAllowed('https://models.internal./v1')).toBe(true);
    expect(list.isAllowed('http://10.200.3.4:11434/')).toBe(true);
    expect(list.isAllowed('http://[fd12:3::4]/')).toBe(true);
    expect(list.isAllowed('http://11.0.0.1/')).toBe(false);
  });
  it('refuses an allowed name that resolves to a private, metadata or loopback address', () => {
    const list = createHostAllowList(['*.example.com', 'api.partner.com']);
    expect(list.mayConnect('llm.example.com', '93.184.216.34')).toBe(true);
    expect(list.mayConnect('llm.example.com', '169.254.169.254')).toBe(false);
    expect(list.mayConnect('llm.example.com', '10.0.0.8')).toBe(false);
    expect(list.mayConnect('llm.example.com', '127.0.0.1')).toBe(false);
    expect(list.mayConnect('llm.example.com', '::ffff:10.0.0.8')).toBe(false);
    expect(list.mayConnect('api.partner.com', '8.8.4.4')).toBe(true);
  });
  it('lets a host the operator named exactly, or a listed range, resolve to an internal address', () => {
    const list = createHostAllowList(['models.internal', '192.168.0.0/16']);
    expect(list.mayConnect('models.internal', '10.0.0.5')).toBe(true);
    expect(list.mayConnect('gpu.lan', '192.168.1.20')).toBe(true);
    expect(list.mayConnect('localhost', '127.0.0.1')).toBe(true);
    expect(list.mayConnect('localhost', '::1')).toBe(true);
  });
  it('refuses a malformed entry at construction with a message naming it', () => {
    expect(() => createHostAllowList(['10.0.0.0/99'])).toThrow(/10\.0\.0\.0\/99/);
  });
});
