// The upstream of the soak (bench/soak.mjs bundles this file with esbuild, so it needs no build
// of testkit): two testkit OpenAI mocks, `fast` (whole answers at once) and `slow` (a pause
// between stream chunks, for the shutdown phase). Prints {"fast":N,"slow":N} once listening.
import { startOpenAIMock } from '../packages/testkit/src/openai-mock.ts';

// recordRequests off: a long run must not grow memory with every request it saw.
const fast = await startOpenAIMock({ recordRequests: false });
const slow = await startOpenAIMock({ recordRequests: false, streamDelayMs: 40 });
console.log(JSON.stringify({ fast: fast.port, slow: slow.port }));
// Die with the parent: it holds our stdin.
process.stdin.on('end', () => Promise.all([fast.close(), slow.close()]).then(() => process.exit(0))).resume();
