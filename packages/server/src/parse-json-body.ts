import { InvalidRequestError } from '@switchyard/core';
import { exceedsJsonNestingDepth, maxJsonNestingDepth } from './json-nesting-depth.js';

/** Parses a request body that must be a JSON object, with errors a client can act on. */
export function parseJsonObjectBody(body: Uint8Array): Record<string, unknown> {
  if (body.byteLength === 0) throw new InvalidRequestError('The request body is empty; send a JSON object.');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    throw new InvalidRequestError('The request body is not valid UTF-8.');
  }
  if (exceedsJsonNestingDepth(body)) {
    throw new InvalidRequestError(`The request body nests objects and arrays deeper than ${maxJsonNestingDepth} levels.`, { code: 'nesting_too_deep' });
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof SyntaxError ? `: ${error.message}` : '';
    throw new InvalidRequestError(`The request body is not valid JSON${detail}.`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new InvalidRequestError(`The request body must be a JSON object, not ${Array.isArray(value) ? 'an array' : value === null ? 'null' : typeof value}.`);
  }
  return value as Record<string, unknown>;
}
