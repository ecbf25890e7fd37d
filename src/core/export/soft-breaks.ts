/**
 * Bank answers are often hard-wrapped in their files. In Markdown a single line break inside a
 * paragraph is a soft break, the same as a space; only a blank line ends a paragraph, and only a
 * line ending in two spaces or a backslash is a hard break. The sheets must read the same way, so
 * soft breaks become spaces before any viewer (or Anki, which shows every newline) can take them
 * for line breaks.
 */
import { lexer, type Token } from 'marked';

/** A line break inside a line of text, with the blanks around it. */
const SOFT_BREAK = /[ \t]*\n[ \t]*/g;

/** Marked `walkTokens` visitor: the text of a leaf text token keeps no soft break. */
export function joinSoftBreaks(token: Token): void {
  if (token.type === 'text' && !('tokens' in token && token.tokens)) token.text = token.text.replace(SOFT_BREAK, ' ');
}

/** Whether a paragraph line ends in a hard break: two spaces or a backslash. */
const endsInHardBreak = (line: string) => / {2,}$|\\$/.test(line);

/** One paragraph's source with its soft breaks made spaces; hard breaks and trailing newlines are kept. */
function unwrapParagraph(raw: string): string {
  const body = raw.replace(/\n+$/, '');
  const lines = body.split('\n');
  let joined = lines[0]!;
  for (const line of lines.slice(1)) joined = endsInHardBreak(joined) ? `${joined}\n${line}` : `${joined.trimEnd()} ${line.trimStart()}`;
  return joined + raw.slice(body.length);
}

/**
 * Markdown with each top-level paragraph on one line. Lists, quotes, code and everything else are
 * left exactly as written; Markdown whose tokens do not add up to its text is left alone.
 */
export function unwrapParagraphs(markdown: string): string {
  let tokens: Token[];
  try {
    tokens = lexer(markdown);
  } catch (error) {
    // Too deep to parse: the sanitiser shows such text literally anyway.
    if (error instanceof RangeError) return markdown;
    throw error;
  }
  if (tokens.map((t) => t.raw).join('') !== markdown) return markdown;
  return tokens.map((t) => (t.type === 'paragraph' ? unwrapParagraph(t.raw) : t.raw)).join('');
}
