/** The path a mock routes on: the request path without its query string. */
export function pathWithoutQuery(path: string): string {
  const query = path.indexOf('?');
  return query === -1 ? path : path.slice(0, query);
}

/**
 * Whether a parsed request body is a JSON object. The base server leaves `json` undefined for a
 * body that does not parse, so this one check refuses bad JSON, arrays and scalars alike.
 */
export function isJsonObject(body: unknown): body is Record<string, any> {
  return typeof body === 'object' && body !== null && !Array.isArray(body);
}
