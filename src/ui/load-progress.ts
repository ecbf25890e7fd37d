import { groupDigits } from '../core/locale-free.js';
import { style } from './style.js';

/**
 * A status line on stderr while a bank loads slowly (thousands of files read for the first time,
 * or after an upgrade), so that a long wait does not look like a hang. It appears only after
 * DELAY_MS, is redrawn at most every REDRAW_MS, and is erased before the command prints anything.
 */
export interface LoadProgress {
  fileRead(read: number, total: number): void;
  /** The cache is being written: after a long read, that can take seconds too. */
  saving(): void;
  /** Erases the line, if it was shown. */
  done(): void;
}

export const DELAY_MS = 500;
export const REDRAW_MS = 100;

interface Streams {
  stdout: { isTTY?: boolean };
  stderr: Pick<NodeJS.WriteStream, 'isTTY' | 'columns' | 'write'>;
}

const SILENT: LoadProgress = { fileRead: () => {}, saving: () => {}, done: () => {} };

/**
 * Shown only where a person watches both streams: a terminal on stdout and stderr. Off a terminal
 * it would be noise in a log, and a shell's completion (stdout captured) must never print on its line.
 */
export function loadProgress(streams: Streams = process, now: () => number = Date.now): LoadProgress {
  // stderr is looked at only when stdout is a terminal: Node makes the stream when it is first asked for.
  if (!streams.stdout.isTTY || !streams.stderr.isTTY) return SILENT;
  const { stderr } = streams;
  const start = now();
  let shown = false;
  let drawn = -Infinity;
  // Erase the line, then draw: no longer than the terminal is wide, as a wrapped line could not be erased.
  const draw = (text: string) => {
    stderr.write(`\r\x1b[2K${style.dim(text.slice(0, Math.max(0, (stderr.columns || 80) - 1)))}`);
    shown = true;
  };
  return {
    fileRead(read, total) {
      const time = now();
      if (time - start < DELAY_MS || time - drawn < REDRAW_MS) return;
      drawn = time;
      draw(`Reading question files: ${groupDigits(read)} of ${groupDigits(total)}`);
    },
    saving() {
      if (shown) draw('Saving the bank cache, so that the next run starts faster…');
    },
    done() {
      if (shown) stderr.write('\r\x1b[2K');
      shown = false;
    },
  };
}
