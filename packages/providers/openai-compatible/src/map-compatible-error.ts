import { type HttpResponse, type UpstreamError, type UpstreamErrorDescription, readUpstreamError } from '@switchyard/core';

/**
 * An error answer → UpstreamError with the upstream status (so a 404 stays `not_found`, a 422
 * `invalid_request`) and the message the server wrote. The preset's own describer, when given,
 * is tried first.
 */
export function mapCompatibleError(
  response: HttpResponse,
  providerId: string,
  describe?: (body: unknown) => UpstreamErrorDescription | undefined,
): Promise<UpstreamError> {
  return readUpstreamError(response, providerId, (body) => describe?.(body) ?? describeCompatibleErrorBody(body));
}

/**
 * The error bodies OpenAI-compatible servers send:
 * - OpenAI's `{ error: { message, type, param, code } }`, `code` a string or a number
 *   (Groq adds `failed_generation`, OpenRouter `metadata`; both stay in the kept body);
 * - `{ error: "text" }`;
 * - Mistral's and vLLM's flat `{ object: 'error', message, type, param, code }`, where Mistral's
 *   `message` may itself be a validation report (`{ detail: [...] }`, an array, or that as JSON text);
 * - FastAPI's 422 `{ detail: [{ loc, msg, type }] }` or `{ detail: "text" }` (Mistral, Hugging Face, DeepInfra);
 * - a one-element array of any of these.
 */
export function describeCompatibleErrorBody(body: unknown): UpstreamErrorDescription | undefined {
  if (Array.isArray(body)) return body.length === 1 ? describeCompatibleErrorBody(body[0]) : undefined;
  if (!isObject(body)) return typeof body === 'string' && body.trim() !== '' ? { message: body.trim().slice(0, 500) } : undefined;
  if (typeof body.error === 'string') return { message: body.error };
  if (isObject(body.error)) return describeFields(body.error);
  if ('message' in body || 'detail' in body) return describeFields(body);
  return undefined;
}

function describeFields(fields: Record<string, unknown>): UpstreamErrorDescription {
  const report = validationReport(fields.message) ?? validationReport(fields.detail);
  const description: UpstreamErrorDescription = {
    message: report?.message ?? text(fields.message) ?? text(fields.detail),
    code: text(fields.code) ?? (typeof fields.code === 'number' ? String(fields.code) : undefined),
    param: text(fields.param) ?? report?.param,
    type: text(fields.type),
  };
  return description;
}

/** FastAPI / pydantic validation errors → one line per problem, the first problem's field as `param`. */
function validationReport(value: unknown): { message: string; param?: string } | undefined {
  if (typeof value === 'string' && value.trimStart().startsWith('{')) {
    try {
      return validationReport(JSON.parse(value));
    } catch {
      return undefined;
    }
  }
  if (isObject(value) && 'detail' in value) return validationReport(value.detail);
  if (!Array.isArray(value) || value.length === 0) return undefined;
  const problems = value.filter(isObject).map((problem) => {
    const location = Array.isArray(problem.loc) ? problem.loc.filter((segment) => segment !== 'body').join('.') : '';
    return { location, text: `${location ? `${location}: ` : ''}${text(problem.msg) ?? 'invalid'}` };
  });
  if (problems.length === 0) return undefined;
  return { message: problems.map((problem) => problem.text).join('; '), ...(problems[0]!.location && { param: problems[0]!.location }) };
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
