import {
  type ErrorKind,
  type HttpResponse,
  UpstreamError,
  type UpstreamErrorDescription,
  errorKindForStatus,
  isRetryableStatus,
  readUpstreamError,
} from '@switchyard/core';
import { bedrockErrorBodySchema } from './bedrock-api.js';

// https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_Converse.html#API_runtime_Converse_Errors
// and the AWS common errors (https://docs.aws.amazon.com/bedrock/latest/APIReference/CommonErrors.html).
// Keys are lower-case: HTTP errors name the type in PascalCase (`ThrottlingException`), stream
// exceptions in camelCase (`throttlingException`).
const kindByErrorType: Record<string, ErrorKind> = {
  validationexception: 'invalid_request',
  conflictexception: 'invalid_request',
  serializationexception: 'invalid_request',
  accessdeniedexception: 'permission',
  unrecognizedclientexception: 'authentication',
  invalidsignatureexception: 'authentication',
  incompletesignatureexception: 'authentication',
  missingauthenticationtokenexception: 'authentication',
  expiredtokenexception: 'authentication',
  invalidclienttokenid: 'authentication',
  resourcenotfoundexception: 'not_found',
  unknownoperationexception: 'not_found',
  throttlingexception: 'rate_limit',
  servicequotaexceededexception: 'rate_limit',
  modeltimeoutexception: 'timeout',
  serviceunavailableexception: 'overloaded',
  // The model is still being loaded (custom model imports); AWS answers 429 and the SDKs retry it.
  modelnotreadyexception: 'overloaded',
  internalserverexception: 'upstream',
  // The model itself failed (424) or broke the stream.
  modelerrorexception: 'upstream',
  modelstreamerrorexception: 'upstream',
};

const retryableTypes = new Set([
  'throttlingexception',
  'modelnotreadyexception',
  'serviceunavailableexception',
  'internalserverexception',
  'modeltimeoutexception',
]);

/**
 * The bare type of an AWS error name: `ValidationException:http://internal.amazon.com/coral/…`
 * (the `x-amzn-ErrorType` header) and `com.amazon.coral.service#UnrecognizedClientException`
 * (a body `__type`) both give the part that names the exception.
 */
export function bedrockErrorType(raw: string | null | undefined): string | undefined {
  if (!raw) return undefined;
  const withoutUrl = raw.split(':')[0]!;
  const type = withoutUrl.slice(withoutUrl.lastIndexOf('#') + 1).trim();
  return type === '' ? undefined : type;
}

/** The gateway error kind of a Bedrock exception name (HTTP or stream spelling), when it is known. */
export function errorKindForBedrockType(type: string | undefined): ErrorKind | undefined {
  return type === undefined ? undefined : kindByErrorType[type.toLowerCase()];
}

export function isRetryableBedrockType(type: string | undefined): boolean {
  return type !== undefined && retryableTypes.has(type.toLowerCase());
}

export function describeBedrockErrorBody(body: unknown): UpstreamErrorDescription | undefined {
  const parsed = bedrockErrorBodySchema.safeParse(body);
  if (!parsed.success) return undefined;
  const message = parsed.data.message ?? parsed.data.Message ?? undefined;
  return { message, type: bedrockErrorType(parsed.data.__type) };
}

/**
 * Reads a Bedrock error answer into an UpstreamError whose kind comes from the exception type
 * (`x-amzn-errortype`, else the body's `__type`), falling back to the status. The type is the code.
 */
export async function readBedrockError(response: HttpResponse): Promise<UpstreamError> {
  const base = await readUpstreamError(response, 'bedrock', describeBedrockErrorBody);
  const type = bedrockErrorType(base.headers['x-amzn-errortype']) ?? base.code;
  const status = base.upstreamStatus;
  return new UpstreamError(base.message, {
    provider: 'bedrock',
    status,
    headers: base.headers,
    body: base.body,
    kind: errorKindForBedrockType(type) ?? (status === undefined ? 'upstream' : errorKindForStatus(status)),
    code: type,
    retryable: isRetryableBedrockType(type) || isRetryableStatus(status),
    cause: base,
  });
}
