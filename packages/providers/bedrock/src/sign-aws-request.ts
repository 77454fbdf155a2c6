import { createHash, createHmac } from 'node:crypto';

export interface AwsCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  /** Present for temporary credentials (STS, SSO, instance roles); sent as `x-amz-security-token`. */
  sessionToken?: string;
}

export interface AwsRequestToSign {
  method: string;
  /** The URL exactly as it goes on the wire (path segments already percent-encoded). */
  url: string;
  body: string | Uint8Array;
  credentials: AwsCredentials;
  region: string;
  service: string;
  /** The signing time; now by default. */
  date?: Date;
}

/** The headers a signed request must carry, besides its own. */
export interface AwsSignedHeaders {
  authorization: string;
  'x-amz-date': string;
  'x-amz-content-sha256': string;
  'x-amz-security-token'?: string;
}

export interface AwsCanonicalRequestParts {
  method: string;
  /** The path as sent (percent-encoded once). */
  path: string;
  /** The query string as sent, without `?`. */
  query: string;
  /** Lower-cased names of the headers to sign, with their values. */
  headers: Record<string, string>;
  payloadHash: string;
}

/**
 * Signs a request with AWS Signature Version 4 (header form), the scheme every AWS API but S3's
 * legacy paths takes: https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html.
 * Signed: host, x-amz-date, x-amz-content-sha256 and, for temporary credentials, x-amz-security-token.
 */
export function signAwsRequest(request: AwsRequestToSign): AwsSignedHeaders {
  const url = new URL(request.url);
  const amzDate = formatAmzDate(request.date ?? new Date());
  const payloadHash = sha256Hex(request.body);
  const headers: Record<string, string> = {
    // undici sends the URL's host (with the port when it is not the scheme's default), so that is what is signed.
    host: url.host,
    'x-amz-date': amzDate,
    'x-amz-content-sha256': payloadHash,
  };
  if (request.credentials.sessionToken) headers['x-amz-security-token'] = request.credentials.sessionToken;

  const canonical = createCanonicalRequest({
    method: request.method,
    path: url.pathname,
    query: url.search.replace(/^\?/, ''),
    headers,
    payloadHash,
  });
  const scope = `${amzDate.slice(0, 8)}/${request.region}/${request.service}/aws4_request`;
  const stringToSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256Hex(canonical.text)].join('\n');
  const signingKey = deriveSigningKey(request.credentials.secretAccessKey, amzDate.slice(0, 8), request.region, request.service);
  const signature = createHmac('sha256', signingKey).update(stringToSign, 'utf8').digest('hex');

  const signed: AwsSignedHeaders = {
    authorization: `AWS4-HMAC-SHA256 Credential=${request.credentials.accessKeyId}/${scope}, SignedHeaders=${canonical.signedHeaders}, Signature=${signature}`,
    'x-amz-date': amzDate,
    'x-amz-content-sha256': payloadHash,
  };
  if (request.credentials.sessionToken) signed['x-amz-security-token'] = request.credentials.sessionToken;
  return signed;
}

/** The canonical request text and its signed-headers list (exported for tests against AWS's published vectors). */
export function createCanonicalRequest(parts: AwsCanonicalRequestParts): { text: string; signedHeaders: string } {
  const names = Object.keys(parts.headers)
    .map((name) => name.toLowerCase())
    .sort();
  const values = Object.fromEntries(Object.entries(parts.headers).map(([name, value]) => [name.toLowerCase(), value]));
  const canonicalHeaders = names.map((name) => `${name}:${values[name]!.trim().replace(/\s+/g, ' ')}\n`).join('');
  const signedHeaders = names.join(';');
  const text = [
    parts.method.toUpperCase(),
    canonicalPath(parts.path),
    canonicalQuery(parts.query),
    canonicalHeaders,
    signedHeaders,
    parts.payloadHash,
  ].join('\n');
  return { text, signedHeaders };
}

/**
 * Every service but S3 wants the path normalised (RFC 3986 dot segments and empty segments removed)
 * and each segment URI-encoded twice: once for the wire, once more here. So a Bedrock model id
 * `anthropic.claude-v2:1` travels as `anthropic.claude-v2%3A1` and is signed as
 * `anthropic.claude-v2%253A1` — signing the wire path unchanged is the classic Bedrock
 * SignatureDoesNotMatch. (The AWS SDKs do the same: smithy's SignatureV4 `getCanonicalPath`.)
 */
export function canonicalPath(path: string): string {
  const segments: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') segments.pop();
    else segments.push(segment);
  }
  const trailingSlash = segments.length > 0 && path.endsWith('/') ? '/' : '';
  return `/${segments.map(uriEncode).join('/')}${trailingSlash}`;
}

function canonicalQuery(query: string): string {
  if (query === '') return '';
  const pairs = query
    .split('&')
    .filter((pair) => pair !== '')
    .map((pair) => {
      const equals = pair.indexOf('=');
      const name = equals === -1 ? pair : pair.slice(0, equals);
      const value = equals === -1 ? '' : pair.slice(equals + 1);
      return [uriEncode(decodeQueryPart(name)), uriEncode(decodeQueryPart(value))] as const;
    });
  pairs.sort(([nameA, valueA], [nameB, valueB]) => (nameA < nameB ? -1 : nameA > nameB ? 1 : valueA < valueB ? -1 : valueA > valueB ? 1 : 0));
  return pairs.map(([name, value]) => `${name}=${value}`).join('&');
}

function decodeQueryPart(part: string): string {
  try {
    return decodeURIComponent(part.replace(/\+/g, '%20'));
  } catch {
    return part;
  }
}

/** RFC 3986 encoding as SigV4 defines it: everything but A-Z a-z 0-9 - _ . ~ is %XX (upper-case hex). */
export function uriEncode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`);
}

export function deriveSigningKey(secretAccessKey: string, day: string, region: string, service: string): Buffer {
  const dateKey = createHmac('sha256', `AWS4${secretAccessKey}`).update(day, 'utf8').digest();
  const regionKey = createHmac('sha256', dateKey).update(region, 'utf8').digest();
  const serviceKey = createHmac('sha256', regionKey).update(service, 'utf8').digest();
  return createHmac('sha256', serviceKey).update('aws4_request', 'utf8').digest();
}

/** `20150830T123600Z`: ISO 8601 basic format, UTC, no fractional seconds. */
export function formatAmzDate(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}
