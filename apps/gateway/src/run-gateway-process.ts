import { dirname, resolve } from 'node:path';
import pino from 'pino';
import { startGateway, type RunningGateway } from './create-gateway.js';
import { bundledAdapters } from './bundled-adapters.js';
import { type GatewayConfig } from './gateway-config.js';
import { loadConfigFile, parseConfig } from './load-config.js';
import { logRequest } from './request-log.js';
import { turnOffAllocationSitePretenuring } from './no-allocation-site-pretenuring.js';
import { keepWasmOnBaselineCompiler } from './wasm-baseline-only.js';

export interface GatewayProcessOptions {
  /** A JSON or YAML config file; none means defaults plus the environment. */
  configPath?: string;
  /** Win over HOST / PORT and the config file (command-line flags). */
  host?: string;
  port?: number;
  env?: NodeJS.ProcessEnv;
}

/**
 * The gateway as a process runs it (`main.ts`, `switchyard serve`, each cluster worker): config
 * from file and environment, one pino line per request, SIGTERM/SIGINT let in-flight requests
 * finish before exiting. Throws ConfigError for a bad config.
 */
export async function runGatewayProcess(options: GatewayProcessOptions = {}): Promise<RunningGateway> {
  keepWasmOnBaselineCompiler();
  turnOffAllocationSitePretenuring();
  const env = options.env ?? process.env;
  const logger = pino({ level: env.LOG_LEVEL ?? 'info', base: undefined });
  const config: GatewayConfig = options.configPath ? loadConfigFile(options.configPath, env) : parseConfig({}, env);
  const host = options.host ?? env.HOST ?? config.host ?? '127.0.0.1';
  const port = options.port ?? Number(env.PORT ?? config.port ?? 8787);
  const adapters = bundledAdapters();
  // Plugins named by relative path or package are resolved from the config file's folder.
  const pluginBaseDir = options.configPath ? dirname(resolve(options.configPath)) : undefined;
  const gateway = await startGateway({ config, host, port, env, adapters, pluginBaseDir, onRequestComplete: (record) => logRequest(logger, record) });
  // Names only, never values: which default entries got a key from the environment.
  const keyed = adapters.map((adapter) => adapter.environment?.apiKey).filter((name): name is string => !!name && !!env[name]);
  logger.info({ url: gateway.url, config: options.configPath ?? null, default_provider: config.defaultProvider ?? 'mock', keys_from_env: keyed }, 'listening');
  // Also a plain line for people and scripts that wait for readiness.
  if (logger.level === 'silent') console.log(`switchyard gateway listening on ${gateway.url}`);

  const shutdown = (signal: string) => {
    logger.info({ signal }, 'shutting down: letting in-flight requests finish');
    gateway.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
  return gateway;
}
