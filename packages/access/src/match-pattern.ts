/** Whether a name matches a pattern where `*` stands for any run of characters (`gpt-4o*`, `@openai/*`). */
export function matchesPattern(pattern: string, name: string): boolean {
  if (!pattern.includes('*')) return pattern === name;
  const escaped = pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${escaped.join('.*')}$`).test(name);
}

/** Whether any pattern matches; an absent list allows everything. */
export function allowedBy(patterns: readonly string[] | undefined, ...names: string[]): boolean {
  if (!patterns) return true;
  return patterns.some((pattern) => names.some((name) => matchesPattern(pattern, name)));
}
