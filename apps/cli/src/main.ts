import { processIo } from './cli-io.js';
import { runCli } from './run-cli.js';

/** The process entry: runs the command, then exits with its code (servers keep the process alive on their own). */
export function main(argv = process.argv.slice(2)): void {
  // `switchyard models | head`: a closed pipe ends the output, not with a stack trace.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  runCli(argv, processIo()).then((code) => {
    process.exitCode = code;
  });
}

// Run directly from source (`node --import tsx src/main.ts …`), as the tests do.
if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) main();
