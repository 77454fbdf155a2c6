import type { KeyStore } from '@switchyard/access';
import { type LogStore, aggregateLogStats, statsRange } from '@switchyard/observability';
import type { ProviderCatalog } from '@switchyard/router';
import type { AdminConsoleEndpoints } from '@switchyard/server';
import { readKeyUsage } from './console-key-usage.js';
import type { GatewayConfig } from './gateway-config.js';
import { maskConfigSecrets } from './mask-config-secrets.js';
import { validateConfigText } from './validate-config-text.js';

export interface AdminConsoleSources {
  config: GatewayConfig;
  catalog: ProviderCatalog;
  env: NodeJS.ProcessEnv;
  logStore?: LogStore;
  /** Writes queued log records, so the figures include the requests just finished. */
  flushLogs?(): Promise<void>;
  keyStore?: Pick<KeyStore, 'list'>;
}

/** The console's admin API over the gateway's own parts: the log store, the key store, the config. */
export function openAdminConsole(sources: AdminConsoleSources): AdminConsoleEndpoints {
  const { config, catalog, env, logStore, keyStore } = sources;
  const secrets = [...config.apiKeys, ...config.adminKeys, ...catalog.listEntries().flatMap((entry) => (entry.settings.apiKey ? [entry.settings.apiKey] : []))];
  const masked = maskConfigSecrets(config, secrets);
  const adapters = catalog.listAdapters().map((adapter) => adapter.id);
  return {
    ...(logStore
      ? {
          async stats(query: string) {
            const params = new URLSearchParams(query);
            for (const name of params.keys()) if (name !== 'window') throw new TypeError(`${name}: unknown parameter (use window).`);
            await sources.flushLogs?.();
            return { window: params.get('window') ?? '1h', ...(await aggregateLogStats(logStore, statsRange(params.get('window') ?? '1h', Date.now()))) };
          },
        }
      : {}),
    ...(logStore && keyStore
      ? {
          async keyUsage() {
            await sources.flushLogs?.();
            // Never the hash: the console shows keys as the admin API does.
            const keys = (await keyStore.list()).filter((key) => !key.revokedAt).map(({ hash: _hash, ...view }) => view);
            return { object: 'list', data: await readKeyUsage(keys, logStore) };
          },
        }
      : {}),
    config: () => ({ config: masked }),
    validateConfig(text: string) {
      const problems = validateConfigText(text, env, adapters);
      return { valid: problems.length === 0, problems };
    },
  };
}
