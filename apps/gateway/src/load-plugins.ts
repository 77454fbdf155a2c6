import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type GuardrailCheck, type ProviderAdapter, SPECIFICATION_VERSION, checkProvider } from '@switchyard/core';
import { guardrailChecksOf } from './guardrail-plugin-exports.js';

/** A plugin the gateway refuses to start with; the message names the plugin and the problem. */
export class PluginError extends Error {
  constructor(
    readonly plugin: string,
    readonly problem: 'not found' | 'could not be loaded' | 'wrong version' | 'invalid definition' | 'missing operation' | 'duplicate id',
    detail: string,
  ) {
    super(`Plugin "${plugin}": ${problem}: ${detail}`);
    this.name = 'PluginError';
  }
}

export interface LoadPluginsOptions {
  /** Where package names and `./relative` paths are resolved from: the config file's directory. */
  baseDir: string;
  /** Adapters already registered (the bundled ones): a plugin may not reuse their ids or aliases. */
  existing: readonly ProviderAdapter[];
  /**
   * The package.json `exports` conditions taken, in the package's own order. Default `import`,
   * `node`, `default`; tests add `source` to load a workspace package's TypeScript sources.
   */
  conditions?: readonly string[];
  /** Receives the guardrail checks a plugin exports (`guardrailChecks`); a plugin may export only those. */
  onGuardrailChecks?(checks: GuardrailCheck<any>[], plugin: string): void;
}

/**
 * Loads the adapter packages a config lists under `plugins`: each is resolved (a package name
 * from `node_modules` next to the config file or above it, or a path relative to the config
 * file), imported, and its adapter — the default export, or a named `provider`, or what a
 * named `createProvider()` returns — checked against this core's contract: the same
 * `specificationVersion`, a valid definition, the operations its capabilities promise, an id no
 * other adapter has. The first problem stops the start with a PluginError.
 */
export async function loadPlugins(specifiers: readonly string[], options: LoadPluginsOptions): Promise<ProviderAdapter[]> {
  const conditions = new Set(options.conditions ?? ['import', 'node', 'default']);
  const taken = new Map<string, string>();
  for (const adapter of options.existing) {
    for (const id of [adapter.id, ...(adapter.aliases ?? [])]) taken.set(id, `the bundled adapter "${adapter.id}"`);
  }
  const loaded: ProviderAdapter[] = [];
  for (const specifier of specifiers) {
    const file = resolvePluginEntry(specifier, options.baseDir, conditions);
    const candidate = await importPluginAdapter(specifier, file, options.onGuardrailChecks);
    if (candidate === guardrailChecksOnly) continue;
    const adapter = checkPluginAdapter(specifier, candidate);
    for (const id of [adapter.id, ...(adapter.aliases ?? [])]) {
      const owner = taken.get(id);
      if (owner) throw new PluginError(specifier, 'duplicate id', `"${id}" is already the id of ${owner}`);
      taken.set(id, `the plugin "${specifier}"`);
    }
    loaded.push(adapter);
  }
  return loaded;
}

function isPath(specifier: string): boolean {
  return specifier.startsWith('./') || specifier.startsWith('../') || specifier === '.' || specifier === '..' || isAbsolute(specifier);
}

/** The file to import for a plugin specifier. */
function resolvePluginEntry(specifier: string, baseDir: string, conditions: Set<string>): string {
  if (isPath(specifier)) {
    const path = resolve(baseDir, specifier);
    if (!existsSync(path)) throw new PluginError(specifier, 'not found', `${path} does not exist`);
    return statSync(path).isDirectory() ? packageEntry(specifier, path, conditions) : path;
  }
  const name = specifier.match(/^(@[^/]+\/[^/]+|[^/@][^/]*)$/)?.[1];
  if (!name) throw new PluginError(specifier, 'not found', 'not a package name (`name` or `@scope/name`) or a path starting with ./ or ../');
  for (let dir = resolve(baseDir); ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return packageEntry(specifier, candidate, conditions);
    if (dirname(dir) === dir) break;
  }
  throw new PluginError(specifier, 'not found', `no package "${name}" in node_modules of ${resolve(baseDir)} or any folder above it (install it next to the config file)`);
}

/** A package folder's main module: `exports["."]` under the first matching condition, else `module`, `main`, index.js. */
function packageEntry(specifier: string, dir: string, conditions: Set<string>): string {
  const manifestPath = join(dir, 'package.json');
  let manifest: { exports?: unknown; module?: string; main?: string } = {};
  if (existsSync(manifestPath)) {
    try {
      manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
    } catch (error) {
      throw new PluginError(specifier, 'could not be loaded', `${manifestPath} is not valid JSON: ${(error as Error).message}`);
    }
  }
  const fromExports = manifest.exports === undefined ? undefined : exportTarget(rootExport(manifest.exports), conditions);
  if (manifest.exports !== undefined && fromExports === undefined) {
    throw new PluginError(specifier, 'not found', `${manifestPath} exports no "." entry for the conditions ${[...conditions].join(', ')}`);
  }
  const entry = join(dir, fromExports ?? manifest.module ?? manifest.main ?? 'index.js');
  if (!existsSync(entry)) throw new PluginError(specifier, 'not found', `its entry ${entry} does not exist (is the package built?)`);
  return entry;
}

function rootExport(exports: unknown): unknown {
  if (typeof exports === 'object' && exports !== null && !Array.isArray(exports) && Object.keys(exports).some((key) => key.startsWith('.'))) {
    return (exports as Record<string, unknown>)['.'];
  }
  return exports;
}

function exportTarget(target: unknown, conditions: Set<string>): string | undefined {
  if (typeof target === 'string') return target;
  if (Array.isArray(target)) return target.map((item) => exportTarget(item, conditions)).find((found) => found !== undefined);
  if (typeof target !== 'object' || target === null) return undefined;
  for (const [condition, value] of Object.entries(target)) {
    if (!conditions.has(condition)) continue;
    const found = exportTarget(value, conditions);
    if (found !== undefined) return found;
  }
  return undefined;
}

const guardrailChecksOnly = Symbol('guardrail checks only');

async function importPluginAdapter(specifier: string, file: string, onGuardrailChecks?: LoadPluginsOptions['onGuardrailChecks']): Promise<unknown> {
  let module: Record<string, unknown>;
  try {
    module = await import(pathToFileURL(file).href);
  } catch (error) {
    // defineProvider throws at import when the definition breaks the plugin's own core's contract.
    if ((error as Error | undefined)?.name === 'InvalidProviderError') throw new PluginError(specifier, 'invalid definition', (error as Error).message);
    throw new PluginError(specifier, 'could not be loaded', `importing ${file} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  const guardrails = guardrailChecksOf(module);
  if (guardrails.problem) throw new PluginError(specifier, 'invalid definition', guardrails.problem);
  if (guardrails.checks) onGuardrailChecks?.(guardrails.checks, specifier);
  if (guardrails.only) return guardrailChecksOnly;
  const candidate = module.default ?? module.provider ?? module.createProvider;
  if (typeof candidate !== 'function') return candidate;
  try {
    return (candidate as () => unknown)();
  } catch (error) {
    const problem = (error as Error | undefined)?.name === 'InvalidProviderError' ? 'invalid definition' : 'could not be loaded';
    throw new PluginError(specifier, problem, `creating its adapter failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function checkPluginAdapter(specifier: string, candidate: unknown): ProviderAdapter {
  if (typeof candidate !== 'object' || candidate === null) {
    throw new PluginError(specifier, 'invalid definition', 'it exports no adapter: give it a default export made with defineProvider (or a named `provider`, or `createProvider()`)');
  }
  const version = (candidate as { specificationVersion?: unknown }).specificationVersion;
  if (typeof version === 'number' && version !== SPECIFICATION_VERSION) {
    throw new PluginError(specifier, 'wrong version', `it implements adapter specification ${version}, this gateway's core implements ${SPECIFICATION_VERSION}; use a version of the plugin built for @switchyard/core with specification ${SPECIFICATION_VERSION}`);
  }
  const problems = checkProvider(candidate);
  if (problems.length > 0) {
    const missing = problems.filter((problem) => /implement/.test(problem));
    if (missing.length === problems.length) throw new PluginError(specifier, 'missing operation', missing.join('; '));
    throw new PluginError(specifier, 'invalid definition', problems.join('; '));
  }
  return candidate as ProviderAdapter;
}
