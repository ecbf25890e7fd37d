import { stripVTControlCharacters } from 'node:util';
import { style } from './style.js';

/** Columns a string takes on screen, ignoring colour codes; wide East Asian characters count two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of stripVTControlCharacters(text)) {
    const code = char.codePointAt(0)!;
    width += code >= 0x1100 && /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\uFF00-\uFF60]/u.test(char) ? 2 : 1;
  }
  return width;
}

/** Cuts plain text to a display width, ending with an ellipsis when cut. */
export function truncate(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  let out = '';
  for (const char of text) {
    if (displayWidth(out + char) > width - 1) break;
    out += char;
  }
  return `${out}…`;
}

export function padEnd(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

/** The terminal's width, or undefined when output is not a terminal (then nothing is cut). */
export function terminalWidth(): number | undefined {
  return process.stdout.isTTY ? process.stdout.columns || 80 : undefined;
}

/**
 * Lays out rows as aligned columns under a bold header. The last column takes the remaining width of the terminal
 * and is cut to fit; when not writing to a terminal, nothing is cut.
 */
export function renderTable(header: string[], rows: string[][], decorate: Array<((cell: string) => string) | undefined> = []): string {
  const widths = header.map((title, column) =>
    Math.max(displayWidth(title), ...rows.map((row) => displayWidth(row[column] ?? ''))),
  );
  const total = terminalWidth();
  const last = header.length - 1;
  const lastWidth = total === undefined ? undefined : Math.max(20, total - widths.slice(0, last).reduce((sum, w) => sum + w + 2, 0));
  const line = (cells: string[], colour: boolean) =>
    cells
      .map((cell, column) => {
        let text = column === last && lastWidth !== undefined ? truncate(cell, lastWidth) : cell;
        const width = displayWidth(text);
        if (colour) text = decorate[column]?.(text) ?? text;
        return column === last ? text : text + ' '.repeat(widths[column]! - width);
      })
      .join('  ');
  return [style.heading(line(header, false)), ...rows.map((row) => line(row, true))].join('\n');
}
