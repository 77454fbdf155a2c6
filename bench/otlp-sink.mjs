// The OTLP/HTTP collector of bench/observability.mjs, in a process of its own as a real collector
// would be: it takes the exports, answers 200, and counts them. Prints {"port":N} once listening;
// on stdin's end prints {"exports":N,"bytes":N} and exits.
import { createServer } from 'node:http';

let exports = 0;
let bytes = 0;
const sink = createServer((request, response) => {
  exports += 1;
  request.on('data', (chunk) => (bytes += chunk.length));
  request.on('end', () => response.writeHead(200, { 'content-type': 'application/json' }).end('{}'));
});
sink.listen(0, '127.0.0.1', () => console.log(JSON.stringify({ port: sink.address().port })));
process.stdin.on('end', () => {
  console.log(JSON.stringify({ exports, bytes }));
  process.exit(0);
}).resume();
