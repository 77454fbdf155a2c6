/** A handler bound to the parameters its pattern captured. */
export type BoundRoute<Route> = { route: Route; params: Record<string, string> };

export interface RoutePatterns<Route> {
  match(method: string, path: string): BoundRoute<Route> | undefined;
}

/**
 * Routes with parameters in their path (`GET /v1/responses/:id`), matched segment by segment.
 * The handler asks these only when the exact-match map has no route, so the chat routes keep
 * their single map lookup. A parameter matches one non-empty segment, percent-decoded.
 */
export function createRoutePatterns<Route>(entries: ReadonlyArray<readonly [method: string, pattern: string, route: Route]>): RoutePatterns<Route> {
  const patterns = entries.map(([method, pattern, route]) => ({ method, segments: pattern.split('/'), route }));
  return {
    match(method, path) {
      const segments = path.split('/');
      for (const pattern of patterns) {
        if (pattern.method !== method || pattern.segments.length !== segments.length) continue;
        const params = matchSegments(pattern.segments, segments);
        if (params) return { route: pattern.route, params };
      }
      return undefined;
    },
  };
}

function matchSegments(pattern: readonly string[], segments: readonly string[]): Record<string, string> | undefined {
  const params: Record<string, string> = {};
  for (let index = 0; index < pattern.length; index++) {
    const expected = pattern[index]!;
    const actual = segments[index]!;
    if (!expected.startsWith(':')) {
      if (expected !== actual) return undefined;
      continue;
    }
    if (actual === '') return undefined;
    try {
      params[expected.slice(1)] = decodeURIComponent(actual);
    } catch {
      return undefined; // malformed percent-encoding: no such resource
    }
  }
  return params;
}
