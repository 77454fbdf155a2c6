import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/**
 * An AWS Signature Version 4 check as the AWS front end makes it, written apart from any signer
 * in the repo (sharing only node:crypto's HMAC and SHA-256), so a mock that uses it catches a
 * signer's mistakes instead of repeating them.
 */
export interface AwsSignatureExpectations {
  accessKeyId: string;
  secretAccessKey: string;
  /** Required, and must match, when set. */
  sessionToken?: string;
  region: string;
  service: string;
  /** Largest clock difference accepted between x-amz-date and now (AWS: 5 minutes). */
  maxClockSkewMs?: number;
  now?: () => Date;
}

export interface ReceivedSignedRequest {
  method: string;
  /** Path and query exactly as received. */
  path: string;
  /** Lower-cased header names. */
  headers: Record<string, string>;
  body: string | Uint8Array;
}

export type AwsSignatureCheck =
  | { ok: true }
  | { ok: false; status: number; errorType: string; message: string; canonicalRequest?: string };

const signatureMismatch =
  'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.';

export function verifyAwsSignature(request: ReceivedSignedRequest, expected: AwsSignatureExpectations): AwsSignatureCheck {
  const authorization = request.headers.authorization;
  if (!authorization) return reject(403, 'MissingAuthenticationTokenException', 'Missing Authentication Token');
  const match = /^AWS4-HMAC-SHA256 Credential=([^,\s]+),\s*SignedHeaders=([^,\s]+),\s*Signature=([0-9a-f]{64})$/.exec(authorization.trim());
  if (!match) {
    return reject(
      403,
      'IncompleteSignatureException',
      `Authorization header requires 'Credential', 'SignedHeaders' and 'Signature' parameters. Authorization=${authorization.split(' ')[0]}`,
    );
  }
  const [, credential, signedHeaderList, signature] = match as unknown as [string, string, string, string];
  const [accessKeyId, day, region, service, terminator] = credential.split('/');
  if (accessKeyId !== expected.accessKeyId) {
    return reject(403, 'UnrecognizedClientException', 'The security token included in the request is invalid.');
  }
  if (terminator !== 'aws4_request' || !day || !region || !service) {
    return reject(403, 'IncompleteSignatureException', `Credential should be scoped to a valid region, not '${region}'.`);
  }
  if (region !== expected.region) {
    return reject(403, 'InvalidSignatureException', `Credential should be scoped to a valid region, not '${region}'.`);
  }
  if (service !== expected.service) {
    return reject(403, 'InvalidSignatureException', `Credential should be scoped to correct service: '${expected.service}'.`);
  }

  const signedNames = signedHeaderList.split(';');
  for (const required of ['host', 'x-amz-date']) {
    if (!signedNames.includes(required)) {
      return reject(403, 'InvalidSignatureException', `'${required}' must be a 'SignedHeader' in the AWS Authorization.`);
    }
  }
  const amzDate = request.headers['x-amz-date'] ?? '';
  const parsedDate = parseAmzDate(amzDate);
  if (!parsedDate || amzDate.slice(0, 8) !== day) {
    return reject(403, 'InvalidSignatureException', 'Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP.');
  }
  const now = (expected.now ?? (() => new Date()))();
  const skew = Math.abs(now.getTime() - parsedDate.getTime());
  if (skew > (expected.maxClockSkewMs ?? 5 * 60 * 1000)) {
    return reject(403, 'InvalidSignatureException', `Signature expired: ${amzDate} is now earlier or later than the allowed 5 minutes of ${formatBasic(now)}.`);
  }
  if (expected.sessionToken !== undefined) {
    if (request.headers['x-amz-security-token'] !== expected.sessionToken || !signedNames.includes('x-amz-security-token')) {
      return reject(403, 'UnrecognizedClientException', 'The security token included in the request is invalid.');
    }
  }

  const bodyHash = createHash('sha256').update(request.body).digest('hex');
  const claimedHash = request.headers['x-amz-content-sha256'];
  if (claimedHash !== undefined && claimedHash !== bodyHash && claimedHash !== 'UNSIGNED-PAYLOAD') {
    return reject(400, 'ValidationException', "The provided 'x-amz-content-sha256' header does not match what was computed.");
  }

  const queryStart = request.path.indexOf('?');
  const rawPath = queryStart === -1 ? request.path : request.path.slice(0, queryStart);
  const rawQuery = queryStart === -1 ? '' : request.path.slice(queryStart + 1);
  const headerLines: string[] = [];
  for (const name of signedNames) {
    const value = request.headers[name];
    if (value === undefined) return reject(403, 'InvalidSignatureException', signatureMismatch);
    headerLines.push(`${name}:${value.trim().split(/\s+/).join(' ')}`);
  }
  const canonicalRequest = [
    request.method,
    canonicalUri(rawPath),
    canonicalQueryString(rawQuery),
    `${headerLines.join('\n')}\n`,
    signedHeaderList,
    bodyHash,
  ].join('\n');

  const scope = `${day}/${region}/${service}/aws4_request`;
  const stringToSign = `AWS4-HMAC-SHA256\n${amzDate}\n${scope}\n${createHash('sha256').update(canonicalRequest, 'utf8').digest('hex')}`;
  let key: Buffer = createHmac('sha256', `AWS4${expected.secretAccessKey}`).update(day).digest();
  for (const part of [region, service, 'aws4_request']) key = createHmac('sha256', key).update(part).digest();
  const computed = createHmac('sha256', key).update(stringToSign, 'utf8').digest();
  if (!timingSafeEqual(computed, Buffer.from(signature, 'hex'))) {
    return { ok: false, status: 403, errorType: 'InvalidSignatureException', message: signatureMismatch, canonicalRequest };
  }
  return { ok: true };
}

function reject(status: number, errorType: string, message: string): AwsSignatureCheck {
  return { ok: false, status, errorType, message };
}

// Each path segment, as received (percent-encoded once), is percent-encoded again: %3A -> %253A.
function canonicalUri(path: string): string {
  const kept: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') kept.pop();
    else kept.push(strictEncode(segment));
  }
  return `/${kept.join('/')}${kept.length > 0 && path.endsWith('/') ? '/' : ''}`;
}

function canonicalQueryString(query: string): string {
  if (!query) return '';
  return query
    .split('&')
    .filter(Boolean)
    .map((pair) => {
      const [name = '', value = ''] = pair.split(/=(.*)/s);
      return [strictEncode(safeDecode(name)), strictEncode(safeDecode(value))] as const;
    })
    // By name, then by value, comparing code points.
    .sort((a, b) => (a[0] === b[0] ? (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0) : a[0] < b[0] ? -1 : 1))
    .map(([name, value]) => `${name}=${value}`)
    .join('&');
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}

// RFC 3986 unreserved characters stay, every other byte of the UTF-8 text becomes %XX.
function strictEncode(text: string): string {
  let encoded = '';
  for (const byte of Buffer.from(text, 'utf8')) {
    const character = String.fromCharCode(byte);
    encoded += /[A-Za-z0-9\-_.~]/.test(character) ? character : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return encoded;
}

function parseAmzDate(text: string): Date | undefined {
  const match = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(text);
  if (!match) return undefined;
  const [, year, month, date, hours, minutes, seconds] = match.map(Number) as number[];
  return new Date(Date.UTC(year!, month! - 1, date, hours, minutes, seconds));
}

function formatBasic(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '');
}
