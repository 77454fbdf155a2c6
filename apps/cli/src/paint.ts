import type { CliIo } from './cli-io.js';

export interface Paint {
  bold(text: string): string;
  dim(text: string): string;
  red(text: string): string;
  green(text: string): string;
  yellow(text: string): string;
  cyan(text: string): string;
}

const codes: Record<keyof Paint, [number, number]> = {
  bold: [1, 22],
  dim: [2, 22],
  red: [31, 39],
  green: [32, 39],
  yellow: [33, 39],
  cyan: [36, 39],
};

/** ANSI colours when the io allows them (a TTY without NO_COLOR), plain text otherwise. */
export function paint(io: Pick<CliIo, 'color'>): Paint {
  const entries = Object.entries(codes).map(([name, [open, close]]) => [
    name,
    io.color ? (text: string) => `\x1b[${open}m${text}\x1b[${close}m` : (text: string) => text,
  ]);
  return Object.fromEntries(entries) as Paint;
}

/** The width a string takes on screen, ANSI codes aside. */
export function visibleWidth(text: string): number {
  return [...text.replace(/\x1b\[[0-9;]*m/g, '')].length;
}
