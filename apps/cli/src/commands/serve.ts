import cluster from 'node:cluster';
import { availableParallelism } from 'node:os';
import { ConfigError, runGatewayProcess } from '@switchyard/gateway';
import { CliError } from '../cli-io.js';
import type { Command } from '../command.js';
import { parseCommandArgs, parsePositiveInteger } from '../parse-command-args.js';
import { loadCliConfig, resolveConfigPath } from '../resolve-config.js';

export const serveCommand: Command = {
  name: 'serve',
  summary: 'Start the gateway (the same server as apps/gateway)',
  help: `Usage: switchyard serve [options]

Starts the bundled gateway: the built-in mock plus every provider whose key is in the
environment, and the config file's entries. Logs one JSON line per request (LOG_LEVEL).
SIGTERM / Ctrl-C let in-flight requests finish before exiting.

Options:
  -c, --config FILE   the gateway config (default $SWITCHYARD_CONFIG, else ./switchyard.yaml if present)
  -p, --port N        the port (default $PORT, the config's port, or 8787; 0 picks a free one)
  -H, --host HOST     the address to listen on (default $HOST, the config's host, or 127.0.0.1)
  -w, --workers N     processes sharing the port (node:cluster); "auto" = one per core.
                      Default: the config's \`workers\`, else 1
  -h, --help          this help

Examples:
  switchyard serve
  switchyard serve --config switchyard.yaml --port 8080 --host 0.0.0.0
  switchyard serve --workers auto
`,
  async run(argv, io) {
    const { values } = parseCommandArgs('serve', argv, {
      config: { type: 'string', short: 'c' },
      port: { type: 'string', short: 'p' },
      host: { type: 'string', short: 'H' },
      workers: { type: 'string', short: 'w' },
    });
    const configPath = resolveConfigPath(io, values.config);
    const port = parsePositiveInteger('port', values.port, 0);
    if (port !== undefined && port > 65535) throw new CliError(`--port must be at most 65535, got ${port}`, 2);
    if (cluster.isWorker) return serveOne(configPath, values.host, port);

    // Checked once here, so a bad config is reported once and not by every worker.
    const config = loadCliConfig(io, configPath);
    const requested = values.workers ?? config.workers ?? 1;
    const workers = requested === 'auto' ? availableParallelism() : parsePositiveInteger('workers', String(requested))!;
    if (workers === 1) return serveOne(configPath, values.host, port);

    return new Promise<number>((resolve) => {
      let stopping = false;
      let alive = 0;
      const listening = new Set<number>();
      for (let i = 0; i < workers; i++) {
        cluster.fork();
        alive++;
      }
      cluster.on('listening', (worker, address) => {
        listening.add(worker.id);
        if (listening.size === workers) {
          const host = address.address && address.address.includes(':') ? `[${address.address}]` : address.address || '127.0.0.1';
          io.err(`switchyard serve: ${workers} workers on http://${host}:${address.port}\n`);
        }
      });
      cluster.on('exit', (worker, code, signal) => {
        alive--;
        if (!stopping) {
          io.err(`switchyard serve: worker ${worker.process.pid} exited (${signal ?? `code ${code}`}); stopping the others\n`);
          stop();
        }
        if (alive === 0) resolve(stopping && code === 0 ? 0 : 1);
      });
      const stop = () => {
        if (stopping) return;
        stopping = true;
        // Each worker closes gracefully on SIGTERM (in-flight requests finish).
        for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM');
      };
      process.once('SIGTERM', stop);
      process.once('SIGINT', stop);
    });
  },
};

/** One gateway in this process; it keeps the process alive until a signal closes it. */
async function serveOne(configPath: string | undefined, host: string | undefined, port: number | undefined): Promise<number> {
  try {
    await runGatewayProcess({ configPath, host, port });
  } catch (error) {
    if (error instanceof ConfigError) throw new CliError(error.message, 2);
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE' || code === 'EACCES') throw new CliError(`Cannot listen: ${(error as Error).message}`);
    throw error;
  }
  return 0;
}
