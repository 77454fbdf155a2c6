/**
 * Provider keys must never reach a log line. Upstream error messages sometimes quote the key
 * they were given ("Incorrect API key provided: sk-abc…"), so anything shaped like a key is
 * cut to its first four characters.
 */
const keyShapes = /\b(sk-(?:ant-|proj-)?|AKIA|AIza|gsk_|xai-)([A-Za-z0-9_*\-]{4,})/g;

export function maskSecrets(text: string): string {
  return text.replace(keyShapes, (_match, prefix: string, rest: string) => `${prefix}${rest.slice(0, 4)}…`);
}
