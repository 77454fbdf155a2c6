#!/usr/bin/env -S node --max-semi-space-size=2
// --max-semi-space-size=2: a 4 MiB young generation instead of 32 MiB keeps RSS under 100 MiB under
// load (README, "Memory"); `pnpm start` and `switchyard serve` pass the same flag.
import { parseArgs } from 'node:util';
import { ConfigError } from './load-config.js';
import { runGatewayProcess } from './run-gateway-process.js';

/** `node apps/gateway/dist/main.js [--config FILE]`; HOST / PORT / SWITCHYARD_CONFIG / LOG_LEVEL from the environment. */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { config: { type: 'string', short: 'c' } }, allowPositionals: false });
  await runGatewayProcess({ configPath: values.config ?? process.env.SWITCHYARD_CONFIG });
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(error instanceof ConfigError ? 2 : 1);
});
