#!/usr/bin/env node
// Loopback benchmark of POST /v1/chat/completions (non-streamed and streamed) against four
// targets: the testkit OpenAI mock directly, and in front of it a minimal Node proxy (the floor),
// Portkey's open-source gateway and the Switchyard gateway. Prints figures and the gateway's
// targets; it is a measurement, not a test, so a missed target does not fail the run. See
// bench/README.md.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { Agent, request } from 'undici';

const path = (relative) => fileURLToPath(new URL(relative, import.meta.url));
const repoRoot = path('..');
const numberFromEnv = (name, fallback) => {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
};
const seconds = numberFromEnv('BENCH_SECONDS', 5);
const config = {
  seconds,
  latencySeconds: numberFromEnv('BENCH_LATENCY_SECONDS', Math.max(1, Math.ceil(seconds / 2))),
  warmupSeconds: numberFromEnv('BENCH_WARMUP_SECONDS', 1),
  connections: numberFromEnv('BENCH_CONNECTIONS', 16),
  ttfbRequests: numberFromEnv('BENCH_TTFB_REQUESTS', 300),
  words: numberFromEnv('BENCH_WORDS', 30),
  timeoutSeconds: numberFromEnv('BENCH_TIMEOUT_SECONDS', 300),
  targets: (process.env.BENCH_TARGETS ?? 'direct,proxy,portkey,gateway').split(',').map((name) => name.trim()).filter(Boolean),
};

const requestHeaders = {
  'content-type': 'application/json',
  authorization: 'Bearer bench',
  'x-switchyard-provider': 'openai',
};
/** Portkey's gateway has no catalog to point at the mock: it is told per request, by its header API. */
const portkeyHeaders = (mockUrl) => ({
  'content-type': 'application/json',
  authorization: 'Bearer bench',
  'x-portkey-provider': 'openai',
  'x-portkey-custom-host': `${mockUrl}/v1`,
});
// npm's build of Portkey's gateway, a devDependency of bench/ (pnpm-workspace.yaml pins the hono
// versions it needs); BENCH_PORTKEY_MAIN points at another build.
const portkeyMain =
  process.env.BENCH_PORTKEY_MAIN ?? fileURLToPath(new URL('./node_modules/@portkey-ai/gateway/build/start-server.js', import.meta.url));
const messages = [{ role: 'user', content: 'Say hello to the benchmark' }];
const bodies = {
  json: JSON.stringify({ model: 'gpt-4o-mini', messages }),
  stream: JSON.stringify({ model: 'gpt-4o-mini', messages, stream: true, stream_options: { include_usage: true } }),
};

class BenchError extends Error {}

// ---- child processes: every one is killed on exit, error or signal ------------------------

const children = new Set();

function killChildren(signal = 'SIGKILL') {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill(signal);
}
process.on('exit', () => killChildren());
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    console.error(`\nbench: ${signal}, stopping`);
    killChildren();
    process.exit(130);
  });
}

function startChild(name, args, env = {}) {
  const child = spawn(process.execPath, args, {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  children.add(child);
  child.once('exit', () => children.delete(child));
  // Keep draining output (a full pipe would block the child) and keep the tail for errors.
  let tail = '';
  const keep = (chunk) => (tail = (tail + chunk).slice(-4000));
  child.stdout.setEncoding('utf8').on('data', keep);
  child.stderr.setEncoding('utf8').on('data', keep);
  return { name, child, tail: () => tail.trim() };
}

async function stopChild({ child }) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.stdin.end();
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 2_000);
  await exited;
  clearTimeout(timer);
}

/** Resolves with the first JSON line the child prints, e.g. {"port":1234}. */
function firstJsonLine(started, timeoutMs = 10_000) {
  return new Promise((resolve, reject) => {
    let buffer = '';
    const timer = setTimeout(() => fail(`${started.name} printed no port within ${timeoutMs} ms`), timeoutMs);
    const onData = (chunk) => {
      buffer += chunk;
      for (const line of buffer.split('\n')) {
        if (!line.trim().startsWith('{')) continue;
        try {
          const parsed = JSON.parse(line);
          cleanup();
          return resolve(parsed);
        } catch {}
      }
    };
    const onExit = (code) => fail(`${started.name} exited (${code}) before it was ready:\n${started.tail()}`);
    function cleanup() {
      clearTimeout(timer);
      started.child.stdout.off('data', onData);
      started.child.off('exit', onExit);
    }
    function fail(message) {
      cleanup();
      reject(new BenchError(message));
    }
    started.child.stdout.on('data', onData);
    started.child.once('exit', onExit);
  });
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function waitForHealth(started, url, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (started.child.exitCode !== null) {
      throw new BenchError(`${started.name} exited (${started.child.exitCode}) before it was ready:\n${started.tail()}`);
    }
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(1_000) });
      await response.arrayBuffer();
      if (response.status === 200) return;
    } catch {}
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new BenchError(`${started.name} did not answer 200 on ${url} within ${timeoutMs} ms:\n${started.tail()}`);
}

// ---- measurements -------------------------------------------------------------------------

const clockTicks = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/** User + system CPU seconds of a process so far, from /proc (undefined off Linux). */
function cpuSeconds(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the parenthesised command name; utime and stime are fields 14 and 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / clockTicks;
  } catch {
    return undefined;
  }
}

function percentile(sorted, fraction) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))];
}

/** One autocannon run; latencies come from its per-response event, to the microsecond. */
async function cannon(url, headers, body, connections, duration, pid) {
  const times = [];
  const before = pid ? cpuSeconds(pid) : undefined;
  const instance = autocannon({ url, method: 'POST', headers, body, connections, duration, timeout: 10 });
  instance.on('response', (_client, status, _bytes, milliseconds) => {
    if (status === 200) times.push(milliseconds);
  });
  const result = await instance;
  const after = pid ? cpuSeconds(pid) : undefined;
  times.sort((a, b) => a - b);
  const failures = result.non2xx + result.errors + result.timeouts;
  return {
    requests: times.length,
    rps: times.length / result.duration,
    p50: percentile(times, 0.5),
    p99: percentile(times, 0.99),
    failures,
    cpuMicrosPerRequest:
      before !== undefined && after !== undefined && times.length > 0 ? ((after - before) * 1e6) / times.length : undefined,
  };
}

/** N sequential streamed requests on one keep-alive connection: time to the first body chunk. */
async function timeToFirstByte(url, headers, count) {
  const agent = new Agent({ connections: 1, keepAliveTimeout: 30_000 });
  const samples = [];
  try {
    for (let index = 0; index < count + 20; index++) {
      const started = performance.now();
      const response = await request(url, {
        method: 'POST',
        headers,
        body: bodies.stream,
        dispatcher: agent,
        headersTimeout: 10_000,
        bodyTimeout: 10_000,
      });
      let first;
      for await (const _chunk of response.body) first ??= performance.now() - started;
      if (response.statusCode !== 200) throw new BenchError(`TTFB request answered ${response.statusCode}`);
      if (index >= 20) samples.push(first); // the first 20 warm the connection and the JIT
    }
  } finally {
    await agent.close();
  }
  samples.sort((a, b) => a - b);
  return { p50: percentile(samples, 0.5), p99: percentile(samples, 0.99) };
}

/** One request of each kind, so a broken target fails loudly instead of being benchmarked. */
async function sanityCheck(name, url, headers) {
  for (const [kind, body] of Object.entries(bodies)) {
    const response = await request(url, { method: 'POST', headers, body, headersTimeout: 10_000, bodyTimeout: 10_000 });
    const text = await response.body.text();
    const ok = response.statusCode === 200 && (kind === 'json' ? text.includes('echo:') : text.includes('data: [DONE]'));
    if (!ok) throw new BenchError(`${name} answered a ${kind} request with ${response.statusCode}: ${text.slice(0, 300)}`);
  }
}

/** Measures one target; if its process died meanwhile, says so rather than "connection refused". */
async function measure(name, url, started, headers = requestHeaders) {
  try {
    return await measureTarget(name, url, headers, started.child.pid);
  } catch (error) {
    const { exitCode, signalCode } = started.child;
    if (exitCode === null && signalCode === null) throw error;
    throw new BenchError(`${name} exited (${exitCode ?? signalCode}) during the run:\n${started.tail()}`);
  }
}

async function measureTarget(name, url, headers, pid) {
  process.stdout.write(`  ${name.padEnd(8)} warming up`);
  await sanityCheck(name, url, headers);
  await cannon(url, headers, bodies.json, config.connections, config.warmupSeconds);
  process.stdout.write(', loaded');
  const loadedJson = await cannon(url, headers, bodies.json, config.connections, config.seconds, pid);
  const loadedStream = await cannon(url, headers, bodies.stream, config.connections, config.seconds, pid);
  process.stdout.write(', unloaded');
  const unloadedJson = await cannon(url, headers, bodies.json, 1, config.latencySeconds);
  const unloadedStream = await cannon(url, headers, bodies.stream, 1, config.latencySeconds);
  process.stdout.write(', ttfb');
  const ttfb = await timeToFirstByte(url, headers, config.ttfbRequests);
  process.stdout.write(' — done\n');
  return {
    name,
    json: { loaded: loadedJson, unloaded: unloadedJson },
    stream: { loaded: loadedStream, unloaded: unloadedStream },
    ttfb,
  };
}

// ---- report -------------------------------------------------------------------------------

const ms = (value) => (Number.isFinite(value) ? value.toFixed(3) : 'n/a');
const signedMs = (value) => (Number.isFinite(value) ? `${value >= 0 ? '+' : ''}${value.toFixed(3)}` : '—');
const micros = (value) => (Number.isFinite(value) ? value.toFixed(1) : 'n/a');
const integer = (value) => (Number.isFinite(value) ? Math.round(value).toLocaleString('en-US') : 'n/a');

function table(rows, leftColumns = 2) {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => String(row[column]).length)));
  return rows
    .map((row, index) => {
      const line = row.map((cell, column) => (column < leftColumns ? String(cell).padEnd(widths[column]) : String(cell).padStart(widths[column]))).join('  ');
      return index === 0 ? `${line}\n${widths.map((width) => '-'.repeat(width)).join('  ')}` : line;
    })
    .join('\n');
}

function report(results) {
  const direct = results.find((result) => result.name === 'direct');
  const rows = [[
    'target', 'mode', `rps (${config.connections}c)`, 'p50 ms', 'p99 ms', 'p50 1c ms', 'p99 1c ms', '+p50 1c vs direct', 'cpu µs/req', 'failed',
  ]];
  for (const result of results) {
    for (const mode of ['json', 'stream']) {
      const { loaded, unloaded } = result[mode];
      rows.push([
        result.name,
        mode,
        integer(loaded.rps),
        ms(loaded.p50),
        ms(loaded.p99),
        ms(unloaded.p50),
        ms(unloaded.p99),
        direct && result !== direct ? signedMs(unloaded.p50 - direct[mode].unloaded.p50) : '—',
        micros(loaded.cpuMicrosPerRequest),
        loaded.failures + unloaded.failures,
      ]);
    }
  }
  console.log(`\n${table(rows)}`);

  const ttfbRows = [['target', 'ttfb p50 ms', 'ttfb p99 ms', '+p50 vs direct']];
  for (const result of results) {
    ttfbRows.push([result.name, ms(result.ttfb.p50), ms(result.ttfb.p99), direct && result !== direct ? signedMs(result.ttfb.p50 - direct.ttfb.p50) : '—']);
  }
  console.log(`\nstreamed time to first body byte, ${config.ttfbRequests} sequential requests on one connection\n${table(ttfbRows, 1)}`);

  const proxy = results.find((result) => result.name === 'proxy');
  const gateway = results.find((result) => result.name === 'gateway');
  if (!gateway) return;
  const verdict = (ok) => (ok === undefined ? 'n/a ' : ok ? 'PASS' : 'MISS');
  const lines = ['\ntargets (gateway, passthrough)'];
  for (const mode of ['json', 'stream']) {
    const ratio = proxy ? gateway[mode].loaded.cpuMicrosPerRequest / proxy[mode].loaded.cpuMicrosPerRequest : NaN;
    lines.push(`  ${verdict(Number.isFinite(ratio) ? ratio <= 1.5 : undefined)}  ${mode.padEnd(6)} CPU per request ≤ 1.5× minimal proxy: ${Number.isFinite(ratio) ? `${ratio.toFixed(2)}×` : 'n/a'}`);
  }
  for (const mode of ['json', 'stream']) {
    const added = direct ? gateway[mode].unloaded.p50 - direct[mode].unloaded.p50 : NaN;
    lines.push(`  ${verdict(Number.isFinite(added) ? added <= 0.5 : undefined)}  ${mode.padEnd(6)} added p50 unloaded ≤ 0.5 ms: ${signedMs(added)} ms`);
  }
  const ttfbAdded = direct ? gateway.ttfb.p50 - direct.ttfb.p50 : NaN;
  lines.push(`  ${verdict(Number.isFinite(ttfbAdded) ? ttfbAdded <= 1 : undefined)}  stream TTFB p50 within 1 ms of direct: ${signedMs(ttfbAdded)} ms`);
  console.log(lines.join('\n'));
  const portkey = results.find((result) => result.name === 'portkey');
  if (portkey) console.log(versusPortkey(gateway, portkey, direct));
}

/** Side by side with Portkey's gateway: figures, not targets (its work per request is not ours). */
function versusPortkey(gateway, portkey, direct) {
  const ratio = (ours, theirs) => (Number.isFinite(ours / theirs) ? `${(ours / theirs).toFixed(2)}×` : 'n/a');
  const lines = ['\ngateway beside Portkey\'s gateway (gateway ÷ portkey: CPU below 1 is cheaper, rps above 1 serves more)'];
  for (const mode of ['json', 'stream']) {
    const ours = gateway[mode];
    const theirs = portkey[mode];
    const added = (target) => (direct ? target.unloaded.p50 - direct[mode].unloaded.p50 : NaN);
    lines.push(
      `  ${mode.padEnd(6)} CPU per request ${ratio(ours.loaded.cpuMicrosPerRequest, theirs.loaded.cpuMicrosPerRequest)}` +
        ` (${micros(ours.loaded.cpuMicrosPerRequest)} vs ${micros(theirs.loaded.cpuMicrosPerRequest)} µs),` +
        ` rps ${ratio(ours.loaded.rps, theirs.loaded.rps)}, added p50 unloaded ${signedMs(added(ours))} vs ${signedMs(added(theirs))} ms`,
    );
  }
  lines.push(`  stream TTFB p50 ${ms(gateway.ttfb.p50)} vs ${ms(portkey.ttfb.p50)} ms`);
  return lines.join('\n');
}

// ---- main ---------------------------------------------------------------------------------

async function main() {
  const watchdog = setTimeout(() => {
    console.error(`\nbench: still running after BENCH_TIMEOUT_SECONDS=${config.timeoutSeconds}; stopping`);
    killChildren();
    process.exit(2);
  }, config.timeoutSeconds * 1000);
  watchdog.unref();

  const gatewayMain = process.env.BENCH_GATEWAY_MAIN ?? path('../apps/gateway/dist/main.js');
  const wantGateway = config.targets.includes('gateway');
  const gatewayMissing = wantGateway && !existsSync(gatewayMain)
    ? `gateway: not measured — ${gatewayMain} is missing. Build it first: pnpm --filter @switchyard/gateway... build`
    : undefined;
  const wantPortkey = config.targets.includes('portkey');
  const portkeyMissing = wantPortkey && !existsSync(portkeyMain)
    ? `portkey: not measured — ${portkeyMain} is missing. Install bench/'s dependencies: pnpm install`
    : undefined;

  console.log(
    `bench: node ${process.version}, ${os.cpus().length} cpu(s), ${config.seconds}s loaded runs at ${config.connections} connections, ` +
      `${config.latencySeconds}s unloaded runs, ${config.words}-word replies, targets ${config.targets.join(', ')}`,
  );
  if (gatewayMissing) console.log(`bench: ${gatewayMissing}`);
  if (portkeyMissing) console.log(`bench: ${portkeyMissing}`);

  const started = [];
  const results = [];
  try {
    const mock = startChild('mock', [path('./mock-upstream.mjs')], { BENCH_WORDS: String(config.words) });
    started.push(mock);
    const { port: mockPort } = await firstJsonLine(mock);
    const mockUrl = `http://127.0.0.1:${mockPort}`;

    if (config.targets.includes('direct')) {
      results.push(await measure('direct', `${mockUrl}/v1/chat/completions`, mock));
    }
    if (config.targets.includes('proxy')) {
      const proxy = startChild('proxy', [path('./minimal-proxy.mjs')], { UPSTREAM_URL: mockUrl });
      started.push(proxy);
      const { port } = await firstJsonLine(proxy);
      results.push(await measure('proxy', `http://127.0.0.1:${port}/v1/chat/completions`, proxy));
      await stopChild(proxy);
    }
    if (wantPortkey && !portkeyMissing) {
      const port = await freePort();
      // Started as its npm bin starts it; --headless leaves out its log console (no request log kept).
      const portkey = startChild('portkey', [portkeyMain, '--headless', `--port=${port}`]);
      started.push(portkey);
      await waitForHealth(portkey, `http://127.0.0.1:${port}/`);
      results.push(await measure('portkey', `http://127.0.0.1:${port}/v1/chat/completions`, portkey, portkeyHeaders(mockUrl)));
      await stopChild(portkey);
    }
    if (wantGateway && !gatewayMissing) {
      const port = await freePort();
      // The node flags `pnpm start` and the gateway's own shebang use, so this is the deployed process.
      const gatewayFlags = (process.env.BENCH_GATEWAY_NODE_OPTIONS ?? '--max-semi-space-size=2').split(/\s+/).filter(Boolean);
      // BENCH_GATEWAY_CONFIG: a config file for the gateway (say, one that turns the request log and
      // metrics off to measure plain passthrough); without it the gateway runs its built-in defaults.
      const gatewayConfig = process.env.BENCH_GATEWAY_CONFIG ? ['--config', process.env.BENCH_GATEWAY_CONFIG] : [];
      const gateway = startChild('gateway', [...gatewayFlags, gatewayMain, ...gatewayConfig], {
        PORT: String(port),
        HOST: '127.0.0.1',
        OPENAI_API_KEY: 'bench',
        OPENAI_BASE_URL: `${mockUrl}/v1`,
        LOG_LEVEL: 'silent',
      });
      started.push(gateway);
      await waitForHealth(gateway, `http://127.0.0.1:${port}/health`);
      results.push(await measure('gateway', `http://127.0.0.1:${port}/v1/chat/completions`, gateway));
      await stopChild(gateway);
    }
  } finally {
    await Promise.all(started.map(stopChild));
  }

  if (results.length) report(results);
  if (process.env.BENCH_JSON) {
    writeFileSync(process.env.BENCH_JSON, JSON.stringify({ config, node: process.version, cpus: os.cpus().length, results }, null, 2));
    console.log(`\nbench: results written to ${process.env.BENCH_JSON}`);
  }
  for (const missing of [gatewayMissing, portkeyMissing]) {
    if (!missing) continue;
    console.error(`\nbench: ${missing}`);
    process.exitCode = 1;
  }
}

main().catch((error) => {
  console.error(`\nbench: ${error instanceof BenchError ? error.message : error?.stack ?? error}`);
  killChildren();
  process.exit(1);
});
