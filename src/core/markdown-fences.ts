// Where fenced code stands in Markdown, by CommonMark's rules, for the line-by-line passes over
// answers (validate's glued headings, the study sheet's heading levels) that must leave code alone.

/** A fence: three or more backticks or tildes, indented at most three spaces (a tab indents four, which makes code of its own). */
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/**
 * For each line, whether it belongs to fenced code: an opening fence, the lines inside and the
 * closing fence. A fence closes only on a line of the same character, at least as long, with
 * nothing after it; one never closed runs to the end.
 */
export function fencedLines(lines: readonly string[]): boolean[] {
  let fence: string | undefined;
  return lines.map((text) => {
    const marker = FENCE.exec(text)?.[1];
    if (fence === undefined) {
      fence = marker;
      return marker !== undefined;
    }
    if (marker && marker[0] === fence[0] && marker.length >= fence.length && /^\s*$/.test(text.slice(text.indexOf(marker) + marker.length))) fence = undefined;
    return true;
  });
}
