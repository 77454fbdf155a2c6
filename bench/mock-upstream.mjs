// The upstream of every bench target: the testkit OpenAI mock, from its built package (the
// bench measures servers, not the TypeScript loader). Prints {"port":N} once listening.
//   BENCH_WORDS  words in each reply (default 30)
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const built = new URL('../packages/testkit/dist/index.js', import.meta.url);
if (!existsSync(fileURLToPath(built))) {
  console.error('bench: packages/testkit/dist/index.js is missing; build it with `pnpm --filter @switchyard/testkit build`');
  process.exit(1);
}
const { startOpenAIMock } = await import(built.href);

// recordRequests off: a long run must not grow memory with every request it saw.
const mock = await startOpenAIMock({ recordRequests: false, words: Number(process.env.BENCH_WORDS ?? 30) });
console.log(JSON.stringify({ port: mock.port }));
// Die with the parent: it holds our stdin.
process.stdin.on('end', () => mock.close().then(() => process.exit(0))).resume();
