/**
 * `@anthropic-prod/claude-sonnet-4-5` names the catalog entry `anthropic-prod` and the
 * upstream model `claude-sonnet-4-5`. A model without the `@slug/` prefix is sent as is.
 */
export interface ParsedModelString {
  providerSlug?: string;
  model: string;
}

export function parseModelString(value: string): ParsedModelString {
  if (!value.startsWith('@')) return { model: value };
  const slash = value.indexOf('/');
  if (slash <= 1 || slash === value.length - 1) return { model: value };
  return { providerSlug: value.slice(1, slash), model: value.slice(slash + 1) };
}
