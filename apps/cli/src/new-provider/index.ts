import { existsSync, readdirSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { CliError, type CliIo } from '../cli-io.js';
import { parseCommandArgs } from '../parse-command-args.js';
import { findTemplateDir } from './find-template-dir.js';
import { providerNames } from './provider-names.js';
import { renderTemplate } from './render-template.js';
import { switchyardVersionRanges } from './switchyard-version-ranges.js';

const help = `Usage: switchyard new provider NAME [options]

Scaffolds an adapter package for a provider: package.json (@switchyard/core as a peer
dependency, typed exports), tsup and TypeScript config, src/ files for the request encoder,
answer decoder, stream mapper and error mapper, a mock upstream, and a conformance test that
passes as generated. NAME is the adapter id: lower-case letters, digits and dashes.

Options:
  --dir DIR            Where to write it (default ./switchyard-provider-NAME); must be empty or absent
  --package-name NAME  The npm package name (default switchyard-provider-NAME)
  --workspace          Depend on Switchyard packages as workspace:* (inside the Switchyard repo)
  -h, --help           Show this help

Examples:
  switchyard new provider acme
  switchyard new provider acme-ai --package-name @acme/switchyard-provider --dir packages/acme
`;

/** `switchyard new provider NAME …`: `argv` is what follows `new`. */
export async function runNewProvider(argv: string[], io: CliIo): Promise<number> {
  const [kind, ...rest] = argv;
  if (kind !== 'provider') throw new CliError(`switchyard new: unknown kind "${kind}"; only \`switchyard new provider NAME\` exists`, 2);
  const { values, positionals } = parseCommandArgs(
    'new provider',
    rest,
    { dir: { type: 'string' }, 'package-name': { type: 'string' }, workspace: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    true,
  );
  if (values.help) {
    io.out(help);
    return 0;
  }
  if (positionals.length > 1) throw new CliError(`switchyard new provider: one NAME only, got ${positionals.join(' ')}`, 2);
  const names = providerNames(positionals[0]);
  const packageName = values['package-name'] ?? `switchyard-provider-${names.name}`;
  const target = resolve(io.cwd, values.dir ?? `switchyard-provider-${names.name}`);
  if (existsSync(target) && readdirSync(target).length > 0) throw new CliError(`switchyard new provider: ${target} is not empty; choose another --dir`);

  const ranges = switchyardVersionRanges(['@switchyard/core', '@switchyard/server', '@switchyard/testkit'], values.workspace ?? false);
  const written = renderTemplate(findTemplateDir('provider'), target, {
    __name__: names.name,
    __Name__: names.pascal,
    __camelName__: names.camel,
    __NAME__: names.upper,
    __packageName__: packageName,
    __coreRange__: ranges['@switchyard/core']!,
    __serverRange__: ranges['@switchyard/server']!,
    __testkitRange__: ranges['@switchyard/testkit']!,
  });
  const shown = relative(io.cwd, target) || '.';
  io.out(`Created ${packageName} in ${shown}:\n${written.map((file) => `  ${file}\n`).join('')}\nNext:\n  cd ${shown}\n  npm install\n  npm test        # the conformance suite, through a real gateway, against test/mock-upstream.ts\n`);
  return 0;
}
