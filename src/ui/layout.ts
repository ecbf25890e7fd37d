import stringWidth from 'string-width';
import wrapAnsi from 'wrap-ansi';
import { style } from './style.js';

// Characters each one column wide that never join a neighbour into one glyph: printable ASCII,
// Latin, Greek and Cyrillic letters, punctuation, sub- and superscripts, arrows, mathematical
// operators, box drawing (tests/ui/layout.test.ts checks every one against string-width). Text of
// these alone, nearly all nnquiz prints, is measured by its length: string-width would build an
// Intl.Segmenter for anything past ASCII, and the first one a process builds costs a cold start
// some 20 ms (scripts/lazy-setup.mjs). All are in the Basic Multilingual Plane, so one character is one code unit.
const ONE_COLUMN_EACH =
  /^[\u0020-\u007e\u00a0-\u00ac\u00ae-\u02ff\u0370-\u0377\u037a-\u037f\u0384-\u038a\u038c\u038e-\u03a1\u03a3-\u0482\u048a-\u04ff\u1d00-\u1dbf\u1e00-\u1fff\u2010-\u2027\u2030-\u205e\u2070-\u20cf\u2100-\u22ff\u2500-\u257f]*$/;
const COLOUR_CODES = /\u001b\[[0-9;]*m/g;

/** Columns a string takes on screen, ignoring colour codes; wide East Asian characters count two. */
export function displayWidth(text: string): number {
  const plain = text.includes('\u001b') ? text.replace(COLOUR_CODES, '') : text;
  return ONE_COLUMN_EACH.test(plain) ? plain.length : stringWidth(plain);
}

/** Cuts plain text to a display width, ending with an ellipsis when cut. */
export function truncate(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  if (width <= 1) return '…'.slice(0, Math.max(0, width));
  let out = '';
  let used = 0;
  for (const char of text) {
    const w = displayWidth(char);
    if (used + w > width - 1) break;
    out += char;
    used += w;
  }
  return `${out}…`;
}

export function padEnd(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

/** The terminal's width, or undefined when output is not a terminal (then nothing is cut or wrapped). */
export function terminalWidth(): number | undefined {
  return process.stdout.isTTY ? process.stdout.columns || 80 : undefined;
}

/** The terminal's height, or undefined when output is not a terminal. */
export function terminalHeight(): number | undefined {
  return process.stdout.isTTY ? process.stdout.rows || 24 : undefined;
}

// What a wrapped line's later lines are indented under: its leading spaces and a list mark.
const HANGING = /^(\s*(?:(?:[-*•·›✔✘◐]|\d{1,3}[.)]|\[[ x]\])\s+)?)/u;

/**
 * Wraps each line of styled text to a width at word boundaries (a word longer than the whole
 * line is the only thing ever cut), indenting the later lines of a list item or an indented line
 * under its first. Colour codes are kept and never counted.
 */
export function wrapToWidth(text: string, width: number): string {
  return text
    .split('\n')
    .map((line) => {
      if (displayWidth(line) <= width) return line;
      const plain = line.replace(COLOUR_CODES, '');
      const indent = ' '.repeat(displayWidth(HANGING.exec(plain)?.[1] ?? ''));
      const room = width - indent.length;
      // Too little room for a hanging indent: wrap flush.
      if (room < Math.min(20, width / 2)) return wrapAnsi(line, width, { hard: true, trim: false });
      const [first, ...rest] = wrapAnsi(line, room + indent.length, { hard: true, trim: false }).split('\n');
      if (rest.length === 0) return first!;
      const again = wrapAnsi(rest.map((l) => l.trim()).join(' '), room, { hard: true }).split('\n');
      return [first!.trimEnd(), ...again.map((l) => indent + l)].join('\n');
    })
    .join('\n');
}

/** Text as the terminal should get it: wrapped to its width; unchanged when output is not a terminal. */
export function fitToTerminal(text: string): string {
  const width = terminalWidth();
  return width === undefined ? text : wrapToWidth(text, width);
}

/**
 * Lays out rows as aligned columns under a bold header. On a terminal, when the table is wider
 * than the screen, the widest column gives up width first, its cells cut with an ellipsis, until
 * it fits; when not writing to a terminal, nothing is cut.
 */
export function renderTable(header: string[], rows: string[][], decorate: Array<((cell: string) => string) | undefined> = []): string {
  const widths = header.map((title, column) => Math.max(displayWidth(title), ...rows.map((row) => displayWidth(row[column] ?? ''))));
  const total = terminalWidth();
  if (total !== undefined) shrinkToFit(widths, total);
  const last = header.length - 1;
  const line = (cells: string[], colour: boolean) =>
    cells
      .map((cell, column) => {
        let text = truncate(cell, widths[column]!);
        const width = displayWidth(text);
        if (colour) text = decorate[column]?.(text) ?? text;
        return column === last ? text : text + ' '.repeat(widths[column]! - width);
      })
      .join('  ')
      .trimEnd();
  return [style.heading(line(header, false)), ...rows.map((row) => line(row, true))].join('\n');
}

/** Narrows the widest column, a column at a time, until the columns and their gaps fit. */
function shrinkToFit(widths: number[], total: number): void {
  const used = () => widths.reduce((sum, w) => sum + w, 0) + 2 * (widths.length - 1);
  while (used() > total) {
    const widest = widths.indexOf(Math.max(...widths));
    if (widths[widest]! <= 3) break;
    widths[widest]!--;
  }
}
