import { isMap, isPair, isScalar, isSeq, LineCounter, type Node, parseDocument } from 'yaml';
import { gatewayConfigSchema } from './gateway-config.js';

/** One problem of a config file, placed where an editor can jump to it. */
export interface ConfigProblem {
  /** Dotted path in the config (`providers.openai.baseURL`), `(root)` for the file itself. */
  path: string;
  /** 1-based line and column of the offending value (or of its nearest existing parent). */
  line: number;
  column: number;
  message: string;
}

/**
 * Checks config text (YAML, or JSON, which YAML reads with the same positions) against the
 * gateway's schema and reports every problem with its line, not only the first. `${NAME}`
 * references must be set in `env`; `knownAdapters`, when given, are the adapter ids entries may name.
 */
export function validateConfigText(text: string, env: NodeJS.ProcessEnv, knownAdapters?: readonly string[]): ConfigProblem[] {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false });
  const place = (offset: number) => lineCounter.linePos(offset);
  if (document.errors.length > 0) {
    return document.errors.map((error) => {
      const { line, col } = place(error.pos[0]);
      return { path: '(root)', line, column: col, message: error.message.split('\n')[0]! };
    });
  }
  const problems: ConfigProblem[] = [];
  const report = (path: readonly PropertyKey[], message: string, key?: string) => {
    const node = nearestNode(document.contents as Node | null, path, key);
    const { line, col } = place(node?.range?.[0] ?? 0);
    problems.push({ path: [...path, ...(key === undefined ? [] : [key])].map(String).join('.') || '(root)', line, column: col, message });
  };

  const raw = document.toJS() ?? {};
  const envProblemPaths = new Set<string>();
  const interpolated = interpolate(raw, env, [], (path, name) => {
    envProblemPaths.add(path.join('.'));
    report(path, `refers to \${${name}}, which is not set in the environment`);
  });
  const result = gatewayConfigSchema.safeParse(interpolated);
  if (!result.success) {
    for (const issue of result.error.issues) {
      if (envProblemPaths.has(issue.path.join('.'))) continue;
      if (issue.code === 'invalid_key') {
        // A record key that breaks its rule (a provider slug): point at the key, with the rule's own message.
        report(issue.path.slice(0, -1), issue.issues[0]?.message ?? issue.message, String(issue.path.at(-1)));
      } else if (issue.code === 'unrecognized_keys') {
        for (const key of issue.keys) report(issue.path, `unknown key "${key}"`, key);
      } else {
        report(issue.path, issue.message);
      }
    }
  }
  if (knownAdapters) {
    const providers = (interpolated as { providers?: unknown }).providers;
    for (const [slug, entry] of Object.entries(typeof providers === 'object' && providers !== null ? providers : {})) {
      const adapter = (entry as { adapter?: unknown } | null)?.adapter;
      if (typeof adapter === 'string' && adapter && !knownAdapters.includes(adapter)) {
        report(['providers', slug, 'adapter'], `unknown adapter "${adapter}" (known: ${knownAdapters.join(', ')})`);
      }
    }
  }
  return problems.sort((a, b) => a.line - b.line || a.column - b.column);
}

/** The node at `path`, or the deepest one that exists on the way (a missing key points at its parent); with `key`, that key itself. */
function nearestNode(root: Node | null, path: readonly PropertyKey[], key?: string): Node | null {
  let node: Node | null = root;
  for (const segment of path) {
    const child = childOf(node, segment);
    if (!child) return node;
    node = child.value ?? child.key;
  }
  if (key !== undefined) return childOf(node, key)?.key ?? node;
  return node;
}

function childOf(node: Node | null, segment: PropertyKey): { key: Node | null; value: Node | null } | undefined {
  if (isMap(node)) {
    const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(segment));
    if (pair) return { key: pair.key as Node, value: (pair.value as Node | null) ?? null };
  }
  if (isSeq(node) && typeof segment === 'number') {
    const item = node.items[segment] as Node | undefined;
    if (item) return { key: item, value: item };
  }
  return undefined;
}

function interpolate(value: unknown, env: NodeJS.ProcessEnv, path: PropertyKey[], missing: (path: PropertyKey[], name: string) => void): unknown {
  if (typeof value === 'string') {
    return value.replace(/\$\{([A-Z0-9_]+)\}/gi, (match, name: string) => {
      const found = env[name];
      if (found === undefined) {
        missing(path, name);
        return match;
      }
      return found;
    });
  }
  if (Array.isArray(value)) return value.map((item, index) => interpolate(item, env, [...path, index], missing));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, interpolate(item, env, [...path, key], missing)]));
  }
  return value;
}
