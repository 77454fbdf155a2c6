import { type RoutingConfig, parseRoutingConfig } from '@switchyard/router';

/**
 * A routing config, typed by the router's schema and checked now: a mistake throws here, naming
 * its place (`config.strategy.mode: …`), rather than coming back as a 400 from the gateway.
 * Returns the config as given (the gateway parses it again, with its own defaults).
 */
export function defineConfig<const T extends RoutingConfig>(config: T): T {
  parseRoutingConfig(config);
  return config;
}
