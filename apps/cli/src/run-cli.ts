import { readFileSync } from 'node:fs';
import { CliError, type CliIo } from './cli-io.js';
import type { Command } from './command.js';
import { benchCommand } from './commands/bench.js';
import { chatCommand } from './commands/chat.js';
import { configCommand } from './commands/config.js';
import { doctorCommand } from './commands/doctor.js';
import { keysCommand } from './commands/keys.js';
import { logsCommand } from './commands/logs.js';
import { pricesCommand } from './commands/prices.js';
import { modelsCommand } from './commands/models.js';
import { newCommand } from './commands/new.js';
import { providersCommand } from './commands/providers.js';
import { serveCommand } from './commands/serve.js';
import { paint } from './paint.js';

export const commands: readonly Command[] = [serveCommand, chatCommand, modelsCommand, providersCommand, configCommand, doctorCommand, benchCommand, newCommand, keysCommand, logsCommand, pricesCommand];

function version(): string {
  // src/ and dist/ both sit next to package.json.
  return (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;
}

function usage(io: CliIo): string {
  const colors = paint(io);
  const width = Math.max(...commands.map((command) => command.name.length));
  return `${colors.bold('switchyard')} ${version()} — the Switchyard AI gateway from the command line

Usage: switchyard <command> [options]

Commands:
${commands.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`).join('\n')}

Global options:
  -h, --help      help (also \`switchyard <command> --help\`)
  -v, --version   the version
      --debug     show stack traces of errors

Examples:
  switchyard serve --port 8787
  switchyard chat "hello"
  switchyard models --json
  switchyard doctor
`;
}

/** Runs one command line; resolves to the exit code. Errors go to stderr as one line (stack with --debug). */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const debug = argv.includes('--debug') || !!io.env.SWITCHYARD_DEBUG;
  const args = argv.filter((arg) => arg !== '--debug');
  const [name, ...rest] = args;
  try {
    if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
      const topic = name === 'help' ? commands.find((command) => command.name === rest[0]) : undefined;
      io.out(topic ? topic.help : usage(io));
      return 0;
    }
    if (name === '--version' || name === '-v') {
      io.out(`${version()}\n`);
      return 0;
    }
    const command = commands.find((candidate) => candidate.name === name);
    if (!command) throw new CliError(`Unknown command "${name}". Run \`switchyard --help\` for the list.`, 2);
    if (!command.ownHelp && (rest.includes('--help') || rest.includes('-h'))) {
      io.out(command.help);
      return 0;
    }
    return await command.run(rest, io);
  } catch (error) {
    const colors = paint({ color: io.color });
    if (debug && error instanceof Error && error.stack) io.err(`${error.stack}\n`);
    else io.err(`${colors.red('error:')} ${error instanceof Error ? error.message : String(error)}\n`);
    return error instanceof CliError ? error.exitCode : 1;
  }
}
