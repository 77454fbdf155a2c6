import { errorReason } from '../error-reason.js';
import autocannon from 'autocannon';
import { bundledAdapters, parseConfig, startGateway } from '@switchyard/gateway';
import { CliError } from '../cli-io.js';
import type { Command } from '../command.js';
import { gatewayBaseURL } from '../gateway-url.js';
import { createProgressBar } from '../live-status.js';
import { paint } from '../paint.js';
import { parseCommandArgs, parsePositiveInteger } from '../parse-command-args.js';
import { renderTable } from '../render-table.js';

export const benchCommand: Command = {
  name: 'bench',
  summary: 'Load-test a gateway against the built-in mock (RPS, latency percentiles)',
  help: `Usage: switchyard bench [options]

Sends Chat Completions requests for the built-in mock (no network, no key) as fast as
--connections allow for --duration seconds, then prints requests per second and latency
percentiles. Without --url it starts a gateway in this process on a free port.

Options:
  -u, --url URL          a running gateway instead
  -d, --duration SEC     how long (default 10)
      --connections N    concurrent connections (default 10)
  -m, --model MODEL      the model (default @mock/echo-1)
      --stream           streamed requests
      --json             the summary as JSON
  -h, --help             this help

Examples:
  switchyard bench
  switchyard bench --duration 30 --connections 50
  switchyard bench --url http://127.0.0.1:8787 --stream
`,
  async run(argv, io) {
    const { values } = parseCommandArgs('bench', argv, {
      url: { type: 'string', short: 'u' },
      duration: { type: 'string', short: 'd' },
      connections: { type: 'string' },
      model: { type: 'string', short: 'm' },
      stream: { type: 'boolean' },
      json: { type: 'boolean' },
    });
    const duration = parsePositiveInteger('duration', values.duration) ?? 10;
    const connections = parsePositiveInteger('connections', values.connections) ?? 10;
    const model = values.model ?? '@mock/echo-1';
    const gateway = values.url
      ? undefined
      : await startGateway({ config: parseConfig({ responses: { store: 'memory' } }, {}), host: '127.0.0.1', port: 0, adapters: bundledAdapters(), env: {} });
    const base = gateway ? `${gateway.url.replace(/\/+$/, '')}/v1` : gatewayBaseURL(values.url!);
    const colors = paint(io);
    try {
      // One request first: a wrong URL or model is reported plainly instead of as 100% errors.
      const body = JSON.stringify({ model, stream: !!values.stream, messages: [{ role: 'user', content: 'how fast is this gateway' }] });
      const headers = { 'content-type': 'application/json', authorization: 'Bearer switchyard' };
      const url = `${base}/chat/completions`;
      let first: Response;
      try {
        first = await fetch(url, { method: 'POST', headers, body, signal: AbortSignal.timeout(10_000) });
      } catch (error) {
        throw new CliError(`Cannot reach the gateway at ${base}: ${errorReason(error)}`);
      }
      if (!first.ok) throw new CliError(`POST ${url} answered ${first.status}: ${(await first.text()).slice(0, 300)}`);
      await first.arrayBuffer();

      if (!values.json) io.err(`Benchmarking ${url} (${model}${values.stream ? ', streamed' : ''}) for ${duration}s with ${connections} connections\n`);
      const progress = createProgressBar({ ...io, err: io.err });
      const run = autocannon({ url, method: 'POST', headers, body, connections, duration });
      let done = 0;
      const started = Date.now();
      run.on('response', () => done++);
      const timer = setInterval(() => progress.update((Date.now() - started) / (duration * 1000), `${done} requests`), 200);
      const result = await run;
      clearInterval(timer);
      progress.end();

      const summary = {
        url,
        model,
        stream: !!values.stream,
        connections,
        durationSeconds: result.duration,
        requests: result.requests.total,
        rps: Math.round(result.requests.average * 10) / 10,
        latencyMs: { p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99, max: result.latency.max, mean: result.latency.mean },
        errors: result.errors,
        timeouts: result.timeouts,
        non2xx: result.non2xx,
      };
      if (values.json) io.out(`${JSON.stringify(summary, null, 2)}\n`);
      else {
        io.out(
          renderTable(
            ['REQUESTS', 'RPS', 'P50 MS', 'P90 MS', 'P99 MS', 'MAX MS', 'ERRORS', 'NON-2XX'],
            [[String(summary.requests), colors.bold(String(summary.rps)), ...[result.latency.p50, result.latency.p90, result.latency.p99, result.latency.max].map(String), String(result.errors + result.timeouts), String(result.non2xx)]],
          ),
        );
      }
      return result.errors + result.timeouts + result.non2xx > 0 ? 1 : 0;
    } finally {
      await gateway?.close();
    }
  },
};
