import { errorKindForStatus, statusForErrorKind, type ErrorKind, type GatewayErrorBody } from '@switchyard/core';
import { openAIChatErrorSchema } from './openai-chat-api.js';

const kindForType: Readonly<Record<string, ErrorKind>> = {
  invalid_request_error: 'invalid_request',
  authentication_error: 'authentication',
  permission_error: 'permission',
  not_found_error: 'not_found',
  rate_limit_error: 'rate_limit',
  // Rate-limit bodies of the TPM/RPM kind say which limit in `type`.
  tokens: 'rate_limit',
  requests: 'rate_limit',
  insufficient_quota: 'rate_limit',
  timeout_error: 'timeout',
  server_error: 'upstream',
  api_error: 'upstream',
  overloaded_error: 'overloaded',
  service_unavailable_error: 'overloaded',
};

/** Codes that say more than the type: OpenAI answers a bad key and an unknown model with `invalid_request_error`. */
const kindForCode: Readonly<Record<string, ErrorKind>> = {
  invalid_api_key: 'authentication',
  model_not_found: 'not_found',
  rate_limit_exceeded: 'rate_limit',
  insufficient_quota: 'rate_limit',
};

/**
 * An OpenAI-style `error` object (an error body, or an `error` chunk mid-stream) → the
 * canonical error facts. `status` is the HTTP status when there was one; mid-stream there
 * is none, and the kind comes from the error's code and type.
 */
export function decodeOpenAIChatError(error: unknown, status?: number): GatewayErrorBody {
  const parsed = openAIChatErrorSchema.safeParse(error);
  const fields = parsed.success ? parsed.data : {};
  const code = fields.code == null ? undefined : String(fields.code);
  const kind =
    (code !== undefined ? kindForCode[code] : undefined) ??
    (fields.type != null ? kindForType[fields.type] : undefined) ??
    (status !== undefined ? errorKindForStatus(status) : 'upstream');
  const decoded: GatewayErrorBody = {
    kind,
    status: status ?? statusForErrorKind[kind],
    message:
      fields.message ??
      (typeof error === 'string' ? error : 'The upstream reported an error without a message.'),
  };
  if (fields.param != null) decoded.param = fields.param;
  if (code !== undefined) decoded.code = code;
  return decoded;
}
