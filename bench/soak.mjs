#!/usr/bin/env node
// Soak of the gateway (issue #11): a steady request rate for SOAK_SECONDS (60) with a mix of
// streamed and non-streamed requests, passthrough (Chat -> OpenAI) and translated (Messages ->
// OpenAI), against one gateway process. Prints: errors (must be 0), latency p50 / p99 / max,
// the gateway's RSS at start / middle / end / after SOAK_IDLE_SECONDS (10) idle (flat within
// 20 % and at most 100 MiB), then a graceful shutdown under load (in-flight streams finish,
// new requests get 503, the process exits 0). Exit code 1 when a check fails.
//
// Runs the built gateway (apps/gateway/dist/main.js, as `pnpm start` does) when it exists, so the
// memory figures are a deployment's; without a build (or with SOAK_FROM_SOURCE=1) the gateway
// source is bundled with the repo's esbuild instead (one big module: a higher start RSS). The
// upstream is always bundled. Run from the repo root: `node bench/soak.mjs`.
// Knobs: SOAK_SECONDS, SOAK_RPS (100), SOAK_IDLE_SECONDS, SOAK_SHUTDOWN_STREAMS (20), and
// SOAK_GATEWAY_NODE_OPTIONS: node flags for the gateway process only; by default the ones `pnpm
// start` and `switchyard serve` run it with (`--max-semi-space-size=2`), so the figures are a
// deployment's. Set it to an empty string to measure plain `node`.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Agent, request } from 'undici';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const numberFromEnv = (name, fallback) => {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
};
const settings = {
  seconds: numberFromEnv('SOAK_SECONDS', 60),
  rps: numberFromEnv('SOAK_RPS', 100),
  idleSeconds: numberFromEnv('SOAK_IDLE_SECONDS', 10),
  shutdownStreams: numberFromEnv('SOAK_SHUTDOWN_STREAMS', 20),
  rssLimitMiB: 100,
  rssDriftLimit: 0.2,
};

const children = new Set();
process.on('exit', () => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
});

// ---- build: bundle the gateway and the upstream so no package needs a dist/ -----------------

const workDir = mkdtempSync(join(os.tmpdir(), 'switchyard-soak-'));
process.on('exit', () => rmSync(workDir, { recursive: true, force: true }));

function bundle(entry, outfile) {
  execFileSync(join(repoRoot, 'bench/node_modules/.bin/esbuild'), [
    entry, '--bundle', '--platform=node', '--format=esm', '--target=node20', '--conditions=source', '--log-level=error',
    '--external:better-sqlite3', '--external:pg', '--external:pg-native', `--outfile=${outfile}`,
    "--banner:js=import { createRequire as __soakRequire } from 'node:module'; const require = __soakRequire(import.meta.url);",
  ], { cwd: repoRoot, stdio: ['ignore', 'inherit', 'inherit'] });
  // The storage drivers stay external (one is native); point their imports at the repo's copies.
  const storage = createRequire(join(repoRoot, 'packages/storage/package.json'));
  let code = readFileSync(outfile, 'utf8');
  for (const name of ['better-sqlite3', 'pg']) {
    code = code.replaceAll(`from "${name}"`, `from ${JSON.stringify(pathToFileURL(storage.resolve(name)).href)}`);
  }
  writeFileSync(outfile, code);
}
const builtGateway = join(repoRoot, 'apps/gateway/dist/main.js');
const gatewayEntry = existsSync(builtGateway) && process.env.SOAK_FROM_SOURCE !== '1' ? builtGateway : join(workDir, 'gateway.mjs');
if (gatewayEntry !== builtGateway) bundle('apps/gateway/src/main.ts', gatewayEntry);
console.log(`soak: gateway from ${gatewayEntry === builtGateway ? 'apps/gateway/dist (built)' : 'source (bundled)'}, node flags: ${process.env.SOAK_GATEWAY_NODE_OPTIONS ?? '--max-semi-space-size=2'}`);
bundle('bench/soak-upstream.mjs', join(workDir, 'upstream.mjs'));

// ---- processes -------------------------------------------------------------------------------

function start(file, args = [], env = {}) {
  const child = spawn(process.execPath, [file, ...args], { env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
  children.add(child);
  child.once('exit', () => children.delete(child));
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (chunk) => (output = (output + chunk).slice(-8000)));
  child.stderr.setEncoding('utf8').on('data', (chunk) => (output = (output + chunk).slice(-8000)));
  return { child, output: () => output };
}

async function until(check, timeoutMs, what) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`soak: timed out waiting for ${what}`);
    await sleep(50);
  }
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function freePort() {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Private (anonymous, not shared with other node processes) memory in MiB, Linux only. */
function privateMiB(pid) {
  try {
    return Number(/Anonymous:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'))[1]) / 1024;
  } catch {
    return NaN;
  }
}

/** Resident set size of a process in MiB, from /proc (Linux) or ps. */
function rssMiB(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(/VmRSS:\s+(\d+)/.exec(status)[1]) / 1024;
  } catch {
    return Number(execFileSync('ps', ['-o', 'rss=', '-p', String(pid)], { encoding: 'utf8' }).trim()) / 1024;
  }
}

const upstream = start(join(workDir, 'upstream.mjs'));
const ports = await until(() => {
  const line = upstream.output().split('\n').find((text) => text.startsWith('{"fast"'));
  return line ? JSON.parse(line) : undefined;
}, 20_000, 'the upstream');

const gatewayPort = await freePort();
const configPath = join(workDir, 'gateway.json');
writeFileSync(configPath, JSON.stringify({
  responses: { store: 'memory' },
  shutdownGraceMs: 30_000,
  providers: {
    fast: { adapter: 'openai', apiKey: 'sk-soak', baseURL: `http://127.0.0.1:${ports.fast}/v1` },
    slow: { adapter: 'openai', apiKey: 'sk-soak', baseURL: `http://127.0.0.1:${ports.slow}/v1` },
  },
}));
const gateway = start(gatewayEntry, ['--config', configPath], { PORT: String(gatewayPort), HOST: '127.0.0.1', LOG_LEVEL: 'silent', NODE_OPTIONS: process.env.SOAK_GATEWAY_NODE_OPTIONS ?? '--max-semi-space-size=2' });
const base = `http://127.0.0.1:${gatewayPort}`;
const dispatcher = new Agent({ connections: 256, keepAliveTimeout: 10_000 });
await until(async () => {
  try {
    const response = await request(`${base}/health`, { dispatcher });
    await response.body.text();
    return response.statusCode === 200 ? true : undefined;
  } catch {
    return undefined;
  }
}, 20_000, `the gateway (${gateway.output()})`);

// ---- the mix ---------------------------------------------------------------------------------

const content = 'the quick brown fox jumps over the lazy dog';
const kinds = [
  { name: 'chat', path: '/v1/chat/completions', body: { model: '@fast/gpt-4o-mini', messages: [{ role: 'user', content }] }, ok: (text) => text.includes(`echo: ${content}`) },
  { name: 'chat-stream', path: '/v1/chat/completions', body: { model: '@fast/gpt-4o-mini', stream: true, stream_options: { include_usage: true }, messages: [{ role: 'user', content }] }, ok: (text) => text.trimEnd().endsWith('data: [DONE]') },
  { name: 'messages', path: '/v1/messages', body: { model: '@fast/gpt-4o-mini', max_tokens: 100, messages: [{ role: 'user', content }] }, ok: (text) => text.includes(`echo: ${content}`) },
  { name: 'messages-stream', path: '/v1/messages', body: { model: '@fast/gpt-4o-mini', max_tokens: 100, stream: true, messages: [{ role: 'user', content }] }, ok: (text) => text.includes('event: message_stop') },
].map((kind) => ({ ...kind, text: JSON.stringify(kind.body) }));

async function send(kind, target = base) {
  const started = performance.now();
  try {
    const response = await request(`${target}${kind.path}`, { method: 'POST', dispatcher, headers: { 'content-type': 'application/json' }, body: kind.text });
    const text = await response.body.text();
    const ms = performance.now() - started;
    if (response.statusCode !== 200 || !kind.ok(text)) return { ok: false, ms, error: `${kind.name}: HTTP ${response.statusCode} ${text.slice(0, 200)}` };
    return { ok: true, ms };
  } catch (error) {
    return { ok: false, ms: performance.now() - started, error: `${kind.name}: ${error.code ?? error.message}` };
  }
}

// Warm-up: JIT and pools settle before the first RSS sample.
for (let round = 0; round < 50; round++) await Promise.all(kinds.map((kind) => send(kind)));

const pid = gateway.child.pid;
const rss = { start: rssMiB(pid) };
const privateMemory = { start: privateMiB(pid) };
const latencies = [];
const errors = [];
const byKind = Object.fromEntries(kinds.map((kind) => [kind.name, 0]));
const inFlight = new Set();
const total = Math.round(settings.seconds * settings.rps);
const soakStart = performance.now();
let middleTaken = false;
for (let index = 0; index < total; index++) {
  // Steady rate: request n leaves at start + n / rps, whatever the answers do.
  const due = soakStart + (index * 1000) / settings.rps;
  const wait = due - performance.now();
  if (wait > 1) await sleep(wait);
  if (!middleTaken && index >= total / 2) {
    rss.middle = rssMiB(pid);
    privateMemory.middle = privateMiB(pid);
    middleTaken = true;
  }
  const kind = kinds[index % kinds.length];
  byKind[kind.name]++;
  const pending = send(kind).then((result) => {
    latencies.push(result.ms);
    if (!result.ok) errors.push(result.error);
    inFlight.delete(pending);
  });
  inFlight.add(pending);
}
await Promise.all(inFlight);
const soakSeconds = (performance.now() - soakStart) / 1000;
rss.end = rssMiB(pid);
privateMemory.end = privateMiB(pid);
await sleep(settings.idleSeconds * 1000);
rss.idle = rssMiB(pid);
privateMemory.idle = privateMiB(pid);

// ---- graceful shutdown under load ------------------------------------------------------------

const slowStream = { ...kinds[1], body: undefined, text: JSON.stringify({ ...kinds[1].body, model: '@slow/gpt-4o-mini' }) };
const streams = Array.from({ length: settings.shutdownStreams }, () => send(slowStream));
await sleep(150);
const exited = new Promise((resolve) => gateway.child.once('exit', (code) => resolve(code)));
gateway.child.kill('SIGTERM');
await sleep(50);
const fresh = new Agent({ connections: 8 });
const refusals = await Promise.all(Array.from({ length: 5 }, async () => {
  try {
    const response = await request(`${base}/v1/chat/completions`, { method: 'POST', dispatcher: fresh, headers: { 'content-type': 'application/json' }, body: kinds[0].text });
    await response.body.text();
    return response.statusCode;
  } catch (error) {
    return error.code ?? 'error';
  }
}));
const streamResults = await Promise.all(streams);
const exitCode = await Promise.race([exited, sleep(35_000).then(() => 'did not exit')]);
upstream.child.stdin.end();
await Promise.all([dispatcher.close(), fresh.close()]);

// ---- figures ---------------------------------------------------------------------------------

latencies.sort((a, b) => a - b);
const percentile = (fraction) => latencies[Math.min(latencies.length - 1, Math.floor(fraction * latencies.length))] ?? NaN;
const peak = Math.max(rss.start, rss.middle, rss.end, rss.idle);
const drift = Math.max(...[rss.middle, rss.end, rss.idle].map((value) => Math.abs(value - rss.start) / rss.start));
const streamsFinished = streamResults.filter((result) => result.ok).length;
const checks = [
  ['zero errors', errors.length === 0, `${errors.length} of ${latencies.length}`],
  [`RSS flat within ${settings.rssDriftLimit * 100} %`, drift <= settings.rssDriftLimit, `max drift ${(drift * 100).toFixed(1)} %`],
  [`RSS <= ${settings.rssLimitMiB} MiB`, peak <= settings.rssLimitMiB, `peak ${peak.toFixed(1)} MiB`],
  ['shutdown: in-flight streams finished', streamsFinished === settings.shutdownStreams, `${streamsFinished} of ${settings.shutdownStreams}`],
  ['shutdown: new requests refused with 503', refusals.every((status) => status === 503), refusals.join(', ')],
  ['shutdown: process exited 0', exitCode === 0, String(exitCode)],
];
const mib = (value) => `${value.toFixed(1)} MiB`;
console.log(`soak: ${latencies.length} requests in ${soakSeconds.toFixed(1)} s at ${settings.rps}/s target (${(latencies.length / soakSeconds).toFixed(1)}/s achieved), mix ${JSON.stringify(byKind)}`);
console.log(`latency to last byte: p50 ${percentile(0.5).toFixed(1)} ms, p99 ${percentile(0.99).toFixed(1)} ms, max ${latencies.at(-1).toFixed(1)} ms`);
console.log(`gateway RSS: start ${mib(rss.start)}, middle ${mib(rss.middle)}, end ${mib(rss.end)}, after ${settings.idleSeconds} s idle ${mib(rss.idle)}`);
// RSS includes the node binary's pages, shared by every node process on the machine (~40 MiB).
console.log(`gateway private memory: start ${mib(privateMemory.start)}, middle ${mib(privateMemory.middle)}, end ${mib(privateMemory.end)}, idle ${mib(privateMemory.idle)}`);
for (const [name, passed, figure] of checks) console.log(`${passed ? 'PASS' : 'FAIL'}  ${name}: ${figure}`);
if (errors.length > 0) console.log(`first errors:\n  ${[...new Set(errors)].slice(0, 5).join('\n  ')}`);
process.exitCode = checks.every(([, passed]) => passed) ? 0 : 1;
