// A concern of its own, apart from the Markdown renderers: validate checks it without loading marked.

/** How deep block quotes and lists may nest in rendered bank Markdown; deeper markers are dropped. */
export const MAX_MARKDOWN_NESTING = 16;

/**
 * Drops block-quote and list markers beyond `max` at the start of each line, so a hostile bank
 * file (`>` × 3000) renders as a bounded quote instead of exhausting the parser's stack.
 */
export function boundMarkdownNesting(markdown: string, max = MAX_MARKDOWN_NESTING): string {
  const container = / {0,3}(?:>[ \t]?|(?:[*+-]|\d{1,9}[.)])[ \t]+)/y;
  return markdown
    .split('\n')
    .map((line) => {
      let depth = 0;
      let kept = 0;
      let end = 0;
      container.lastIndex = 0;
      while (container.exec(line) !== null) {
        end = container.lastIndex;
        if (++depth === max) kept = end;
      }
      return depth > max ? line.slice(0, kept) + line.slice(end) : line;
    })
    .join('\n');
}
