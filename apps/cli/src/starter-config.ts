import type { ProviderAdapter } from '@switchyard/core';

/**
 * A commented starter config: an entry for each provider whose key is in the environment
 * (referenced as `${VAR}`, never copied), the others as commented examples.
 */
export function starterConfig(adapters: readonly ProviderAdapter[], env: NodeJS.ProcessEnv): { text: string; detected: string[] } {
  const keyed = adapters.filter((adapter) => !adapter.local && adapter.environment?.apiKey && env[adapter.environment.apiKey]);
  const detected = keyed.map((adapter) => adapter.environment!.apiKey!);
  const examples = ['openai', 'anthropic', 'google', 'groq'].filter((id) => !keyed.some((adapter) => adapter.id === id));
  const entry = (adapter: ProviderAdapter, comment: string) =>
    [`${comment}  ${adapter.id}:`, `${comment}    adapter: ${adapter.id}`, `${comment}    apiKey: \${${adapter.environment!.apiKey}}`];
  const byId = new Map(adapters.map((adapter) => [adapter.id, adapter]));
  const lines = [
    '# Switchyard gateway config.',
    '# Check it:          switchyard config validate switchyard.yaml',
    '# Editor schema:     switchyard config schema > switchyard.schema.json',
    '# Start the gateway: switchyard serve   (picks up ./switchyard.yaml)',
    '# Strings may reference the environment as ${NAME}; keep keys out of this file.',
    '',
    'host: 127.0.0.1',
    'port: 8787',
    '# Processes for `switchyard serve` (node:cluster): a number, or auto for one per core.',
    '# workers: auto',
    '',
    '# The provider for requests whose model names none; the built-in mock needs no key.',
    `defaultProvider: ${keyed[0]?.id ?? 'mock'}`,
    '',
    '# Every bundled adapter already has an entry named after it with its key from the',
    '# environment (@openai/gpt-4o-mini works once OPENAI_API_KEY is set). Add entries here',
    '# for a second key, a custom base URL, default params or model metadata.',
    keyed.length > 0 ? 'providers:' : 'providers: {}',
    ...(keyed.length > 0 ? [`  # Found in the environment: ${detected.join(', ')}`] : ['  # No provider key found in the environment; examples:']),
    ...keyed.flatMap((adapter) => entry(adapter, '')),
    ...examples.flatMap((id) => (byId.get(id)?.environment?.apiKey ? entry(byId.get(id)!, '#') : [])),
    '#  local-llama:',
    '#    adapter: ollama',
    '#    baseURL: http://127.0.0.1:11434',
    '',
    '# Plain model names routed to a provider: "model": "fast".',
    'aliases:',
    '  echo: "@mock/echo-1"',
    '',
    '# Routing configs (Portkey format: fallback, loadbalance, conditional), by id.',
    '# configs:',
    '#   resilient:',
    '#     strategy: { mode: fallback }',
    '#     targets: [{ provider: "@openai" }, { provider: "@anthropic" }]',
    '',
    '# Where Responses API state is kept: sqlite (default), postgres, memory.',
    'responses:',
    '  store: sqlite',
    '',
  ];
  return { text: lines.join('\n'), detected };
}
