import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { ConfigError, type GatewayConfig, loadConfigFile, parseConfig } from '@switchyard/gateway';
import { CliError, type CliIo } from './cli-io.js';

/** The config file names `switchyard` picks up from the working directory when none is given. */
export const defaultConfigFiles = ['switchyard.yaml', 'switchyard.yml', 'switchyard.json'];

/** Which config file a command uses: `--config`, else SWITCHYARD_CONFIG, else ./switchyard.yaml (or .yml/.json) if present. */
export function resolveConfigPath(io: CliIo, flag: string | undefined): string | undefined {
  if (flag) return resolve(io.cwd, flag);
  if (io.env.SWITCHYARD_CONFIG) return resolve(io.cwd, io.env.SWITCHYARD_CONFIG);
  return defaultConfigFiles.map((name) => resolve(io.cwd, name)).find((path) => existsSync(path));
}

/** The gateway config the command works with; a bad config is a usage error (exit 2) listing its problems. */
export function loadCliConfig(io: CliIo, path: string | undefined): GatewayConfig {
  try {
    return path ? loadConfigFile(path, io.env) : parseConfig({}, io.env);
  } catch (error) {
    if (error instanceof ConfigError) throw new CliError(`${error.message}\nRun \`switchyard config validate ${path ?? ''}\` to see each problem with its line.`, 2);
    throw error;
  }
}
