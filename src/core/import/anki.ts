/**
 * Anki's "Notes in Plain Text" export, and the file `nnquiz export --format anki` writes: `#key:value`
 * header lines, then a note a line (fields CSV-quoted when they hold the separator, quotes or newlines).
 */
import { readRecords, type DelimitedRecord } from './delimited.js';
import { htmlToMarkdown, htmlToPlainText } from './html.js';
import type { ImportedItem, ImportProblem, ParsedFile } from './item.js';

/** Separators by the names Anki writes after `#separator:`. */
const SEPARATOR_NAMES = new Map([
  ['tab', '\t'],
  ['comma', ','],
  ['semicolon', ';'],
  ['pipe', '|'],
  ['space', ' '],
  ['colon', ':'],
]);

/** The columns (1-based, as in the headers) that hold what a note is about rather than its fields. */
type MetaColumn = 'notetype' | 'deck' | 'tags' | 'guid';
const META_COLUMNS: readonly MetaColumn[] = ['notetype', 'deck', 'tags', 'guid'];

/** What the header lines say. */
interface AnkiHeaders {
  separator: string;
  /** Unset when the file does not say: then the fields themselves tell. */
  html?: boolean;
  deck?: string;
  columns: Map<MetaColumn, number>;
}

/** Starts the GUID of every note nnquiz's export writes (ANKI_GUID_PREFIX in export/sheet.ts): the rest is the question's id. */
const NNQUIZ_GUID_PREFIX = 'nnquiz:';

const HEADER_LINE = /^#([^:]*):(.*)$/;

/** A separator from its name (`Tab`, `comma`) or as the character itself; a quote or nothing is no separator. */
function separatorFrom(value: string): string | undefined {
  const named = SEPARATOR_NAMES.get(value.trim().toLowerCase());
  if (named) return named;
  return [...value].length === 1 && value !== '"' ? value : undefined;
}

/** A 1-based column number, as the headers write it. */
function columnNumber(value: string): number | undefined {
  const number = /^\d+$/.test(value.trim()) ? Number(value.trim()) : 0;
  return number >= 1 ? number : undefined;
}

/** The `#key:value` lines at the top of the file (Anki reads them until the first line without `#`). */
function readHeaders(lines: readonly string[], problems: ImportProblem[]): AnkiHeaders {
  const headers: AnkiHeaders = { separator: '\t', columns: new Map() };
  let columnNames: string | undefined;
  for (const [index, lineText] of lines.entries()) {
    if (!lineText.startsWith('#')) break;
    const [, rawKey = '', value = ''] = HEADER_LINE.exec(lineText) ?? [];
    const key = rawKey.trim().toLowerCase();
    const line = index + 1;
    if (key === 'separator') {
      const separator = separatorFrom(value);
      if (separator) headers.separator = separator;
      else problems.push({ line, message: `unknown separator "${value.trim()}"; expected Tab, Comma, Semicolon, Pipe, Space, Colon or one character, so tab is used` });
    } else if (key === 'html') {
      const flag = value.trim().toLowerCase();
      if (flag === 'true' || flag === 'false') headers.html = flag === 'true';
    } else if (key === 'deck') {
      headers.deck = value.trim();
    } else if (key === 'columns') {
      columnNames = value;
    } else if (key.endsWith(' column')) {
      const meta = META_COLUMNS.find((name) => `${name} column` === key);
      const column = columnNumber(value);
      if (meta && column) headers.columns.set(meta, column);
      else if (meta) problems.push({ line, message: `"#${key}:${value.trim()}" names no column; expected a column number from 1` });
    }
  }
  if (columnNames !== undefined) addNamedMetaColumns(columnNames, headers);
  return headers;
}

/** `#columns:` names the columns: one called Tags, GUID, Deck or Notetype is that column, unless a `# column:` header said otherwise. */
function addNamedMetaColumns(names: string, headers: AnkiHeaders): void {
  names.split(headers.separator).forEach((name, index) => {
    const meta = META_COLUMNS.find((column) => column === name.trim().toLowerCase());
    if (meta && !headers.columns.has(meta)) headers.columns.set(meta, index + 1);
  });
}

/** Whether text holds an HTML tag or entity: Anki's test, when a file does not say whether its fields are HTML. */
const looksLikeHtml = (text: string) => /<\/?[a-z][a-z0-9]*(?:\s[^<>]*)?\/?>|&(?:[a-z][a-z0-9]*|#\d+|#x[0-9a-f]+);/i.test(text);

/** The fields of a note other than its meta columns: the first is the front, the second the back. */
function noteFields(record: DelimitedRecord, metaIndexes: ReadonlySet<number>): string[] {
  return record.fields.filter((_field, index) => !metaIndexes.has(index));
}

const fieldAt = (record: DelimitedRecord, column: number | undefined) => (column === undefined ? '' : (record.fields[column - 1] ?? '').trim());

/** Anki's own tags, which say how a card fared rather than what it is about. */
const ANKI_STATE_TAGS = new Set(['marked', 'leech']);
const DIFFICULTY_TAG = /^difficulty::(easy|medium|hard)$/i;

/** Tags as nnquiz keeps them: Anki's own state tags dropped, a `difficulty::level` tag read as the difficulty. */
function readTags(text: string): { tags: string[]; difficulty?: string } {
  let difficulty: string | undefined;
  const tags: string[] = [];
  for (const tag of text.split(/\s+/).filter(Boolean)) {
    const level = DIFFICULTY_TAG.exec(tag)?.[1];
    if (level) difficulty ??= level.toLowerCase();
    else if (!ANKI_STATE_TAGS.has(tag.toLowerCase())) tags.push(tag);
  }
  return difficulty ? { tags, difficulty } : { tags };
}

/** The last part of a deck name (`NN::Regularization` → `Regularization`). */
const deckTopic = (deck: string) => deck.split('::').at(-1)!.trim();

const guidToId = (guid: string) => (guid.startsWith(NNQUIZ_GUID_PREFIX) ? guid.slice(NNQUIZ_GUID_PREFIX.length) : guid);

/** How the fields of one file are read as a question and an answer. */
interface FieldReader {
  question(field: string): string;
  answer(field: string): string;
}

const HTML_FIELDS: FieldReader = { question: htmlToPlainText, answer: htmlToMarkdown };
const TEXT_FIELDS: FieldReader = { question: (field) => field.trim(), answer: (field) => field.trim() };

function noteToItem(record: DelimitedRecord, fields: readonly string[], headers: AnkiHeaders, reader: FieldReader): ImportedItem {
  const [front = '', ...backAndMore] = fields;
  const { tags, difficulty } = readTags(fieldAt(record, headers.columns.get('tags')));
  const deck = headers.columns.has('deck') ? fieldAt(record, headers.columns.get('deck')) : (headers.deck ?? '');
  // A deck names the topic; without one, nnquiz's export writes the topic as the first tag.
  const topic = deck ? deckTopic(deck) : tags.shift();
  const id = guidToId(fieldAt(record, headers.columns.get('guid')));
  const item: ImportedItem = {
    question: reader.question(front),
    // Fields past the back (a Basic note has two) are more of the answer.
    answer: backAndMore.map((field) => reader.answer(field)).filter(Boolean).join('\n\n'),
    tags,
    line: record.line,
  };
  if (topic) item.topic = topic;
  if (difficulty) item.difficulty = difficulty;
  if (id) item.id = id;
  return item;
}

/**
 * Anki's "Notes in Plain Text" export (and nnquiz's own): header lines (`#separator:`, `#html:`,
 * `#deck:`, `#notetype column:`, `#deck column:`, `#tags column:`, `#guid column:`, `#columns:`),
 * then a note a line. The first two fields that are not meta columns are the front (question) and
 * back (answer); HTML fields become Markdown. The deck (its last `::` part) or else the first tag is
 * the topic; a `difficulty::level` tag the difficulty; the GUID the id.
 */
export function parseAnki(text: string): ParsedFile {
  const problems: ImportProblem[] = [];
  const headers = readHeaders(text.replace(/^\uFEFF/, '').split(/\r\n?|\n/), problems);
  // Header lines start with `#`, so the reader skips them as comments, and lines keep their numbers.
  const records = readRecords(text, { delimiter: headers.separator, relaxQuotes: true, comments: true });
  const metaIndexes = new Set([...headers.columns.values()].map((column) => column - 1));
  const notes = records
    .filter((record) => record.fields.some((field) => field.trim() !== ''))
    .map((record) => ({ record, fields: noteFields(record, metaIndexes) }));
  const isHtml = headers.html ?? notes.some(({ fields }) => fields.some(looksLikeHtml));
  const reader = isHtml ? HTML_FIELDS : TEXT_FIELDS;

  const items: ImportedItem[] = [];
  for (const { record, fields } of notes) {
    const item = noteToItem(record, fields, headers, reader);
    if (item.question) items.push(item);
    else problems.push({ line: record.line, message: 'the note has no front; expected the question in its first field' });
  }
  return { items, problems };
}
