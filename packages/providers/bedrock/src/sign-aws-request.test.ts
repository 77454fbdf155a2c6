import { createHash, createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalPath, createCanonicalRequest, deriveSigningKey, formatAmzDate, signAwsRequest } from './sign-aws-request.js';

// The credentials of AWS's published Signature Version 4 test suite.
const suiteCredentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' };
const emptyHash = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

function signCanonical(text: string, signedDate: string, region: string, service: string, secret: string): string {
  const scope = `${signedDate.slice(0, 8)}/${region}/${service}/aws4_request`;
  const stringToSign = ['AWS4-HMAC-SHA256', signedDate, scope, createHash('sha256').update(text).digest('hex')].join('\n');
  return createHmac('sha256', deriveSigningKey(secret, signedDate.slice(0, 8), region, service)).update(stringToSign).digest('hex');
}

describe('Signature Version 4 building blocks against AWS published vectors', () => {
  it('get-vanilla (the AWS test suite)', () => {
    const canonical = createCanonicalRequest({
      method: 'GET',
      path: '/',
      query: '',
      headers: { Host: 'example.amazonaws.com', 'X-Amz-Date': '20150830T123600Z' },
      payloadHash: emptyHash,
    });
    expect(canonical.text).toBe(
      ['GET', '/', '', 'host:example.amazonaws.com\nx-amz-date:20150830T123600Z\n', 'host;x-amz-date', emptyHash].join('\n'),
    );
    expect(signCanonical(canonical.text, '20150830T123600Z', 'us-east-1', 'service', suiteCredentials.secretAccessKey)).toBe(
      '5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31',
    );
  });

  it('get-vanilla-query-order-key-case (the AWS test suite): the query is sorted', () => {
    const canonical = createCanonicalRequest({
      method: 'GET',
      path: '/',
      query: 'Param2=value2&Param1=value1',
      headers: { host: 'example.amazonaws.com', 'x-amz-date': '20150830T123600Z' },
      payloadHash: emptyHash,
    });
    expect(canonical.text.split('\n')[2]).toBe('Param1=value1&Param2=value2');
    expect(signCanonical(canonical.text, '20150830T123600Z', 'us-east-1', 'service', suiteCredentials.secretAccessKey)).toBe(
      'b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500',
    );
  });

  it('the S3 GET Object example of the AWS docs (with x-amz-content-sha256 signed)', () => {
    const canonical = createCanonicalRequest({
      method: 'GET',
      path: '/test.txt',
      query: '',
      headers: {
        host: 'examplebucket.s3.amazonaws.com',
        range: 'bytes=0-9',
        'x-amz-content-sha256': emptyHash,
        'x-amz-date': '20130524T000000Z',
      },
      payloadHash: emptyHash,
    });
    expect(canonical.signedHeaders).toBe('host;range;x-amz-content-sha256;x-amz-date');
    expect(createHash('sha256').update(canonical.text).digest('hex')).toBe('7344ae5b7ee6c3e7e6b0fe0640412a37625d1fbfff95c48bbb2dc43964946972');
    expect(signCanonical(canonical.text, '20130524T000000Z', 'us-east-1', 's3', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY')).toBe(
      'f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41',
    );
  });
});

describe('canonicalPath', () => {
  it('encodes the already-encoded wire path once more, as every AWS service but S3 requires', () => {
    expect(canonicalPath('/model/anthropic.claude-3-5-sonnet-20240620-v1%3A0/converse')).toBe(
      '/model/anthropic.claude-3-5-sonnet-20240620-v1%253A0/converse',
    );
    // An inference-profile ARN: its slash travels as %2F and is signed as %252F.
    expect(canonicalPath('/model/arn%3Aaws%3Abedrock%3Aus-east-1%3A123%3Ainference-profile%2Fus.x/converse-stream')).toBe(
      '/model/arn%253Aaws%253Abedrock%253Aus-east-1%253A123%253Ainference-profile%252Fus.x/converse-stream',
    );
  });

  it('normalises dot and empty segments and keeps a trailing slash', () => {
    expect(canonicalPath('/')).toBe('/');
    expect(canonicalPath('//a/./b/../c/')).toBe('/a/c/');
    expect(canonicalPath('/a b/')).toBe('/a%20b/');
  });
});

describe('signAwsRequest', () => {
  const request = {
    method: 'POST',
    url: 'https://bedrock-runtime.us-east-1.amazonaws.com/model/anthropic.claude-3-haiku-20240307-v1%3A0/converse',
    body: '{"messages":[{"role":"user","content":[{"text":"hi"}]}]}',
    credentials: suiteCredentials,
    region: 'us-east-1',
    service: 'bedrock',
    date: new Date('2025-06-26T12:00:00.000Z'),
  };

  it('signs host, x-amz-date and x-amz-content-sha256 over the double-encoded path', () => {
    const signed = signAwsRequest(request);
    const payloadHash = createHash('sha256').update(request.body).digest('hex');
    expect(signed['x-amz-date']).toBe('20250626T120000Z');
    expect(signed['x-amz-content-sha256']).toBe(payloadHash);
    expect(signed['x-amz-security-token']).toBeUndefined();

    const expectedCanonical = [
      'POST',
      '/model/anthropic.claude-3-haiku-20240307-v1%253A0/converse',
      '',
      `host:bedrock-runtime.us-east-1.amazonaws.com\nx-amz-content-sha256:${payloadHash}\nx-amz-date:20250626T120000Z\n`,
      'host;x-amz-content-sha256;x-amz-date',
      payloadHash,
    ].join('\n');
    const signature = signCanonical(expectedCanonical, '20250626T120000Z', 'us-east-1', 'bedrock', suiteCredentials.secretAccessKey);
    expect(signed.authorization).toBe(
      `AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20250626/us-east-1/bedrock/aws4_request, SignedHeaders=host;x-amz-content-sha256;x-amz-date, Signature=${signature}`,
    );
  });

  it('signs the session token of temporary credentials', () => {
    const signed = signAwsRequest({ ...request, credentials: { ...suiteCredentials, sessionToken: 'token/with+chars==' } });
    expect(signed['x-amz-security-token']).toBe('token/with+chars==');
    expect(signed.authorization).toContain('SignedHeaders=host;x-amz-content-sha256;x-amz-date;x-amz-security-token,');
  });

  it('signs the port of a non-default host (a loopback mock)', () => {
    const local = signAwsRequest({ ...request, url: 'http://127.0.0.1:4010/model/m/converse' });
    const remote = signAwsRequest({ ...request, url: 'http://127.0.0.1:4011/model/m/converse' });
    expect(local.authorization).not.toBe(remote.authorization);
  });

  it('changes with the body, the secret and the time', () => {
    const base = signAwsRequest(request).authorization;
    expect(signAwsRequest({ ...request, body: `${request.body} ` }).authorization).not.toBe(base);
    expect(signAwsRequest({ ...request, credentials: { ...suiteCredentials, secretAccessKey: 'other' } }).authorization).not.toBe(base);
    expect(signAwsRequest({ ...request, date: new Date('2025-06-26T12:00:01.000Z') }).authorization).not.toBe(base);
  });
});

describe('formatAmzDate', () => {
  it('formats ISO 8601 basic, UTC, without milliseconds', () => {
    expect(formatAmzDate(new Date('2015-08-30T12:36:00.123Z'))).toBe('20150830T123600Z');
  });
});
