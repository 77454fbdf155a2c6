#!/usr/bin/env node
// Observability on vs off: the gateway's CPU per request with the request log (SQLite), metrics
// and traces (OTLP/HTTP to a local sink) all on, against all off; and the gateway's own
// `x-switchyard-overhead-ms` header next to the overhead measured from outside (latency through
// the gateway minus latency straight to the mock). Runs everything from source under tsx, so it
// needs no build; both modes run the same way, so their ratio is fair. See bench/README.md.
//   BENCH_SECONDS (5)  BENCH_ROUNDS (2 per mode, alternating)  BENCH_SAMPLES (400)  BENCH_CONNECTIONS (16)
//   BENCH_RATE (1500 requests/s offered in the loaded runs; `max` for as many as the gateway takes)
//   BENCH_MODES (off,on; also on-sampled = traces at 10 %, logs, metrics, tracing = one feature alone)
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { Agent, request } from 'undici';

const path = (relative) => fileURLToPath(new URL(relative, import.meta.url));
const gatewayDir = path('../apps/gateway');
const env = (name, fallback) => (Number(process.env[name]) > 0 ? Number(process.env[name]) : fallback);
const seconds = env('BENCH_SECONDS', 5);
const rounds = env('BENCH_ROUNDS', 2);
const samples = env('BENCH_SAMPLES', 400);
const connections = env('BENCH_CONNECTIONS', 16);
// A fixed offered load: at saturation the modes are not doing the same work. The OTLP sink and
// autocannon share this process and the machine's cores, so a mode that exports spans gets fewer
// requests offered, and a gateway that is less loaded spends more CPU per request (fewer requests
// share each socket write and event-loop turn). `BENCH_RATE=max` measures at saturation instead.
const rate = process.env.BENCH_RATE === 'max' ? undefined : env('BENCH_RATE', 1500);
const headers = { 'content-type': 'application/json', authorization: 'Bearer bench', 'x-switchyard-provider': 'openai' };
const messages = [{ role: 'user', content: 'Say hello to the benchmark' }];
const bodies = {
  json: JSON.stringify({ model: 'gpt-4o-mini', messages }),
  stream: JSON.stringify({ model: 'gpt-4o-mini', messages, stream: true, stream_options: { include_usage: true } }),
};
const children = new Set();
process.on('exit', () => children.forEach((child) => child.kill('SIGKILL')));

function start(name, args, extraEnv = {}) {
  const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', ...args], { cwd: gatewayDir, env: { ...process.env, ...extraEnv }, stdio: ['pipe', 'pipe', 'pipe'] });
  children.add(child);
  child.once('exit', () => children.delete(child));
  let tail = '';
  child.stdout.setEncoding('utf8').on('data', (chunk) => (tail = (tail + chunk).slice(-4000)));
  child.stderr.setEncoding('utf8').on('data', (chunk) => (tail = (tail + chunk).slice(-4000)));
  return { name, child, tail: () => tail };
}
async function stop({ child }) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.stdin.end();
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}
async function waitFor(check, what, started, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (started.child.exitCode !== null) throw new Error(`${started.name} exited before ${what}:\n${started.tail()}`);
    const value = await check().catch(() => undefined);
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${started.name}: no ${what} within ${timeoutMs} ms:\n${started.tail()}`);
}
const clockTicks = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();
function cpuSeconds(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / clockTicks;
}
const percentile = (sorted, fraction) => sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))];
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function loaded(url, body, pid) {
  const before = cpuSeconds(pid);
  let ok = 0;
  const instance = autocannon({ url, method: 'POST', headers, body, connections, duration: seconds, timeout: 10, ...(rate ? { overallRate: rate } : {}) });
  instance.on('response', (_client, status) => status === 200 && ok++);
  const result = await instance;
  const cpu = cpuSeconds(pid) - before;
  return { rps: ok / result.duration, cpuMicros: (cpu * 1e6) / ok, failed: result.non2xx + result.errors + result.timeouts };
}

/** Sequential requests on one connection: outside latency (to the last byte, and to the first for streams) and the overhead header. */
async function sequential(url, body, count) {
  const agent = new Agent({ connections: 1, keepAliveTimeout: 30_000 });
  const total = [];
  const first = [];
  const header = [];
  try {
    for (let index = 0; index < count + 30; index++) {
      const started = performance.now();
      const response = await request(url, { method: 'POST', headers, body, dispatcher: agent });
      let firstAt;
      for await (const _chunk of response.body) firstAt ??= performance.now();
      const ended = performance.now();
      if (response.statusCode !== 200) throw new Error(`answered ${response.statusCode}`);
      if (index < 30) continue; // warm the connection and the JIT
      total.push(ended - started);
      first.push((firstAt ?? ended) - started);
      const value = response.headers['x-switchyard-overhead-ms'];
      if (value !== undefined) header.push(Number(value));
    }
  } finally {
    await agent.close();
  }
  for (const list of [total, first, header]) list.sort((a, b) => a - b);
  return { total, first, header };
}

async function main() {
  const folder = mkdtempSync(join(os.tmpdir(), 'switchyard-bench-obs-'));
  let spans = 0;
  let spanBytes = 0;
  // The OTLP/HTTP collector: takes the exports and answers 200, like a collector would.
  const sink = createServer((req, res) => {
    spans++;
    req.on('data', (chunk) => (spanBytes += chunk.length)).on('end', () => res.writeHead(200, { 'content-type': 'application/json' }).end('{}'));
  });
  await new Promise((resolve) => sink.listen(0, '127.0.0.1', resolve));
  const configs = {
    off: { logs: { store: 'off' }, metrics: { enabled: false } },
    on: { logs: { store: 'sqlite', path: join(folder, 'logs.db') }, metrics: { enabled: true }, tracing: { otlpEndpoint: `http://127.0.0.1:${sink.address().port}` } },
  };
  // Single features, to see where the cost is: BENCH_MODES=off,logs,metrics,tracing,on
  configs['on-sampled'] = { ...configs.on, tracing: { ...configs.on.tracing, sampleRatio: 0.1 } };
  configs.logs = { ...configs.off, logs: configs.on.logs };
  configs.metrics = { ...configs.off, metrics: { enabled: true } };
  configs.tracing = { ...configs.off, tracing: configs.on.tracing };
  const modes = (process.env.BENCH_MODES ?? 'off,on').split(',').map((mode) => mode.trim()).filter((mode) => configs[mode]);
  for (const [mode, config] of Object.entries(configs)) writeFileSync(join(folder, `${mode}.json`), JSON.stringify(config));

  console.log(`bench observability: node ${process.version}, ${os.cpus().length} cpu(s), ${seconds}s loaded runs at ${connections} connections, ${rate ? `${rate} requests/s offered` : 'saturated'}, ${rounds} rounds per mode, ${samples} sequential samples`);
  const mock = start('mock', [path('./source-mock-upstream.mjs')]);
  const results = Object.fromEntries(modes.map((mode) => [mode, []]));
  try {
    const { port: mockPort } = await waitFor(async () => {
      const line = mock.tail().split('\n').find((candidate) => candidate.startsWith('{"port"'));
      return line ? JSON.parse(line) : undefined;
    }, 'port', mock);
    const mockUrl = `http://127.0.0.1:${mockPort}`;

    const order = Array.from({ length: rounds }, () => modes).flat();
    for (const [index, mode] of order.entries()) {
      const port = 19_000 + Math.floor(Math.random() * 20_000);
      rmSync(join(folder, 'logs.db'), { force: true });
      const gateway = start(`gateway (${mode})`, ['src/main.ts', '--config', join(folder, `${mode}.json`)], { PORT: String(port), HOST: '127.0.0.1', OPENAI_API_KEY: 'bench', OPENAI_BASE_URL: `${mockUrl}/v1`, LOG_LEVEL: 'silent' });
      const url = `http://127.0.0.1:${port}/v1/chat/completions`;
      await waitFor(async () => ((await fetch(`http://127.0.0.1:${port}/health`)).status === 200 ? true : undefined), 'health', gateway);
      process.stdout.write(`  round ${index + 1}/${order.length} ${mode.padEnd(3)}: warm-up`);
      await autocannon({ url, method: 'POST', headers, body: bodies.json, connections, duration: 2 });
      await autocannon({ url, method: 'POST', headers, body: bodies.stream, connections, duration: 1 });
      process.stdout.write(', loaded');
      const json = await loaded(url, bodies.json, gateway.child.pid);
      const stream = await loaded(url, bodies.stream, gateway.child.pid);
      process.stdout.write(', sequential');
      // The direct baseline is taken again right before, so both sides see the same machine load.
      const directJson = await sequential(`${mockUrl}/v1/chat/completions`, bodies.json, samples);
      const sequentialJson = await sequential(url, bodies.json, samples);
      const directStream = await sequential(`${mockUrl}/v1/chat/completions`, bodies.stream, samples);
      const sequentialStream = await sequential(url, bodies.stream, samples);
      process.stdout.write(' — done\n');
      results[mode].push({ json, stream, sequentialJson, sequentialStream, directJson, directStream });
      await stop(gateway);
    }

    const fmt = (value, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : 'n/a');
    console.log('\nCPU per request of the gateway process (median of rounds)');
    console.log('mode        json µs/req  stream µs/req  json rps  stream rps  failed');
    const cpu = {};
    for (const mode of modes) {
      const runs = results[mode];
      cpu[mode] = { json: median(runs.map((run) => run.json.cpuMicros)), stream: median(runs.map((run) => run.stream.cpuMicros)) };
      const failed = runs.reduce((sum, run) => sum + run.json.failed + run.stream.failed, 0);
      console.log(`${mode.padEnd(10)}  ${fmt(cpu[mode].json).padStart(11)}  ${fmt(cpu[mode].stream).padStart(13)}  ${fmt(median(runs.map((run) => run.json.rps)), 0).padStart(8)}  ${fmt(median(runs.map((run) => run.stream.rps)), 0).padStart(10)}  ${String(failed).padStart(6)}`);
      console.log(`      rounds: json ${runs.map((run) => fmt(run.json.cpuMicros)).join(', ')}; stream ${runs.map((run) => fmt(run.stream.cpuMicros)).join(', ')}`);
    }
    for (const mode of modes.filter((mode) => mode !== 'off' && cpu.off)) {
      for (const kind of ['json', 'stream']) {
        const ratio = cpu[mode][kind] / cpu.off[kind];
        const label = mode === 'on' ? 'observability on' : mode === 'on-sampled' ? 'all on, traces sampled at 10 %,' : `${mode} only`;
        console.log(`  ${mode === 'on' ? (ratio <= 1.15 ? 'PASS' : 'MISS') : '    '}  ${kind.padEnd(6)} CPU per request, ${label} vs off${mode === 'on' ? ' ≤ 1.15×' : ''}: ${fmt(ratio, 3)}×`);
      }
    }

    console.log(`\noverhead: the x-switchyard-overhead-ms header vs outside (gateway latency − direct latency, percentile by percentile), ${samples} sequential requests, last round of each mode, ms; tails of a difference of two runs are noisy, the p50 is the figure to compare`);
    console.log('mode        kind    measure                         p50     p90     p99');
    for (const mode of modes) {
      const last = results[mode].at(-1);
      for (const [kind, runs, base] of [['json', last.sequentialJson, last.directJson], ['stream', last.sequentialStream, last.directStream]]) {
        const outside = kind === 'json' ? [runs.total, base.total] : [runs.first, base.first];
        const row = (label, values) => console.log(`${mode.padEnd(10)}  ${kind.padEnd(6)}  ${label.padEnd(30)}  ${[0.5, 0.9, 0.99].map((fraction) => fmt(values(fraction), 3).padStart(6)).join('  ')}`);
        row(kind === 'json' ? 'header (whole request)' : 'header (up to first byte)', (fraction) => percentile(runs.header, fraction));
        row(kind === 'json' ? 'outside, total latency added' : 'outside, first byte added', (fraction) => percentile(outside[0], fraction) - percentile(outside[1], fraction));
      }
    }
    let logged = 'n/a';
    try {
      logged = `${(statSync(join(folder, 'logs.db')).size / 1024).toFixed(0)} KiB SQLite (+WAL)`;
    } catch {}
    console.log(`\nwith observability on: log ${logged}; ${spans} OTLP exports received (${(spanBytes / 1024).toFixed(0)} KiB)`);
  } finally {
    await stop(mock);
    sink.close();
    rmSync(folder, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(`\nbench: ${error?.stack ?? error}`);
  process.exit(1);
});
