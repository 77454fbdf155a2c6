// The testkit OpenAI mock run from source (under tsx, `--conditions=source`), for
// observability.mjs, which needs no build. Prints {"port":N} once listening.
const { startOpenAIMock } = await import(new URL('../packages/testkit/src/index.ts', import.meta.url).href);
const mock = await startOpenAIMock({ recordRequests: false, words: Number(process.env.BENCH_WORDS ?? 30) });
console.log(JSON.stringify({ port: mock.port }));
process.stdin.on('end', () => mock.close().then(() => process.exit(0))).resume();
