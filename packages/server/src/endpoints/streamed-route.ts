import type { BodyMode } from '../gateway-types.js';

/** A route function that may say how it takes its body; unmarked routes get it read whole. */
export type WithBodyMode<Route> = Route & { bodyMode?: BodyMode };

/** Marks a route as taking its body as a stream (uploads), under the host's upload limit. */
export function streamedRoute<Route extends object>(route: Route): WithBodyMode<Route> {
  return Object.assign(route, { bodyMode: 'streamed' as const });
}

export function bodyModeOf(route: { bodyMode?: BodyMode }): BodyMode {
  return route.bodyMode ?? 'buffered';
}
