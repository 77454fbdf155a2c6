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
