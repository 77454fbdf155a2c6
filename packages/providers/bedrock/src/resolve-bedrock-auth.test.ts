import type { ProviderCallContext, ProviderSettings } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import { bedrockBaseURL, bedrockConverseURL } from './bedrock-url.js';
import { resolveBedrockAuth } from './resolve-bedrock-auth.js';

function context(settings: ProviderSettings, requestHeaders: Record<string, string> = {}): ProviderCallContext {
  return { settings, requestHeaders, http: undefined as never, signal: new AbortController().signal, warn: () => {} };
}

const keys = { region: 'us-east-1', accessKeyId: 'AKIAENTRY', secretAccessKey: 'entry-secret' };

describe('resolveBedrockAuth', () => {
  it('signs with the entry keys and region', () => {
    expect(resolveBedrockAuth(context({ options: { ...keys, sessionToken: 'tok' } }))).toEqual({
      type: 'sigv4',
      region: 'us-east-1',
      credentials: { accessKeyId: 'AKIAENTRY', secretAccessKey: 'entry-secret', sessionToken: 'tok' },
    });
  });

  it('lets the request headers override keys and region, native over Portkey aliases', () => {
    const auth = resolveBedrockAuth(
      context({ options: keys }, {
        'x-switchyard-aws-access-key-id': 'AKIAHEADER',
        'x-portkey-aws-access-key-id': 'AKIAPORTKEY',
        'x-portkey-aws-secret-access-key': 'header-secret',
        'x-portkey-aws-session-token': 'header-token',
        'x-portkey-aws-region': 'eu-west-3',
      }),
    );
    expect(auth).toEqual({
      type: 'sigv4',
      region: 'eu-west-3',
      credentials: { accessKeyId: 'AKIAHEADER', secretAccessKey: 'header-secret', sessionToken: 'header-token' },
    });
  });

  it('uses a Bedrock API key as a bearer token', () => {
    expect(resolveBedrockAuth(context({ apiKey: 'ABSK-key', options: { region: 'us-west-2' } }))).toEqual({
      type: 'bearer',
      token: 'ABSK-key',
      region: 'us-west-2',
    });
  });

  it('takes the region from a bedrock-runtime base URL', () => {
    const auth = resolveBedrockAuth(context({ baseURL: 'https://bedrock-runtime.ap-northeast-1.amazonaws.com', options: { accessKeyId: 'a', secretAccessKey: 'b' } }));
    expect(auth).toMatchObject({ type: 'sigv4', region: 'ap-northeast-1' });
  });

  it('refuses a region that is not a region name (it becomes part of a host name)', () => {
    expect(() => resolveBedrockAuth(context({ options: keys }, { 'x-switchyard-aws-region': 'evil.example.com/#' }))).toThrow(
      expect.objectContaining({ kind: 'invalid_request', param: 'x-switchyard-aws-region' }),
    );
  });

  it('explains missing credentials, a missing region and half a key pair', () => {
    expect(() => resolveBedrockAuth(context({ options: { region: 'us-east-1' } }))).toThrow(expect.objectContaining({ kind: 'authentication' }));
    expect(() => resolveBedrockAuth(context({ options: { accessKeyId: 'a', secretAccessKey: 'b' } }))).toThrow(/needs an AWS region/);
    expect(() => resolveBedrockAuth(context({ options: keys }, { 'x-switchyard-aws-access-key-id': 'only-id' }))).toThrow(
      expect.objectContaining({ param: 'x-switchyard-aws-secret-access-key' }),
    );
  });
});

describe('bedrock URLs', () => {
  it('builds the regional endpoint, the China one, and honours a base URL', () => {
    expect(bedrockBaseURL({}, { type: 'bearer', token: 't', region: 'us-east-1' })).toBe('https://bedrock-runtime.us-east-1.amazonaws.com');
    expect(bedrockBaseURL({}, { type: 'bearer', token: 't', region: 'cn-north-1' })).toBe('https://bedrock-runtime.cn-north-1.amazonaws.com.cn');
    expect(bedrockBaseURL({ baseURL: 'http://127.0.0.1:9000/' }, { type: 'bearer', token: 't' })).toBe('http://127.0.0.1:9000');
    expect(() => bedrockBaseURL({}, { type: 'bearer', token: 't' })).toThrow(/region/);
  });

  it('encodes the model id as one path segment, as the AWS SDKs do', () => {
    expect(bedrockConverseURL('https://h', 'anthropic.claude-3-5-sonnet-20240620-v1:0', false)).toBe(
      'https://h/model/anthropic.claude-3-5-sonnet-20240620-v1%3A0/converse',
    );
    expect(bedrockConverseURL('https://h', 'arn:aws:bedrock:us-east-1:123:inference-profile/us.x', true)).toBe(
      'https://h/model/arn%3Aaws%3Abedrock%3Aus-east-1%3A123%3Ainference-profile%2Fus.x/converse-stream',
    );
  });
});
