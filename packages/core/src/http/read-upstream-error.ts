import { GatewayError } from '../errors/gateway-error.js';
import { UpstreamError } from '../errors/upstream-error.js';
import type { HttpResponse } from './http-types.js';

/** What a provider's error body says, in the fields the gateway carries on. */
export interface UpstreamErrorDescription {
  message?: string;
  code?: string;
  param?: string;
  type?: string;
}

// An error body is small; a proxy answering with an HTML page or a stream must not fill memory.
const maximumErrorBodyBytes = 64 * 1024;

/**
 * Reads an error answer (at most 64 KiB of it) into an UpstreamError carrying the status, headers and
 * the body (parsed when it is JSON, else the text). The message comes from `describe`, by default
 * one that knows the common shapes; else it is generic (`openai answered 500`). A body that cannot
 * be read in full (cut, stalled) still gives an error from what arrived.
 */
export async function readUpstreamError(
  response: Pick<HttpResponse, 'status' | 'headers' | 'body' | 'dispose'>,
  provider: string,
  describe: (body: unknown) => UpstreamErrorDescription | undefined = describeUpstreamErrorBody,
): Promise<UpstreamError> {
  const text = await readCappedText(response);
  const body = parseBody(text);
  let description: UpstreamErrorDescription | undefined;
  try {
    description = body === undefined ? undefined : describe(body);
  } catch {
    // A describe written for one shape must not turn a clear upstream status into a crash.
    description = undefined;
  }
  return new UpstreamError(description?.message || `${provider} answered ${response.status}`, {
    provider,
    status: response.status,
    headers: response.headers,
    body,
    // Anthropic's errors have only a type (`overloaded_error`), which then serves as the code.
    code: description?.code ?? description?.type,
    param: description?.param,
  });
}

/**
 * Understands `{ error: { message, code, param, type } }` (OpenAI, Anthropic, Mistral; Gemini's
 * `status` taken as the code), `{ error: "text" }` (Ollama), `{ message }` (Bedrock, Cohere), and
 * a one-element array of those (Gemini).
 */
export function describeUpstreamErrorBody(body: unknown): UpstreamErrorDescription | undefined {
  if (Array.isArray(body)) return body.length === 1 ? describeUpstreamErrorBody(body[0]) : undefined;
  if (typeof body !== 'object' || body === null) return undefined;
  const { error, message } = body as { error?: unknown; message?: unknown };
  if (typeof error === 'string') return { message: error };
  if (typeof error === 'object' && error !== null) {
    const fields = error as Record<string, unknown>;
    return {
      message: stringOrUndefined(fields.message),
      code: stringOrUndefined(fields.code) ?? stringOrUndefined(fields.status),
      param: stringOrUndefined(fields.param),
      type: stringOrUndefined(fields.type),
    };
  }
  if (typeof message === 'string') return { message };
  return undefined;
}

async function readCappedText(response: Pick<HttpResponse, "body" | "dispose">): Promise<string> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for await (const chunk of response.body) {
      const room = maximumErrorBodyBytes - size;
      chunks.push(chunk.length > room ? chunk.subarray(0, room) : chunk);
      size += Math.min(chunk.length, room);
      if (size >= maximumErrorBodyBytes) break;
    }
  } catch (error) {
    // A stalled or cut body still leaves the status to report; the caller's abort is not swallowed.
    if (!GatewayError.isInstance(error)) throw error;
  } finally {
    response.dispose();
  }
  return new TextDecoder().decode(Buffer.concat(chunks, size));
}

function parseBody(text: string): unknown {
  if (text.trim().length === 0) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function stringOrUndefined(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}
