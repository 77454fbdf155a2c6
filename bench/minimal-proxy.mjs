// The floor for any Node gateway: node:http in front, one keep-alive undici Agent behind,
// bytes piped back untouched. Prints {"port":N} once listening. Usage:
//   UPSTREAM_URL=http://127.0.0.1:PORT node bench/minimal-proxy.mjs
import { createServer } from 'node:http';
import { pipeline } from 'node:stream/promises';
import { Agent, request } from 'undici';

const upstream = new URL(process.env.UPSTREAM_URL ?? 'http://127.0.0.1:8080');
const agent = new Agent({ keepAliveTimeout: 60_000, connections: 256 });
// Hop-by-hop headers belong to one connection; content-length is recomputed by undici.
const hopByHop = new Set(['connection', 'keep-alive', 'transfer-encoding', 'host', 'content-length', 'upgrade']);

const server = createServer({ noDelay: true }, async (req, res) => {
  try {
    // Any gateway must read the whole body (it routes on `model`), so the floor does too.
    const chunks = [];
    for await (const chunk of req) chunks.push(chunk);
    const headers = {};
    for (const [name, value] of Object.entries(req.headers)) if (!hopByHop.has(name)) headers[name] = value;
    const answer = await request(new URL(req.url, upstream), {
      method: req.method,
      headers,
      body: chunks.length ? Buffer.concat(chunks) : undefined,
      dispatcher: agent,
    });
    const back = {};
    for (const [name, value] of Object.entries(answer.headers)) if (!hopByHop.has(name) || name === 'content-length') back[name] = value;
    res.writeHead(answer.statusCode, back);
    // pipeline destroys the upstream body when the client goes away.
    await pipeline(answer.body, res);
  } catch (error) {
    if (!res.headersSent) res.writeHead(502, { 'content-type': 'application/json' }).end(JSON.stringify({ error: String(error) }));
    else res.destroy();
  }
});

server.listen(0, '127.0.0.1', () => console.log(JSON.stringify({ port: server.address().port })));
// Die with the parent: it holds our stdin.
process.stdin.on('end', () => process.exit(0)).resume();
