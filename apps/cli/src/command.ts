import type { CliIo } from './cli-io.js';

/** One `switchyard <name>` command. */
export interface Command {
  name: string;
  /** One line for the command list. */
  summary: string;
  /** The full `--help` text: usage, options, examples. */
  help: string;
  /** Runs with the arguments after the command name; resolves to the exit code. */
  run(argv: string[], io: CliIo): Promise<number>;
  /** The command prints its own help for `--help` (it has subcommands with their own). */
  ownHelp?: boolean;
}
