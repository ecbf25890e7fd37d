import { parseAnki } from './anki.js';
import { parseDelimited, parseQuizlet } from './delimited.js';
import type { ImportFormat, ParsedFile } from './item.js';
import { parseMarkdownQuestions } from './markdown.js';

/** Column names that make a first line a header of questions and answers. */
const QUESTION_COLUMN = /^\s*"?\s*(question|front|q|prompt|term)\s*"?\s*$/i;
const ANKI_HEADER = /^#(separator|html|tags column|guid column|notetype|notetype column|deck|deck column|columns):/i;

/**
 * The format of an imported file, from its content: Anki's `#key:value` header lines; a first line
 * that names a question column (CSV or TSV); most lines tab-separated pairs (Quizlet, or Anki
 * without headers when the fields hold HTML); anything else is read as a Markdown or plain-text
 * document.
 */
export function detectFormat(text: string): ImportFormat {
  const lines = text.split(/\r?\n/, 200).filter((l) => l.trim() !== '');
  const first = lines[0] ?? '';
  if (ANKI_HEADER.test(first)) return 'anki';
  for (const separator of ['\t', ',', ';']) {
    if (first.split(separator).some((cell) => QUESTION_COLUMN.test(cell))) return 'csv';
  }
  const tabbed = lines.filter((l) => l.includes('\t')).length;
  if (lines.length > 0 && tabbed / lines.length >= 0.6) return lines.some((l) => /<\/?(p|div|br|b|i|ul|li|span)\b/i.test(l)) ? 'anki' : 'quizlet';
  return 'markdown';
}

/** Reads a file's text in the given format. */
export function parseImport(text: string, format: ImportFormat): ParsedFile {
  switch (format) {
    case 'anki':
      return parseAnki(text);
    case 'csv':
      return parseDelimited(text);
    case 'quizlet':
      return parseQuizlet(text);
    case 'markdown':
      return parseMarkdownQuestions(text);
  }
}

/** How a format is named to people. */
export const FORMAT_NAMES: Record<ImportFormat, string> = {
  markdown: 'a Markdown or text Q&A document',
  anki: 'an Anki text export',
  quizlet: 'a Quizlet export',
  csv: 'CSV/TSV with a header',
};
