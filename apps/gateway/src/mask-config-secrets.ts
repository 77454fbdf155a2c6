/** What replaces a secret in the config the admin API shows. */
export const hiddenMarker = '[hidden]';

// Field names whose string values are credentials wherever they sit in the config.
const secretField = /key|secret|token|password|pepper|authorization|credential|cookie/i;

/**
 * A copy of the running config fit to show in the console: credential fields, header values and
 * any string equal to a known secret become `[hidden]`; URLs keep their host but lose user and
 * password. Walks the whole tree, so sections added later are covered without a list to keep.
 */
export function maskConfigSecrets(config: unknown, knownSecrets: readonly string[] = []): unknown {
  const secrets = new Set(knownSecrets.filter((secret) => secret.length > 0));
  const walk = (value: unknown, field: string, underHeaders: boolean): unknown => {
    if (typeof value === 'string') {
      if (secrets.has(value) || underHeaders || secretField.test(field)) return hiddenMarker;
      return maskUrlCredentials(value);
    }
    if (Array.isArray(value)) return value.map((item) => walk(item, field, underHeaders));
    if (typeof value === 'object' && value !== null) {
      return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, walk(item, key, underHeaders || /^headers$/i.test(key))]));
    }
    return value;
  };
  return walk(config, '', false);
}

function maskUrlCredentials(text: string): string {
  if (!/^[a-z][a-z0-9+.-]*:\/\/[^/]*@/i.test(text)) return text;
  try {
    const url = new URL(text);
    if (url.password) url.password = hiddenMarker;
    else url.username = hiddenMarker;
    return url.toString().replace(encodeURIComponent(hiddenMarker), hiddenMarker);
  } catch {
    return hiddenMarker;
  }
}
