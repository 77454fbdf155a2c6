import { GatewayError, InvalidRequestError } from '@switchyard/core';

/**
 * The errors of the stored-response features, worded and coded as OpenAI's own answers, so
 * SDKs and tools that check `code` keep working: an unknown id is a 404 with the
 * `invalid_request_error` type (not `not_found_error`).
 */
export function previousResponseNotFoundError(id: string): GatewayError {
  return new GatewayError('invalid_request', `Previous response with id '${id}' not found.`, {
    status: 404,
    param: 'previous_response_id',
    code: 'previous_response_not_found',
  });
}

export function responseNotFoundError(id: string): GatewayError {
  return new GatewayError('invalid_request', `Response with id '${id}' not found.`, { status: 404 });
}

/** The gateway was started without a response store: say so rather than pretend to keep state. */
export function noResponseStoreError(param?: string): InvalidRequestError {
  return new InvalidRequestError(
    'This gateway has no response store configured, so it cannot keep or look up responses (previous_response_id, GET and DELETE /v1/responses/{id}, input_items). Configure one: `responses.store` in the gateway config, `responseStore` for a gateway embedded with the SDK.',
    { param, code: 'response_store_not_configured' },
  );
}
