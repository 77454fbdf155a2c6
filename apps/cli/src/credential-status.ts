import type { ProviderAdapter } from '@switchyard/core';

interface EntryLike {
  adapter: ProviderAdapter;
  settings: { apiKey?: string; baseURL?: string; options?: Record<string, unknown> };
}

export type CredentialStatus = 'set' | 'missing' | 'local' | 'none';

/**
 * Whether an entry can authenticate: a key (or, for cloud adapters, key options such as AWS
 * keys) is set; `local` for adapters that need none (the mock, Ollama, LM Studio, vLLM).
 */
export function credentialStatus(entry: EntryLike): CredentialStatus {
  if (entry.settings.apiKey) return 'set';
  const options = Object.keys(entry.settings.options ?? {});
  const credentialOptions = options.filter((option) => /key|secret|token|credential/i.test(option));
  if (credentialOptions.length > 0) return 'set';
  if (entry.adapter.local || !entry.adapter.environment?.apiKey) return entry.adapter.local ? 'local' : 'none';
  return 'missing';
}

/** The environment variable that would give the default entry its key. */
export function keyVariable(adapter: ProviderAdapter): string | undefined {
  return adapter.environment?.apiKey;
}
