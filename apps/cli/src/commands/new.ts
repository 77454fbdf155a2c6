import type { Command } from '../command.js';
import { runNewProvider } from '../new-provider/index.js';

export const newCommand: Command = {
  name: 'new',
  summary: 'Scaffold a new piece of Switchyard (`switchyard new provider NAME`)',
  help: `Usage: switchyard new provider NAME [options]

Generates a provider adapter package. Run \`switchyard new provider --help\` for its options.

Examples:
  switchyard new provider acme
`,
  ownHelp: true,
  async run(argv, io) {
    if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h') {
      io.out(newCommand.help);
      return argv.length === 0 ? 2 : 0;
    }
    return runNewProvider(argv, io);
  },
};
