import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { bundledAdapters, configJsonSchemas, validateConfigText } from '@switchyard/gateway';
import { CliError, type CliIo } from '../cli-io.js';
import type { Command } from '../command.js';
import { paint } from '../paint.js';
import { parseCommandArgs } from '../parse-command-args.js';
import { resolveConfigPath } from '../resolve-config.js';
import { starterConfig } from '../starter-config.js';

const help = `Usage: switchyard config <init|validate|schema> [options]

  init [FILE]       write a commented starter config (default ./switchyard.yaml) with an
                    entry for each provider key found in the environment; asks before
                    overwriting (--force to skip the question)
  validate [FILE]   check a YAML or JSON config: every problem with its path and line
                    (default: --config, $SWITCHYARD_CONFIG or ./switchyard.yaml); exit 1 if any
  schema            print the config's JSON Schema (--routing: a routing config's)

Options:
      --force       init: overwrite without asking
      --json        validate: the problems as JSON
  -h, --help        this help

Examples:
  switchyard config init
  switchyard config validate switchyard.yaml
  switchyard config schema > switchyard.schema.json
`;

export const configCommand: Command = {
  name: 'config',
  summary: 'Write, check, or describe a gateway config file',
  help,
  async run(argv, io) {
    const [sub, ...rest] = argv;
    if (sub === 'init') return init(rest, io);
    if (sub === 'validate') return validate(rest, io);
    if (sub === 'schema') return schema(rest, io);
    throw new CliError(sub ? `Unknown config command "${sub}" (init, validate, schema)` : 'Which one: switchyard config init | validate | schema', 2);
  },
};

async function init(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs('config', argv, { force: { type: 'boolean' } }, true);
  const path = resolve(io.cwd, positionals[0] ?? 'switchyard.yaml');
  const shown = relative(io.cwd, path) || path;
  if (existsSync(path) && !values.force && !(await confirm(io, `${shown} exists. Overwrite it? [y/N] `))) {
    io.err(`${shown} left unchanged.\n`);
    return 1;
  }
  const { text, detected } = starterConfig(bundledAdapters(), io.env);
  writeFileSync(path, text);
  const colors = paint(io);
  io.out(`${colors.green('Wrote')} ${shown}`);
  io.out(detected.length > 0 ? ` with entries for ${detected.join(', ')} (referenced as \${NAME}, not copied).\n` : ' (no provider key found in the environment; the mock works without one).\n');
  io.out(`Next: switchyard config validate ${shown} && switchyard serve\n`);
  return 0;
}

/** Asks a yes/no question on stdin (a terminal or a pipe); no answer means no. */
async function confirm(io: CliIo, question: string): Promise<boolean> {
  io.err(question);
  const lines = createInterface({ input: io.stdin, terminal: false });
  try {
    for await (const line of lines) return /^y(es)?$/i.test(line.trim());
    return false;
  } finally {
    lines.close();
  }
}

async function validate(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs('config', argv, { json: { type: 'boolean' }, config: { type: 'string', short: 'c' } }, true);
  const path = positionals[0] ? resolve(io.cwd, positionals[0]) : resolveConfigPath(io, values.config);
  if (!path) throw new CliError('Which file? switchyard config validate FILE (no ./switchyard.yaml here)', 2);
  const shown = relative(io.cwd, path) || path;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new CliError(`Cannot read ${shown}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  const problems = validateConfigText(text, io.env, bundledAdapters().map((adapter) => adapter.id));
  if (values.json) {
    io.out(`${JSON.stringify({ file: shown, valid: problems.length === 0, problems }, null, 2)}\n`);
    return problems.length === 0 ? 0 : 1;
  }
  const colors = paint(io);
  if (problems.length === 0) {
    io.out(`${colors.green('✓')} ${shown} is a valid gateway config.\n`);
    return 0;
  }
  for (const problem of problems) io.err(`${shown}:${problem.line}:${problem.column}  ${colors.bold(problem.path)}  ${problem.message}\n`);
  io.err(`${colors.red('✗')} ${problems.length} problem${problems.length === 1 ? '' : 's'} in ${shown}.\n`);
  return 1;
}

async function schema(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs('config', argv, { routing: { type: 'boolean' } });
  const schemas = configJsonSchemas();
  io.out(`${JSON.stringify(schemas[values.routing ? 'routing-config.schema.json' : 'gateway-config.schema.json'], null, 2)}\n`);
  return 0;
}
