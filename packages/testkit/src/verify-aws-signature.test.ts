import { describe, expect, it } from 'vitest';
import { verifyAwsSignature } from './verify-aws-signature.js';

const suite = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY', region: 'us-east-1', service: 'service' };
const at = (iso: string) => () => new Date(iso);

// get-vanilla of AWS's Signature Version 4 test suite: a request signed by AWS's own reference.
const vanilla = {
  method: 'GET',
  path: '/',
  headers: {
    host: 'example.amazonaws.com',
    'x-amz-date': '20150830T123600Z',
    authorization:
      'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31',
  },
  body: '',
};

describe('verifyAwsSignature', () => {
  it('accepts the requests of AWS published examples', () => {
    expect(verifyAwsSignature(vanilla, { ...suite, now: at('2015-08-30T12:36:00Z') })).toEqual({ ok: true });

    const queryOrder = {
      ...vanilla,
      path: '/?Param2=value2&Param1=value1',
      headers: {
        ...vanilla.headers,
        authorization:
          'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature=b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500',
      },
    };
    expect(verifyAwsSignature(queryOrder, { ...suite, now: at('2015-08-30T12:36:00Z') })).toEqual({ ok: true });

    // The S3 GET Object example of the AWS docs (x-amz-content-sha256 and range signed).
    const s3 = {
      method: 'GET',
      path: '/test.txt',
      headers: {
        host: 'examplebucket.s3.amazonaws.com',
        range: 'bytes=0-9',
        'x-amz-content-sha256': 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
        'x-amz-date': '20130524T000000Z',
        authorization:
          'AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,SignedHeaders=host;range;x-amz-content-sha256;x-amz-date,Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41',
      },
      body: '',
    };
    const s3Keys = { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', region: 'us-east-1', service: 's3' };
    expect(verifyAwsSignature(s3, { ...s3Keys, now: at('2013-05-24T00:00:00Z') })).toEqual({ ok: true });
  });

  it('rejects a wrong secret with the AWS signature mismatch message', () => {
    const check = verifyAwsSignature(vanilla, { ...suite, secretAccessKey: 'not-the-secret', now: at('2015-08-30T12:36:00Z') });
    expect(check).toMatchObject({ ok: false, status: 403, errorType: 'InvalidSignatureException' });
    expect(check.ok ? '' : check.message).toMatch(/^The request signature we calculated does not match the signature you provided/);
  });

  it('rejects a changed request: another path, header value or body', () => {
    const expectations = { ...suite, now: at('2015-08-30T12:36:00Z') };
    expect(verifyAwsSignature({ ...vanilla, path: '/other' }, expectations)).toMatchObject({ ok: false, errorType: 'InvalidSignatureException' });
    expect(verifyAwsSignature({ ...vanilla, headers: { ...vanilla.headers, host: 'evil.example.com' } }, expectations)).toMatchObject({ ok: false });
    expect(verifyAwsSignature({ ...vanilla, body: '{}' }, expectations)).toMatchObject({ ok: false });
  });

  it('names an unknown key, a wrong region or service, a stale date and a missing header', () => {
    const expectations = { ...suite, now: at('2015-08-30T12:36:00Z') };
    expect(verifyAwsSignature(vanilla, { ...expectations, accessKeyId: 'AKIAOTHER' })).toMatchObject({ errorType: 'UnrecognizedClientException' });
    expect(verifyAwsSignature(vanilla, { ...expectations, region: 'eu-west-1' })).toMatchObject({ errorType: 'InvalidSignatureException', message: expect.stringMatching(/region/) });
    expect(verifyAwsSignature(vanilla, { ...expectations, service: 'bedrock' })).toMatchObject({ message: expect.stringMatching(/service: 'bedrock'/) });
    expect(verifyAwsSignature(vanilla, { ...suite, now: at('2015-08-30T12:50:00Z') })).toMatchObject({ message: expect.stringMatching(/Signature expired/) });
    expect(verifyAwsSignature({ ...vanilla, headers: { host: 'example.amazonaws.com' } }, expectations)).toMatchObject({
      status: 403,
      errorType: 'MissingAuthenticationTokenException',
    });
    expect(verifyAwsSignature(vanilla, { ...expectations, sessionToken: 'required-token' })).toMatchObject({ errorType: 'UnrecognizedClientException' });
  });
});
