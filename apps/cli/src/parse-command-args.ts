import { parseArgs, type ParseArgsConfig } from 'node:util';
import { CliError } from './cli-io.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/** node:util parseArgs, strict, with its errors turned into a usage error that points at --help. */
export function parseCommandArgs<T extends Options>(
  command: string,
  argv: string[],
  options: T,
  allowPositionals = false,
): ReturnType<typeof parseArgs<{ args: string[]; options: T; allowPositionals: boolean; strict: true }>> {
  try {
    return parseArgs({ args: argv, options, allowPositionals, strict: true });
  } catch (error) {
    throw new CliError(`${(error as Error).message.replace(/\. To specify a positional.*$/s, '')}\nRun \`switchyard ${command} --help\` for usage.`, 2);
  }
}

/** A positive integer flag, or a usage error naming the flag. */
export function parsePositiveInteger(flag: string, value: string | undefined, min = 1): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!Number.isInteger(number) || number < min) throw new CliError(`--${flag} must be an integer ≥ ${min}, got "${value}"`, 2);
  return number;
}
