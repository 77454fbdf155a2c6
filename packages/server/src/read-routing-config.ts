import { InvalidRequestError, NotFoundError } from '@switchyard/core';
import { type RoutingConfig, parseRoutingConfig } from '@switchyard/router';
import { readGatewayHeader } from './header-api.js';

/** Configs the operator defined in the gateway file, by id, and the one used when a request names none. */
export interface RoutingConfigs {
  byId: ReadonlyMap<string, RoutingConfig>;
  defaultConfig?: RoutingConfig;
}

/**
 * The request's routing config: `x-switchyard-config` (or Portkey's `x-portkey-config`) holds
 * either a config as JSON or the id of one defined in the gateway file; without it, the
 * gateway's default config, if any.
 */
export function readRoutingConfig(headers: Readonly<Record<string, string>>, configs: RoutingConfigs): RoutingConfig | undefined {
  const value = readGatewayHeader(headers, 'config')?.trim();
  if (!value) return configs.defaultConfig;
  if (value.startsWith('{')) return parseRoutingConfig(value);
  const named = configs.byId.get(value);
  if (named) return named;
  throw new NotFoundError(`x-switchyard-config names the config "${value}", which the gateway does not define.`, {
    param: 'x-switchyard-config',
    code: 'config_not_found',
  });
}

/** `x-switchyard-metadata` (or `x-portkey-metadata`): a JSON object of string values, for conditions and logs. */
export function readRequestMetadata(headers: Readonly<Record<string, string>>): Record<string, string> {
  const value = readGatewayHeader(headers, 'metadata');
  if (!value) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    throw new InvalidRequestError('x-switchyard-metadata must be a JSON object.', { param: 'x-switchyard-metadata' });
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new InvalidRequestError('x-switchyard-metadata must be a JSON object.', { param: 'x-switchyard-metadata' });
  }
  const metadata: Record<string, string> = {};
  for (const [key, item] of Object.entries(parsed)) {
    if (item === null || typeof item === 'object') {
      throw new InvalidRequestError(`x-switchyard-metadata.${key} must be a string, number or boolean.`, { param: 'x-switchyard-metadata' });
    }
    metadata[key] = String(item);
  }
  return metadata;
}
