import { CliError } from './cli-io.js';

/** The gateway's `/v1` base from what a user types: `localhost:8787`, `http://host:8787`, `http://host:8787/v1`. */
export function gatewayBaseURL(url: string): string {
  const withScheme = /^https?:\/\//i.test(url) ? url : `http://${url}`;
  let parsed: URL;
  try {
    parsed = new URL(withScheme);
  } catch {
    throw new CliError(`--url is not a URL: "${url}"`, 2);
  }
  const path = parsed.pathname.replace(/\/+$/, '');
  parsed.pathname = /\/v1$/.test(path) ? path : `${path}/v1`;
  return parsed.toString().replace(/\/+$/, '');
}
