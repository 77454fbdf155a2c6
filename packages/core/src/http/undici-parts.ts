import { createRequire } from 'node:module';
import type { Agent as UndiciAgent, Dispatcher } from 'undici';

// undici's index also loads fetch, WebSocket, EventSource, its cache, proxy agents and mocks, none
// of which the gateway uses: importing it whole costs ~3 MiB of heap and ~9 MiB of RSS per
// process. HttpClient needs two of its files. undici is pinned to one exact version in
// package.json, and HttpClient's tests load these paths, so an upgrade that moves them fails in CI
// rather than in production.
const load = createRequire(import.meta.url);

export const Agent = load('undici/lib/dispatcher/agent.js') as typeof UndiciAgent;
export type Agent = UndiciAgent;

const api = load('undici/lib/api/index.js') as {
  request(this: Dispatcher, options: Dispatcher.RequestOptions): Promise<Dispatcher.ResponseData>;
};

export type RequestOptions = Omit<Dispatcher.RequestOptions, 'origin' | 'path'>;

/**
 * undici's `request(url, { dispatcher })`, without the index that re-exports it. `options` is the
 * caller's own object, and gets `origin` and `path` set on it: on Node 20 keys added to a spread
 * copy (`{ ...options, origin, path }`) gave the copy a new hidden class on every request (--log-maps).
 */
export function requestThrough(dispatcher: Dispatcher, url: URL, options: RequestOptions): Promise<Dispatcher.ResponseData> {
  const sent = options as Dispatcher.RequestOptions;
  sent.origin = url.origin;
  sent.path = url.search ? `${url.pathname}${url.search}` : url.pathname;
  return api.request.call(dispatcher, sent);
}
