/**
 * Makes an encoded Chat Completions body a stream that reports usage (`stream_options.include_usage`):
 * the gateway needs the usage for its log even when the client did not ask for it. The body is
 * changed in place rather than copied: on Node 20 a key added to a spread copy
 * (`{ ...body, stream_options }`) gives the copy a new hidden class on every request (--log-maps).
 */
export function askStreamUsage(body: Record<string, unknown>): Record<string, unknown> {
  body.stream = true;
  const options = body.stream_options;
  body.stream_options = options !== null && typeof options === 'object' ? Object.assign({}, options, { include_usage: true }) : { include_usage: true };
  return body;
}
