/**
 * How a command talks to the terminal. Every command (including `switchyard new`) gets one and
 * writes through it, never to process.stdout directly, so tests and colour handling stay in one place.
 */
export interface CliIo {
  /** Writes to stdout as is (no newline added). */
  out(text: string): void;
  /** Writes to stderr as is (no newline added). */
  err(text: string): void;
  /** True when stdout is a terminal and NO_COLOR is unset: colour and live progress are allowed. */
  readonly color: boolean;
  /** True when stdout is a terminal (spinners, progress bars redraw in place). */
  readonly interactive: boolean;
  /** The working directory commands resolve relative paths against. */
  readonly cwd: string;
  /** The environment (provider keys, NO_COLOR, …). */
  readonly env: NodeJS.ProcessEnv;
  /** stdin, for prompts and piped input. */
  readonly stdin: NodeJS.ReadableStream & { isTTY?: boolean };
}

/** A command failed in a way the user can fix: printed as one line to stderr, no stack trace. */
export class CliError extends Error {
  constructor(
    message: string,
    /** The process exit code: 1 for failures, 2 for usage errors. */
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/** The io of the running process. */
export function processIo(): CliIo {
  const interactive = !!process.stdout.isTTY;
  const noColor = process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '';
  return {
    out: (text) => void process.stdout.write(text),
    err: (text) => void process.stderr.write(text),
    color: interactive && !noColor && process.env.TERM !== 'dumb',
    interactive,
    cwd: process.cwd(),
    env: process.env,
    stdin: process.stdin,
  };
}
