import { stripVTControlCharacters } from 'node:util';
import { describe, expect, it } from 'vitest';
import { DELAY_MS, loadProgress, REDRAW_MS } from '../../src/ui/load-progress.js';

/** A stderr that records what is written, a stdout, and a clock moved by hand. */
function setup(options: { stdoutTTY?: boolean; stderrTTY?: boolean; columns?: number } = {}) {
  const writes: string[] = [];
  let time = 1_000;
  const stderr = { isTTY: options.stderrTTY ?? true, columns: options.columns ?? 80, write: (text: string) => (writes.push(text), true) };
  const progress = loadProgress({ stdout: { isTTY: options.stdoutTTY ?? true }, stderr: stderr as never }, () => time);
  return { progress, writes, advance: (ms: number) => (time += ms) };
}

/** Each write as a user would see it: the line's text, or '' for a write that only erases. */
const shown = (writes: string[]) => writes.map((text) => stripVTControlCharacters(text));

describe('the progress line of a slow load', () => {
  it('stays silent while a load is quick', () => {
    const { progress, writes, advance } = setup();
    for (let read = 1; read <= 100; read++) {
      advance(1);
      progress.fileRead(read, 100);
    }
    progress.saving();
    progress.done();
    expect(writes).toEqual([]);
  });

  it('appears once the load has taken a while, is redrawn at most every REDRAW_MS, and is erased at the end', () => {
    const { progress, writes, advance } = setup();
    advance(DELAY_MS);
    progress.fileRead(1200, 10000);
    advance(REDRAW_MS - 1);
    progress.fileRead(1300, 10000);
    advance(1);
    progress.fileRead(1400, 10000);
    progress.saving();
    progress.done();
    expect(shown(writes)).toEqual([
      '\rReading question files: 1,200 of 10,000',
      '\rReading question files: 1,400 of 10,000',
      '\rSaving the bank cache, so that the next run starts faster…',
      '\r',
    ]);
    // Each draw erases the line first, as does the end.
    expect(writes.every((text) => text.startsWith('\r\x1b[2K'))).toBe(true);
  });

  it('is cut to the width of the terminal, so that it never wraps', () => {
    const { progress, writes, advance } = setup({ columns: 20 });
    advance(DELAY_MS);
    progress.fileRead(5, 50000);
    expect(shown(writes)).toEqual(['\rReading question fi']); // 19 characters: the last column stays free
  });

  it.each([
    ['stdout is not a terminal (piped, or captured by shell completion)', { stdoutTTY: false }],
    ['stderr is not a terminal', { stderrTTY: false }],
  ])('prints nothing when %s', (_what, options) => {
    const { progress, writes, advance } = setup(options);
    advance(10 * DELAY_MS);
    progress.fileRead(1, 2);
    progress.saving();
    progress.done();
    expect(writes).toEqual([]);
  });
});
