import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { type GatewayConfig, gatewayConfigSchema } from './gateway-config.js';

/** A config problem, with every issue named by its path in the file. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/** Reads a JSON or YAML config file; `${NAME}` in strings is replaced from `env`. */
export function loadConfigFile(path: string, env: NodeJS.ProcessEnv): GatewayConfig {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ConfigError(`Cannot read config file ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  let raw: unknown;
  try {
    raw = /\.json$/i.test(path) ? JSON.parse(text) : parseYaml(text);
  } catch (error) {
    throw new ConfigError(`Config file ${path} is not valid ${/\.json$/i.test(path) ? 'JSON' : 'YAML'}: ${(error as Error).message}`);
  }
  return parseConfig(raw ?? {}, env, path);
}

export function parseConfig(raw: unknown, env: NodeJS.ProcessEnv, source = 'config'): GatewayConfig {
  const result = gatewayConfigSchema.safeParse(interpolateEnv(raw, env));
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `  ${issue.path.join('.') || '(root)'}: ${issue.message}`);
    throw new ConfigError(`Invalid ${source}:\n${problems.join('\n')}`);
  }
  return result.data;
}

function interpolateEnv(value: unknown, env: NodeJS.ProcessEnv): unknown {
  if (typeof value === 'string') {
    return value.replace(/\$\{([A-Z0-9_]+)\}/gi, (_match, name: string) => {
      const found = env[name];
      if (found === undefined) throw new ConfigError(`The config refers to \${${name}}, which is not set in the environment.`);
      return found;
    });
  }
  if (Array.isArray(value)) return value.map((item) => interpolateEnv(item, env));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, interpolateEnv(item, env)]));
  }
  return value;
}
