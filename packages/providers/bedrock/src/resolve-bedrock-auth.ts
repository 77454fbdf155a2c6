import { AuthenticationError, InvalidRequestError, type ProviderCallContext } from '@switchyard/core';
import type { AwsCredentials } from './sign-aws-request.js';

/** How a call to Bedrock is authorised, and where it goes. */
export type BedrockAuth =
  | { type: 'sigv4'; credentials: AwsCredentials; region: string }
  /** A Bedrock API key (https://docs.aws.amazon.com/bedrock/latest/userguide/api-keys.html), sent as a bearer token. */
  | { type: 'bearer'; token: string; region?: string };

// The header API: x-switchyard-aws-*, with Portkey's x-portkey-aws-* as aliases; the native name wins.
function header(context: ProviderCallContext, name: string): string | undefined {
  const value = context.requestHeaders[`x-switchyard-${name}`] ?? context.requestHeaders[`x-portkey-${name}`];
  return value === undefined || value === '' ? undefined : value;
}

function option(context: ProviderCallContext, name: string): string | undefined {
  const value = context.settings.options?.[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

// Region names only (us-east-1, us-gov-west-1, eu-central-2, …): the region becomes part of a host
// name, so a header must not be able to point the call anywhere else.
const regionPattern = /^[a-z]{2}(?:-[a-z]+)+-\d{1,2}$/;

/**
 * Credentials, in this order:
 * 1. the request's `x-switchyard-aws-access-key-id` / `-aws-secret-access-key` (+ `-aws-session-token`);
 * 2. a Bedrock API key in `settings.apiKey` (the entry's key, or the client's bearer token with
 *    the header API) — the AWS SDKs also prefer AWS_BEARER_TOKEN_BEDROCK when it is set;
 * 3. `settings.options.accessKeyId` / `secretAccessKey` (+ `sessionToken`).
 * The region: `x-switchyard-aws-region`, else `settings.options.region`, else the one in a
 * `bedrock-runtime.<region>.amazonaws.com` base URL. SigV4 needs it; an API key with a base URL does not.
 */
export function resolveBedrockAuth(context: ProviderCallContext): BedrockAuth {
  const region = header(context, 'aws-region') ?? option(context, 'region') ?? regionOfBaseURL(context.settings.baseURL);
  if (region !== undefined && !regionPattern.test(region)) {
    throw new InvalidRequestError(`"${region}" is not an AWS region name.`, { param: 'x-switchyard-aws-region', provider: 'bedrock' });
  }

  const headerKeyId = header(context, 'aws-access-key-id');
  const headerSecret = header(context, 'aws-secret-access-key');
  if (headerKeyId !== undefined || headerSecret !== undefined) {
    if (headerKeyId === undefined || headerSecret === undefined) {
      throw new InvalidRequestError('Send both x-switchyard-aws-access-key-id and x-switchyard-aws-secret-access-key, or neither.', {
        param: headerKeyId === undefined ? 'x-switchyard-aws-access-key-id' : 'x-switchyard-aws-secret-access-key',
        provider: 'bedrock',
      });
    }
    const sessionToken = header(context, 'aws-session-token');
    return sigv4({ accessKeyId: headerKeyId, secretAccessKey: headerSecret, ...(sessionToken ? { sessionToken } : {}) }, region);
  }

  if (context.settings.apiKey) return { type: 'bearer', token: context.settings.apiKey, ...(region ? { region } : {}) };

  const accessKeyId = option(context, 'accessKeyId');
  const secretAccessKey = option(context, 'secretAccessKey');
  if (accessKeyId !== undefined && secretAccessKey !== undefined) {
    const sessionToken = option(context, 'sessionToken');
    return sigv4({ accessKeyId, secretAccessKey, ...(sessionToken ? { sessionToken } : {}) }, region);
  }
  throw new AuthenticationError(
    'No AWS credentials for Bedrock: configure options.accessKeyId and options.secretAccessKey (or an API key) for this provider, or send the x-switchyard-aws-access-key-id and x-switchyard-aws-secret-access-key headers.',
    { provider: 'bedrock' },
  );
}

function sigv4(credentials: AwsCredentials, region: string | undefined): BedrockAuth {
  if (region === undefined) {
    throw new InvalidRequestError('Bedrock needs an AWS region: set options.region for this provider or send x-switchyard-aws-region.', {
      param: 'x-switchyard-aws-region',
      provider: 'bedrock',
    });
  }
  return { type: 'sigv4', credentials, region };
}

function regionOfBaseURL(baseURL: string | undefined): string | undefined {
  if (!baseURL) return undefined;
  try {
    return /^bedrock-runtime(?:-fips)?\.([a-z0-9-]+)\.amazonaws\.com(?:\.cn)?$/.exec(new URL(baseURL).hostname)?.[1];
  } catch {
    return undefined;
  }
}
