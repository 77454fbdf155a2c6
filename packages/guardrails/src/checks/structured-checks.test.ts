import { describe, expect, it } from 'vitest';
import { jsonKeysCheck } from './json-keys.js';
import { jsonSchemaCheck } from './json-schema.js';
import { modelWhitelistCheck } from './model-whitelist.js';
import { requiredMetadataKeysCheck } from './required-metadata-keys.js';
import { runCheck } from './run-check.test-support.js';
import { validUrlsCheck } from './valid-urls.js';

const schema = { type: 'object', properties: { name: { type: 'string' }, age: { type: 'integer', minimum: 0 } }, required: ['name', 'age'] };

describe('jsonSchema', () => {
  it('passes JSON that satisfies the schema, also inside a code fence', async () => {
    expect((await runCheck(jsonSchemaCheck, { schema }, '{"name":"Ada","age":36}')).verdict).toBe('pass');
    expect((await runCheck(jsonSchemaCheck, { schema }, 'Sure:\n```json\n{"name":"Ada","age":36}\n```')).verdict).toBe('pass');
  });
  it('fails JSON that does not, naming the field, and text without JSON', async () => {
    const wrong = await runCheck(jsonSchemaCheck, { schema }, '{"name":"Ada","age":-1}');
    expect(wrong.verdict).toBe('fail');
    expect(wrong.explanation).toContain('age');
    expect((await runCheck(jsonSchemaCheck, { schema }, 'no json here')).verdict).toBe('fail');
  });
});

describe('jsonKeys', () => {
  it('any / all / none of the keys', async () => {
    expect((await runCheck(jsonKeysCheck, { keys: ['a', 'b'], operator: 'all' }, '{"a":1,"b":2}')).verdict).toBe('pass');
    expect((await runCheck(jsonKeysCheck, { keys: ['a', 'b'], operator: 'all' }, '{"a":1}')).verdict).toBe('fail');
    expect((await runCheck(jsonKeysCheck, { keys: ['a', 'z'], operator: 'any' }, '{"a":1}')).verdict).toBe('pass');
    expect((await runCheck(jsonKeysCheck, { keys: ['password'], operator: 'none' }, '{"password":"x"}')).verdict).toBe('fail');
  });
});

describe('validUrls', () => {
  it('passes well-formed URLs, fails malformed ones', async () => {
    expect((await runCheck(validUrlsCheck, {}, 'See https://example.com/docs?a=1 and http://localhost:8080.')).verdict).toBe('pass');
    const bad = await runCheck(validUrlsCheck, {}, 'See https://exa mple and http://bad_host!/x');
    expect(bad.verdict).toBe('fail');
    expect(bad.explanation).toContain('http://bad_host!/x');
  });
  it('with onlyDNS, fails a host that does not resolve', async () => {
    expect((await runCheck(validUrlsCheck, { onlyDNS: true }, 'http://localhost/')).verdict).toBe('pass');
    expect((await runCheck(validUrlsCheck, { onlyDNS: true }, 'http://no-such-host.invalid/')).verdict).toBe('fail');
  });
});

describe('modelWhitelist', () => {
  it('allows listed models and prefixes, with or without the provider slug', async () => {
    expect((await runCheck(modelWhitelistCheck, { models: ['gpt-4o-mini'] }, '', { phase: 'input', model: '@openai/gpt-4o-mini' })).verdict).toBe('pass');
    expect((await runCheck(modelWhitelistCheck, { models: ['claude-*'] }, '', { phase: 'input', model: 'claude-sonnet-4' })).verdict).toBe('pass');
    expect((await runCheck(modelWhitelistCheck, { models: ['gpt-4o-mini'] }, '', { phase: 'input', model: 'gpt-4o' })).verdict).toBe('fail');
  });
});

describe('requiredMetadataKeys', () => {
  it('all by default; any and none', async () => {
    const run = (parameters: unknown, metadata: Record<string, string>) => runCheck(requiredMetadataKeysCheck, parameters, '', { phase: 'input', metadata });
    expect((await run({ metadataKeys: ['team', 'user'] }, { team: 'a', user: 'b' })).verdict).toBe('pass');
    const missing = await run({ metadataKeys: ['team', 'user'] }, { team: 'a' });
    expect(missing.verdict).toBe('fail');
    expect(missing.explanation).toContain('user');
    expect((await run({ metadataKeys: ['team', 'user'], operator: 'any' }, { user: 'b' })).verdict).toBe('pass');
    expect((await run({ metadataKeys: ['debug'], operator: 'none' }, { debug: '1' })).verdict).toBe('fail');
  });
});
