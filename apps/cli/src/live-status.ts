import type { CliIo } from './cli-io.js';

const frames = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

/**
 * Checks running at once, each shown as one line: on a terminal the pending ones spin and
 * are redrawn in place as they finish; elsewhere each prints one plain line when it finishes.
 */
export function createLiveStatus(io: CliIo, labels: readonly string[]) {
  const results: Array<string | undefined> = labels.map(() => undefined);
  let frame = 0;
  let drawn = 0;
  const draw = () => {
    if (drawn > 0) io.err(`\x1b[${drawn}A`);
    for (let i = 0; i < labels.length; i++) io.err(`\x1b[2K${results[i] ?? `${frames[frame % frames.length]} ${labels[i]}…`}\n`);
    drawn = labels.length;
  };
  const timer = io.interactive && labels.length > 0 ? setInterval(() => (frame++, draw()), 80) : undefined;
  if (timer) draw();
  return {
    /** Marks check `index` finished with its result line. */
    done(index: number, line: string) {
      results[index] = line;
      if (timer) draw();
      else io.err(`${line}\n`);
    },
    stop() {
      if (timer) {
        clearInterval(timer);
        draw();
      }
    },
  };
}

/** A progress bar redrawn in place on a terminal; nothing elsewhere. */
export function createProgressBar(io: CliIo, width = 30) {
  return {
    update(fraction: number, suffix: string) {
      if (!io.interactive) return;
      const filled = Math.round(Math.min(1, Math.max(0, fraction)) * width);
      io.err(`\r\x1b[2K[${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${Math.round(fraction * 100)}% ${suffix}`);
    },
    end() {
      if (io.interactive) io.err('\r\x1b[2K');
    },
  };
}
