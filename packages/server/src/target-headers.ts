import type { ResolvedTargetSpec } from '@switchyard/router';

/** Portkey target keys that adapters read as per-request headers (`aws_region` -> `x-switchyard-aws-region`). */
const providerSettingKey = /^(aws|azure|vertex|anthropic|openai)_[a-z0-9_]+$/;

/**
 * The headers one attempt's adapter sees: the client's, plus the provider settings a config
 * target carries (AWS keys, Azure resource, Anthropic betas…) in their header-API form, so each
 * adapter reads its settings in one way whichever the source. The target's value wins.
 */
export function targetHeaders(requestHeaders: Readonly<Record<string, string>>, spec: ResolvedTargetSpec): Readonly<Record<string, string>> {
  let headers: Record<string, string> | undefined;
  for (const [key, value] of Object.entries(spec.extra)) {
    if (!providerSettingKey.test(key) || value === undefined || value === null) continue;
    headers ??= { ...requestHeaders };
    headers[`x-switchyard-${key.replaceAll('_', '-')}`] = typeof value === 'string' ? value : JSON.stringify(value);
  }
  return headers ?? requestHeaders;
}
