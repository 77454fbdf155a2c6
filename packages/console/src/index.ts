import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The absolute path of the console's built static files (index.html and hashed assets), which the
 * gateway serves at `/console`. The same from `src/` (tests) and `dist/` (published): `../dist/app`.
 */
export const consoleAssetsDir: string = resolve(dirname(fileURLToPath(import.meta.url)), '../dist/app');

/** The URL path the console is built for (Vite's `base`). */
export const consoleBasePath = '/console/';
