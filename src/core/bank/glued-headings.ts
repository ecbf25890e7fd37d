import { fencedLines } from '../markdown-fences.js';

/** A bold line that heads what follows but runs into the text above it. */
export interface GluedHeading {
  /** The line in the Markdown, from 1. */
  line: number;
  /** The bold label, as written between the `**`. */
  label: string;
}

// A line that is a bold label and nothing else (`**Causes**`, `**Causes:**`), or one that opens
// with a bold label and a colon (`**Diagnosis**: ...`): what authors write as a small heading.
// A line that merely starts with a bold word (`**not** convex`) is prose and is left alone.
const BOLD_HEADING = /^ {0,3}\*\*(?=\S)([^*\n]*?\S)\*\*(?:\s*:?\s*$|\s*:)|^ {0,3}\*\*(?=\S)([^*\n]*?:)\*\*/;
const BLANK = /^\s*$/;
// Lines after which a new line starts a new block anyway: headings, rules and setext underlines.
const ENDS_BLOCK = /^ {0,3}(?:#{1,6}(?:\s|$)|([-*_=])(?:\s*\1){2,}\s*$|(?:=+|-+)\s*$)/;
// A hard line break (two trailing spaces or a backslash) says the author wanted the line kept in.
const HARD_BREAK = / {2,}$|\\$/;
// A line indented as code, or as a list item's continuation: which one is unclear, so no warning.
const INDENTED = /^(?: {4}|\t)/;

/**
 * Bold pseudo-headings written directly under a line of text, a list item or a quote: Markdown
 * reads them as part of that paragraph (`...back.\n**Causes**` renders as `...back. Causes`),
 * so the heading is lost in the rendered answer. Lines inside fenced code are skipped.
 */
export function findGluedHeadings(markdown: string): GluedHeading[] {
  const found: GluedHeading[] = [];
  const lines = markdown.split('\n');
  const code = fencedLines(lines);
  lines.forEach((text, i) => {
    const heading = BOLD_HEADING.exec(text);
    // A line in fenced code is no heading, and under fenced code (its closing fence) a line starts
    // a new block: either way the line above is code.
    if (heading && i > 0 && !code[i - 1] && runsOn(lines[i - 1]!)) found.push({ line: i + 1, label: (heading[1] ?? heading[2])! });
  });
  return found;
}

/** Whether a line is text that the next line continues, when nothing but a blank line separates blocks. */
function runsOn(previous: string): boolean {
  return !BLANK.test(previous) && !ENDS_BLOCK.test(previous) && !HARD_BREAK.test(previous) && !INDENTED.test(previous);
}
