#!/usr/bin/env node
import { parseArgs } from 'node:util';
import pino from 'pino';
import { type GatewayConfig } from './gateway-config.js';
import { ConfigError, loadConfigFile, parseConfig } from './load-config.js';
import { bundledAdapters } from './bundled-adapters.js';
import { startGateway } from './create-gateway.js';
import { logRequest } from './request-log.js';

/** `node apps/gateway/dist/main.js [--config FILE]`; HOST / PORT / SWITCHYARD_CONFIG / LOG_LEVEL from the environment. */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { config: { type: 'string', short: 'c' } }, allowPositionals: false });
  const logger = pino({ level: process.env.LOG_LEVEL ?? 'info', base: undefined });
  const configPath = values.config ?? process.env.SWITCHYARD_CONFIG;
  let config: GatewayConfig;
  try {
    config = configPath ? loadConfigFile(configPath, process.env) : parseConfig({}, process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
  const host = process.env.HOST ?? config.host ?? '127.0.0.1';
  const port = Number(process.env.PORT ?? config.port ?? 8787);
  const adapters = bundledAdapters();
  const gateway = await startGateway({ config, host, port, adapters, onRequestComplete: (record) => logRequest(logger, record) });
  // Names only, never values: which default entries got a key from the environment.
  const keyed = adapters.map((adapter) => adapter.environment?.apiKey).filter((name): name is string => !!name && !!process.env[name]);
  logger.info({ url: gateway.url, config: configPath ?? null, default_provider: config.defaultProvider ?? 'mock', keys_from_env: keyed }, 'listening');
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
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
