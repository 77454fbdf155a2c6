#!/usr/bin/env node
// Observability on vs off: the gateway's CPU per request with the request log (SQLite), metrics
// and traces (OTLP/HTTP to a local sink) all on, against all off; and the gateway's own
// `x-switchyard-overhead-ms` header next to the overhead measured from outside (latency through
// the gateway minus latency straight to the mock). Runs the built gateway when there is one, else
// its source under tsx (the mock always from source); both modes run the same way. See bench/README.md.
//   BENCH_WORKLOAD (minimal: a one-line question and a 30-word answer, the worst case; typical: a 2.7 KB conversation and a 250-word answer)  BENCH_WORDS (words per answer)
//   BENCH_GATEWAY (`source`: the gateway from source under tsx even when it is built)
//   BENCH_SECONDS (1 per burst)  BENCH_ROUNDS (30 bursts per process and kind)  BENCH_WARMUP_ROUNDS (8, uncounted)  BENCH_SAMPLES (400)  BENCH_CONNECTIONS (16)
//   BENCH_RATE (1500 requests/s offered in the loaded runs; `max` for as many as the gateway takes)
//   BENCH_PATTERN (bursts: one gateway at a time, as above; steady: every gateway at once at BENCH_STEADY_RATE, 250 requests/s each)
//   BENCH_MODES (off,on; also on-sampled = traces at 10 %, logs, metrics, tracing = one feature alone)
//   BENCH_PROCESSES (2 gateway processes per mode: one process's luck moves its CPU per request by ±10 %)
//   BENCH_GATEWAY_NODE_OPTIONS (--max-semi-space-size=2, as `pnpm start` runs the gateway)
//   BENCH_KEEPWARM_RPS (40 requests/s to every gateway throughout, so none idles between its bursts; 0: none)
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { Agent, request } from 'undici';

const path = (relative) => fileURLToPath(new URL(relative, import.meta.url));
const gatewayDir = path('../apps/gateway');
const env = (name, fallback) => (Number(process.env[name]) > 0 ? Number(process.env[name]) : fallback);
const seconds = env('BENCH_SECONDS', 1);
const rounds = env('BENCH_ROUNDS', 30);
const processes = env('BENCH_PROCESSES', 2);
const samples = env('BENCH_SAMPLES', 400);
const warmupRounds = process.env.BENCH_WARMUP_ROUNDS === '0' ? 0 : env('BENCH_WARMUP_ROUNDS', 8);
const connections = env('BENCH_CONNECTIONS', 16);
// Requests per second each gateway gets throughout the bursts (see keepWarm); 0 lets them idle between theirs.
const keepWarmRps = process.env.BENCH_KEEPWARM_RPS === '0' ? 0 : env('BENCH_KEEPWARM_RPS', 40);
// A fixed offered load: at saturation the modes are not doing the same work. The OTLP sink,
// autocannon and the gateways share the machine's cores, so a mode that exports spans gets fewer
// requests offered, and a gateway that is less loaded spends more CPU per request (fewer requests
// share each socket write and event-loop turn). `BENCH_RATE=max` measures at saturation instead.
const rate = process.env.BENCH_RATE === 'max' ? undefined : env('BENCH_RATE', 1500);
const pattern = process.env.BENCH_PATTERN === 'steady' ? 'steady' : 'bursts';
const steadyRate = env('BENCH_STEADY_RATE', 250);
const headers = { 'content-type': 'application/json', authorization: 'Bearer bench', 'x-switchyard-provider': 'openai' };
// What each request asks and gets. Observability's work is per request (a log row or two, two
// spans, a few metric updates), whatever the request's size, so its share depends on the request:
//   minimal  one short user message, a 30-word answer: the least work a gateway does for a chat
//            request, so the largest share observability can have (the worst case)
//   typical  a chat application's request: a system prompt, three earlier exchanges and the new
//            question (a 2.7 KB body), a 250-word answer (250 content chunks when streamed)
const workload = process.env.BENCH_WORKLOAD === 'typical' ? 'typical' : 'minimal';
const answerWords = env('BENCH_WORDS', workload === 'typical' ? 250 : 30);
const messages = workload === 'typical' ? typicalConversation() : [{ role: 'user', content: 'Say hello to the benchmark' }];
const parameters = workload === 'typical' ? { temperature: 0.7, max_tokens: 1024 } : {};
const bodies = {
  json: JSON.stringify({ model: 'gpt-4o-mini', messages, ...parameters }),
  stream: JSON.stringify({ model: 'gpt-4o-mini', messages, ...parameters, stream: true, stream_options: { include_usage: true } }),
};
const children = new Set();
process.on('exit', () => children.forEach((child) => child.kill('SIGKILL')));

// The gateway runs with the node flags `pnpm start` and the bins use (a 2 MB young generation);
// BENCH_GATEWAY_NODE_OPTIONS replaces them (`""` for plain node). The mock runs without them.
const gatewayFlags = (process.env.BENCH_GATEWAY_NODE_OPTIONS ?? '--max-semi-space-size=2').split(/\s+/).filter(Boolean);

// The gateway as it ships (`apps/gateway/dist/main.js`, what `pnpm start` runs) when it is built,
// else its source under tsx; BENCH_GATEWAY=source picks the source. Under tsx the same requests
// allocate about 40 KB more each, so the two give different figures.
const builtGateway = path('../apps/gateway/dist/main.js');
const gatewayFromSource = process.env.BENCH_GATEWAY === 'source' || !existsSync(builtGateway);

/** A child node process in the gateway's folder; `tsx` loads TypeScript sources. */
function start(name, args, extraEnv = {}, flags = [], tsx = true) {
  const child = spawn(process.execPath, [...flags, ...(tsx ? ['--conditions=source', '--import', 'tsx'] : []), ...args], { cwd: gatewayDir, env: { ...process.env, ...extraEnv }, stdio: ['pipe', 'pipe', 'pipe'] });
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
// CPU time of every thread of the process (JS, GC helpers, libuv), in seconds. The scheduler's
// nanosecond count (schedstat) where there is one: /proc/<pid>/stat counts in 10 ms ticks, coarse
// for one-second bursts.
function cpuSeconds(pid) {
  try {
    let nanoseconds = 0;
    for (const thread of readdirSync(`/proc/${pid}/task`)) {
      try {
        nanoseconds += Number(readFileSync(`/proc/${pid}/task/${thread}/schedstat`, 'utf8').split(' ')[0]);
      } catch {
        // The thread ended between the listing and the read.
      }
    }
    if (nanoseconds > 0) return nanoseconds / 1e9;
  } catch {
    // No schedstat (a kernel without it): fall back to the tick counts.
  }
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / clockTicks;
}
const percentile = (sorted, fraction) => sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))];
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** One burst of load at the offered rate; the caller reads the CPU counter around it. */
async function loaded(url, body, offered) {
  let ok = 0;
  const instance = autocannon({ url, method: 'POST', headers, body, connections, duration: seconds, timeout: 10, ...(offered ? { overallRate: offered } : {}) });
  instance.on('response', (_client, status) => status === 200 && ok++);
  const result = await instance;
  return { ok, rps: ok / result.duration, failed: result.non2xx + result.errors + result.timeouts };
}

/**
 * A trickle of requests (json and streamed in turn) to one gateway, on one connection, for as long
 * as the bursts run, so that no gateway goes idle between its bursts. An idle V8 process runs its
 * memory reducer some 7-8 s after the load stops (full collections: ~200 ms of CPU for a gateway
 * here) and flushes the bytecode of functions it no longer runs, to recompile them under the next
 * burst. A gateway under steady traffic does neither, and a burst's CPU would count both.
 */
function keepWarm(url) {
  const agent = new Agent({ connections: 1, keepAliveTimeout: 30_000 });
  let ok = 0;
  let stopped = false;
  const running = (async () => {
    for (let index = 0; !stopped; index++) {
      const started = performance.now();
      try {
        const response = await request(url, { method: 'POST', headers, body: index % 2 === 0 ? bodies.json : bodies.stream, dispatcher: agent });
        await response.body.text();
        if (response.statusCode === 200) ok++;
      } catch {
        // A failed trickle request counts nowhere; the bursts report failures.
      }
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, 1000 / keepWarmRps - (performance.now() - started))));
    }
    await agent.close();
  })();
  return {
    answered: () => ok,
    async stop() {
      stopped = true;
      await running;
    },
  };
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
  // The collector runs in its own process: in this one it would compete with autocannon, and read
  // the exports late, which makes sending them dearer for the gateway than against a real collector.
  const sink = spawn(process.execPath, [path('./otlp-sink.mjs')], { stdio: ['pipe', 'pipe', 'inherit'] });
  children.add(sink);
  let sinkOutput = '';
  sink.stdout.setEncoding('utf8').on('data', (chunk) => (sinkOutput += chunk));
  const sinkPort = await new Promise((resolve, reject) => {
    const check = setInterval(() => {
      const line = sinkOutput.split('\n').find((candidate) => candidate.startsWith('{"port"'));
      if (line) {
        clearInterval(check);
        resolve(JSON.parse(line).port);
      }
    }, 20);
    sink.once('exit', () => reject(new Error('the OTLP sink exited before listening')));
  });
  const configs = {
    off: { logs: { store: 'off' }, metrics: { enabled: false } },
    on: { logs: { store: 'sqlite', path: join(folder, 'logs.db') }, metrics: { enabled: true }, tracing: { otlpEndpoint: `http://127.0.0.1:${sinkPort}` } },
  };
  // Single features, to see where the cost is: BENCH_MODES=off,logs,metrics,tracing,on
  configs['on-sampled'] = { ...configs.on, tracing: { ...configs.on.tracing, sampleRatio: 0.1 } };
  configs.logs = { ...configs.off, logs: configs.on.logs };
  configs.metrics = { ...configs.off, metrics: { enabled: true } };
  configs.tracing = { ...configs.off, tracing: configs.on.tracing };
  const modes = (process.env.BENCH_MODES ?? 'off,on').split(',').map((mode) => mode.trim()).filter((mode) => configs[mode]);
  // Each mode runs in several processes: two processes of one config differ by up to ±10 % in CPU
  // per request (what V8 optimized, heap layout, GC timing), as much as the effect measured, so one
  // process per mode would compare processes rather than modes. Instances interleave the modes.
  const instances = Array.from({ length: processes }, (_, index) => modes.map((mode) => ({ mode, name: `${mode}#${index + 1}` }))).flat();
  for (const { mode, name } of instances) {
    // The gateways run side by side: each one logging keeps its own file.
    const config = configs[mode];
    const own = config.logs.store === 'sqlite' ? { ...config, logs: { ...config.logs, path: join(folder, `logs-${name}.db`) } } : config;
    writeFileSync(join(folder, `${name}.json`), JSON.stringify(own));
  }

  console.log(`bench observability: node ${process.version}, gateway ${gatewayFromSource ? 'from source (tsx)' : 'built (apps/gateway/dist)'}${gatewayFlags.length ? ` (gateway: ${gatewayFlags.join(' ')})` : ''}, ${os.cpus().length} cpu(s), ${processes} gateway process(es) per mode, ${rounds} rounds of ${seconds}s ${pattern === 'steady' ? `steady load on every gateway at once at ${steadyRate} requests/s each` : `bursts per process and kind at ${rate ? `${rate} requests/s offered` : 'saturation'}`}, ${connections} connections, ${samples} sequential samples; ${workload} requests (${Buffer.byteLength(bodies.json)}-byte body, ${answerWords}-word answers)`);
  const mock = start('mock', [path('./source-mock-upstream.mjs')], { BENCH_WORDS: String(answerWords) });
  const results = Object.fromEntries(modes.map((mode) => [mode, []]));
  const byInstance = Object.fromEntries(instances.map(({ name }) => [name, []]));
  const gateways = {};
  try {
    const { port: mockPort } = await waitFor(async () => {
      const line = mock.tail().split('\n').find((candidate) => candidate.startsWith('{"port"'));
      return line ? JSON.parse(line) : undefined;
    }, 'port', mock);
    const mockUrl = `http://127.0.0.1:${mockPort}`;

    // Every mode's gateway runs for the whole bench, and short bursts alternate between them: a
    // machine whose speed drifts (a shared host, a neighbour's load) then slows every mode alike,
    // and each burst of a mode is compared with the burst of `off` next to it.
    for (const { mode, name } of instances) {
      const port = 19_000 + Math.floor(Math.random() * 20_000);
      const gateway = start(`gateway (${name})`, [gatewayFromSource ? 'src/main.ts' : builtGateway, '--config', join(folder, `${name}.json`)], { PORT: String(port), HOST: '127.0.0.1', OPENAI_API_KEY: 'bench', OPENAI_BASE_URL: `${mockUrl}/v1`, LOG_LEVEL: 'silent' }, gatewayFlags, gatewayFromSource);
      const url = `http://127.0.0.1:${port}/v1/chat/completions`;
      await waitFor(async () => ((await fetch(`http://127.0.0.1:${port}/health`)).status === 200 ? true : undefined), 'health', gateway);
      gateways[name] = { gateway, url };
      process.stdout.write(`  ${name}: started, warm-up`);
      await autocannon({ url, method: 'POST', headers, body: bodies.json, connections, duration: 2 });
      await autocannon({ url, method: 'POST', headers, body: bodies.stream, connections, duration: 1 });
      process.stdout.write(' — done\n');
    }
    // A burst's CPU is counted from its start to the start of the same gateway's next burst: the
    // log and span batches it left behind are written and sent while the other modes run, and
    // that work is the burst's too.
    // Uncounted rounds first: V8 keeps optimizing a gateway's code for some 10-15 thousand requests
    // after it starts (more code for a gateway that logs and traces), and a process's first
    // seconds under load cost more for it. Counting those would measure warm-up, not steady work.
    const trickles = Object.fromEntries(instances.map(({ name }) => [name, pattern === 'bursts' && keepWarmRps > 0 ? keepWarm(gateways[name].url) : { answered: () => 0, stop: async () => {} }]));
    // One round of one kind: in turn (bursts), or every gateway at once (steady).
    const loadRound = async (kind, order, each = () => {}) => {
      if (pattern === 'steady') {
        for (const { name } of order) each(name);
        const runs = await Promise.all(order.map(({ name }) => loaded(gateways[name].url, bodies[kind], steadyRate)));
        return Object.fromEntries(order.map(({ name }, index) => [name, runs[index]]));
      }
      const runs = {};
      for (const { name } of order) {
        each(name);
        runs[name] = await loaded(gateways[name].url, bodies[kind], rate);
      }
      return runs;
    };
    // Warm-up goes in turn at BENCH_RATE in both patterns: a steady round gives each gateway a
    // quarter of the requests, and V8 is still compiling the code of a gateway that logs and traces
    // after several thousand (callgrind counted a third more instructions per request there).
    for (let round = 0; round < warmupRounds; round++) {
      for (const kind of ['json', 'stream']) for (const { name } of instances) await loaded(gateways[name].url, bodies[kind], rate);
      process.stdout.write(`\r  warm-up rounds: ${round + 1}/${warmupRounds}`);
    }
    if (warmupRounds > 0) process.stdout.write(' — done\n');
    const burstStarts = Object.fromEntries(instances.map(({ name }) => [name, []]));
    // The trickle's requests answered up to each burst's start: they share the burst's CPU.
    const trickleAt = Object.fromEntries(instances.map(({ name }) => [name, []]));
    const bursts = Object.fromEntries(instances.map(({ name }) => [name, []]));
    for (let round = 0; round < rounds; round++) {
      // The order flips every round, so no gateway always runs right after another.
      const order = round % 2 === 0 ? instances : [...instances].reverse();
      for (const kind of ['json', 'stream']) {
        const runs = await loadRound(kind, order, (name) => {
          burstStarts[name].push(cpuSeconds(gateways[name].gateway.child.pid));
          trickleAt[name].push(trickles[name].answered());
        });
        for (const { name } of order) bursts[name].push({ kind, ...runs[name] });
      }
      process.stdout.write(`\r  loaded rounds: ${round + 1}/${rounds}`);
    }
    // Longer than the log's and the exporter's flush intervals: the last bursts' batches go out.
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    for (const { name } of instances) {
      burstStarts[name].push(cpuSeconds(gateways[name].gateway.child.pid));
      trickleAt[name].push(trickles[name].answered());
      const answered = (index) => bursts[name][index].ok + trickleAt[name][index + 1] - trickleAt[name][index];
      const cpuOf = (index) => ((burstStarts[name][index + 1] - burstStarts[name][index]) * 1e6) / answered(index);
      for (let round = 0; round < rounds; round++) {
        const [json, stream] = [0, 1].map((offset) => ({ ...bursts[name][round * 2 + offset], cpuMicros: cpuOf(round * 2 + offset) }));
        byInstance[name].push({ json, stream });
      }
    }
    // A mode's figure in a round: the mean over its processes of their bursts in that round.
    const mean = (values) => values.reduce((sum, value) => sum + value, 0) / values.length;
    for (const mode of modes) {
      const own = instances.filter((instance) => instance.mode === mode).map(({ name }) => byInstance[name]);
      for (let round = 0; round < rounds; round++) {
        const [json, stream] = ['json', 'stream'].map((kind) => {
          const runs = own.map((runsOf) => runsOf[round][kind]);
          return { cpuMicros: mean(runs.map((run) => run.cpuMicros)), rps: mean(runs.map((run) => run.rps)), failed: runs.reduce((sum, run) => sum + run.failed, 0) };
        });
        results[mode].push({ json, stream });
      }
    }
    await Promise.all(Object.values(trickles).map((trickle) => trickle.stop()));
    process.stdout.write(' — done\n');
    process.stdout.write('  sequential samples');
    const sequentialRuns = {};
    for (const mode of modes) {
      const { url } = gateways[`${mode}#1`];
      // The direct baseline is taken again right before, so both sides see the same machine load.
      const directJson = await sequential(`${mockUrl}/v1/chat/completions`, bodies.json, samples);
      const sequentialJson = await sequential(url, bodies.json, samples);
      const directStream = await sequential(`${mockUrl}/v1/chat/completions`, bodies.stream, samples);
      const sequentialStream = await sequential(url, bodies.stream, samples);
      sequentialRuns[mode] = { sequentialJson, sequentialStream, directJson, directStream };
    }
    process.stdout.write(' — done\n');

    const fmt = (value, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : 'n/a');
    console.log('\nCPU per request of the gateway process (median of rounds)');
    console.log('mode        json µs/req  stream µs/req  json rps  stream rps  failed');
    const cpu = {};
    for (const mode of modes) {
      const runs = results[mode];
      cpu[mode] = { json: median(runs.map((run) => run.json.cpuMicros)), stream: median(runs.map((run) => run.stream.cpuMicros)) };
      const failed = runs.reduce((sum, run) => sum + run.json.failed + run.stream.failed, 0);
      console.log(`${mode.padEnd(10)}  ${fmt(cpu[mode].json).padStart(11)}  ${fmt(cpu[mode].stream).padStart(13)}  ${fmt(median(runs.map((run) => run.json.rps)), 0).padStart(8)}  ${fmt(median(runs.map((run) => run.stream.rps)), 0).padStart(10)}  ${String(failed).padStart(6)}`);
      if (processes > 1) {
        const perProcess = instances.filter((instance) => instance.mode === mode).map(({ name }) => `${name} ${['json', 'stream'].map((kind) => fmt(median(byInstance[name].map((run) => run[kind].cpuMicros)))).join(' / ')}`);
        console.log(`      by process (json / stream µs/req): ${perProcess.join('; ')}`);
      }
      console.log(`      rounds: json ${runs.map((run) => fmt(run.json.cpuMicros, 0)).join(' ')}; stream ${runs.map((run) => fmt(run.stream.cpuMicros, 0)).join(' ')}`);
    }
    // A fixed rate is the point of the bench: a mode that cannot answer it runs saturated, batches
    // differently and competes harder for the cores, and its CPU per request is no longer comparable.
    const offeredRate = pattern === 'steady' ? steadyRate : rate;
    const saturated = offeredRate ? modes.flatMap((mode) => ['json', 'stream'].filter((kind) => median(results[mode].map((run) => run[kind].rps)) < offeredRate * 0.95).map((kind) => `${mode} ${kind}`)) : [];
    if (saturated.length > 0) console.log(`\nSATURATED: ${saturated.join(', ')} answered under 95 % of the ${offeredRate} requests/s offered; this machine cannot carry that rate, so the ratios below compare saturated gateways. Run again with a lower ${pattern === 'steady' ? 'BENCH_STEADY_RATE' : 'BENCH_RATE'}.`);
    if (cpu.off) console.log("\nvs off: the median of per-round ratios (in each round, the mean over a mode's processes against the mean over off's), then the ratio of the medians");
    for (const mode of modes.filter((mode) => mode !== 'off' && cpu.off)) {
      for (const kind of ['json', 'stream']) {
        const ratios = results[mode].map((run, round) => run[kind].cpuMicros / results.off[round][kind].cpuMicros).sort((a, b) => a - b);
        const paired = median(ratios);
        const ofMedians = cpu[mode][kind] / cpu.off[kind];
        const label = mode === 'on' ? 'observability on' : mode === 'on-sampled' ? 'all on, traces sampled at 10 %,' : `${mode} only`;
        console.log(`  ${mode === 'on' ? (saturated.length > 0 ? 'N/A ' : paired <= 1.15 ? 'PASS' : 'MISS') : '    '}  ${kind.padEnd(6)} CPU per request, ${label} vs off${mode === 'on' ? ' ≤ 1.15×' : ''}: ${fmt(paired, 3)}× (rounds' quartiles ${fmt(percentile(ratios, 0.25), 3)}–${fmt(percentile(ratios, 0.75), 3)}; ratio of the medians ${fmt(ofMedians, 3)}×)`);
      }
    }

    console.log(`\noverhead: the x-switchyard-overhead-ms header vs outside (gateway latency − direct latency, percentile by percentile), ${samples} sequential requests per mode after the loaded rounds, ms; tails of a difference of two runs are noisy, the p50 is the figure to compare`);
    console.log('mode        kind    measure                         p50     p90     p99');
    for (const mode of modes) {
      const last = sequentialRuns[mode];
      for (const [kind, runs, base] of [['json', last.sequentialJson, last.directJson], ['stream', last.sequentialStream, last.directStream]]) {
        const outside = kind === 'json' ? [runs.total, base.total] : [runs.first, base.first];
        const row = (label, values) => console.log(`${mode.padEnd(10)}  ${kind.padEnd(6)}  ${label.padEnd(30)}  ${[0.5, 0.9, 0.99].map((fraction) => fmt(values(fraction), 3).padStart(6)).join('  ')}`);
        row(kind === 'json' ? 'header (whole request)' : 'header (up to first byte)', (fraction) => percentile(runs.header, fraction));
        row(kind === 'json' ? 'outside, total latency added' : 'outside, first byte added', (fraction) => percentile(outside[0], fraction) - percentile(outside[1], fraction));
      }
    }
    let logged = 'n/a';
    try {
      logged = `${(statSync(join(folder, 'logs-on#1.db')).size / 1024).toFixed(0)} KiB SQLite (+WAL)`;
    } catch {}
    const received = await new Promise((resolve) => {
      sink.once('exit', () => resolve(JSON.parse(sinkOutput.trim().split('\n').at(-1) ?? '{}')));
      sink.stdin.end();
    });
    console.log(`\nwith observability on: log ${logged} (one process); ${received.exports ?? 'n/a'} OTLP exports received from the on processes (${((received.bytes ?? 0) / 1024).toFixed(0)} KiB)`);
  } finally {
    for (const { gateway } of Object.values(gateways)) await stop(gateway);
    await stop(mock);
    sink.kill();
    rmSync(folder, { recursive: true, force: true });
  }
}

/** The `typical` workload's conversation: a support assistant's system prompt, three earlier exchanges, a new question. */
function typicalConversation() {
  const system = [
    'You are the support assistant of a company that sells accounting software to small businesses.',
    'Answer in the language of the question, in plain sentences, and keep answers under three short paragraphs unless the user asks for detail.',
    'When a question concerns invoices, taxes or payroll, say which menu of the application holds the setting, and never guess a legal rule: point to the help centre instead.',
    'If the user reports an error, ask for the exact message and the version shown under Help, About, before suggesting a fix.',
    'Do not discuss pricing beyond the public plans (Starter, Team, Business), and hand over to a human when the user asks for a refund, a contract change or a data deletion.',
    'Today the service status page reports no incident. Release 8.4 added recurring invoices and a new export to spreadsheet formats; release 8.3 changed how credit notes are numbered.',
  ].join(' ');
  const exchanges = [
    ['Hi, I cannot find where to change the numbering of my invoices. We start a new year and want them to begin at 2027-001.', 'Invoice numbering is under Settings, Invoices, Numbering. Choose a pattern with the year, for example {YYYY}-{###}, and set the next number to 1. The change applies to the next invoice you create; invoices already sent keep their numbers. Credit notes have their own sequence in the same menu since release 8.3.'],
    ['Thanks. And if I set it now, will the invoices of December that I have not sent yet change too?', 'No. A draft gets its number when you finalize it, not when you create it, so drafts from December will take the next number of the new pattern when you finalize them. If they must belong to the old year, finalize them before you change the pattern. You can check which drafts are open under Invoices, filtered by the status Draft.'],
    ['OK, I finalized them. Another thing: the export to spreadsheet gives me dates as numbers like 46022. What is wrong?', 'Nothing is lost: those are spreadsheet serial dates, which the new export in release 8.4 writes so that sorting and formulas work. Format the column as a date in your spreadsheet (Format, Number, Date) and they will show as usual. If you prefer text dates, choose the CSV export instead, which writes them as 2026-12-31.'],
  ];
  const messages = [{ role: 'system', content: system }];
  for (const [question, answer] of exchanges) messages.push({ role: 'user', content: question }, { role: 'assistant', content: answer });
  messages.push({ role: 'user', content: 'Great, that worked. Last question: can recurring invoices be sent automatically on the first day of each month, and will they use the new numbering as well? We have about forty customers on a monthly plan.' });
  return messages;
}

main().catch((error) => {
  console.error(`\nbench: ${error?.stack ?? error}`);
  process.exit(1);
});
