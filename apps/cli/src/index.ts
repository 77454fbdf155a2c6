export { runCli, commands } from './run-cli.js';
export { type CliIo, CliError, processIo } from './cli-io.js';
export type { Command } from './command.js';
