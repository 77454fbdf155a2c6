import { createReadStream, existsSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

// The page itself holds no data: every figure comes from the admin API, which needs the admin key.
const securityHeaders = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'content-security-policy': "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
};

type Middleware = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

/**
 * The web console's static files at `/console`: hashed assets cached for a year, everything else
 * (client routes like `/console/logs`) answered with index.html, revalidated on every load so a new
 * build shows at once. Paths are confined to the build folder.
 */
export function consoleMiddleware(assetsDir: string): Middleware {
  const root = resolve(assetsDir);
  const index = join(root, 'index.html');
  return (req, res, next) => {
    const path = (req.url ?? '/').split('?')[0]!;
    if (path !== '/console' && !path.startsWith('/console/')) return next();
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    if (path === '/console') {
      res.writeHead(308, { location: '/console/' }).end();
      return;
    }
    if (!existsSync(index)) {
      res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' }).end('The console is not built: run `pnpm --filter @switchyard/console build`.\n');
      return;
    }
    let relative: string;
    try {
      relative = decodeURIComponent(path.slice('/console/'.length));
    } catch {
      res.writeHead(400).end();
      return;
    }
    const file = resolve(root, relative);
    const inside = file === root || file.startsWith(root + sep);
    const isFile = inside && relative !== '' && existsSync(file) && statSync(file).isFile();
    if (!isFile && (relative.startsWith('assets/') || !inside)) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', ...securityHeaders }).end('Not found\n');
      return;
    }
    const served = isFile ? file : index;
    const immutable = isFile && relative.startsWith('assets/');
    res.writeHead(200, {
      'content-type': contentTypes[extname(served)] ?? 'application/octet-stream',
      'content-length': statSync(served).size,
      'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      ...securityHeaders,
    });
    if (req.method === 'HEAD') res.end();
    else createReadStream(served).pipe(res);
  };
}
