/**
 * Question lists as delimited text: CSV or TSV with a header row (`question,answer,...`), and
 * Quizlet's export (a term and a definition a line). `readRecords` is also the reader under Anki's
 * text export (anki.ts), so that every broken quote is explained the same way.
 */
import { CsvError, parse, type Options } from 'csv-parse/sync';
import { ImportFileError, type ImportedItem, type ImportProblem, type ParsedFile } from './item.js';

/** One record of a delimited file, with the line it starts on (1-based). */
export interface DelimitedRecord {
  fields: string[];
  line: number;
}

export interface RecordOptions {
  delimiter: string;
  /** A quote inside a field is text, as Anki's own reader takes it, rather than an error. */
  relaxQuotes?: boolean;
  /** A line that starts with `#` is a comment (Anki). */
  comments?: boolean;
  /** Blanks around a field, and around its quotes, are not part of it (hand-written CSV: `a, "b"`). */
  trim?: boolean;
}

/** The text without a BOM, every line ending a `\n`: csv-parse takes one record delimiter, and the lines it counts must be the file's. */
export function normalizeText(text: string): string {
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

const countNewlines = (text: string) => text.split('\n').length - 1;

/** Where the last complete record ended, to place a quote that is never closed after it. */
interface RecordEnd {
  line: number;
  commentLines: number;
}

const numberField = (error: CsvError, key: string) => (typeof error[key] === 'number' ? error[key] : undefined);

/** A csv-parse error in plain words, at the line it concerns: csv-parse's own messages are not for end users. */
function explainCsvError(error: CsvError, lastRecord: RecordEnd): ImportFileError {
  const line = numberField(error, 'lines');
  switch (error.code) {
    case 'CSV_QUOTE_NOT_CLOSED': {
      // csv-parse reports the end of the file; the field opened in the record after the last whole one.
      const commentLines = (numberField(error, 'comment_lines') ?? 0) - lastRecord.commentLines;
      const opened = lastRecord.line + 1 + Math.max(0, commentLines);
      return new ImportFileError(`a quoted field opened on line ${opened} is never closed`, 'close the quote, or double a quote inside a quoted field ("")', opened);
    }
    case 'CSV_INVALID_CLOSING_QUOTE':
    case 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE':
      return new ImportFileError(
        `a quoted field on line ${line} goes on after its closing quote`,
        'double a quote inside a quoted field (""), or put the delimiter right after the closing quote',
        line,
      );
    case 'INVALID_OPENING_QUOTE':
      return new ImportFileError(
        `a quote in the middle of an unquoted field on line ${line}`,
        'quote the whole field and double the quote inside it ("say ""hi"""), or remove the quote',
        line,
      );
    default:
      return new ImportFileError(`line ${line ?? '?'} could not be read as delimited text`, 'check the quotes and delimiters on that line', line);
  }
}

/**
 * The records of delimited text (RFC 4180 quoting: fields may hold newlines, delimiters and
 * doubled quotes), each with the line it starts on; rows may differ in length. A broken quote
 * throws an ImportFileError naming its line.
 */
export function readRecords(text: string, options: RecordOptions): DelimitedRecord[] {
  const endLines: number[] = [];
  let lastRecord: RecordEnd = { line: 0, commentLines: 0 };
  const parseOptions: Options = {
    delimiter: options.delimiter,
    record_delimiter: '\n',
    relax_column_count: true,
    // Blank lines come back as records, so that every line belongs to one and the lines add up.
    skip_empty_lines: false,
    relax_quotes: options.relaxQuotes ?? false,
    trim: options.trim ?? false,
    ...(options.comments ? { comment: '#', comment_no_infix: true } : {}),
    on_record: (record, context) => {
      endLines.push(context.lines);
      lastRecord = { line: context.lines, commentLines: context.comment_lines };
      return record;
    },
  };
  let rows: string[][];
  try {
    rows = parse(normalizeText(text), parseOptions);
  } catch (error) {
    if (error instanceof CsvError) throw explainCsvError(error, lastRecord);
    throw error;
  }
  // csv-parse counts the line a record ends on; newlines inside it are all in its quoted fields.
  return rows.map((fields, i) => ({ fields, line: endLines[i]! - fields.reduce((n, field) => n + countNewlines(field), 0) }));
}

const isBlankRecord = (record: DelimitedRecord) => record.fields.every((field) => field.trim() === '');

type Column = 'question' | 'answer' | 'topic' | 'tags' | 'difficulty' | 'id';

/** Header names, lower-cased, and the column each means. A Map, so a header such as `constructor` means nothing. */
const COLUMN_NAMES = new Map<string, Column>([
  ...(['question', 'front', 'q', 'prompt', 'term'] as const).map((name) => [name, 'question'] as const),
  ...(['answer', 'back', 'a', 'definition'] as const).map((name) => [name, 'answer'] as const),
  ...(['topic', 'deck', 'category'] as const).map((name) => [name, 'topic'] as const),
  ['tags', 'tags'],
  ['difficulty', 'difficulty'],
  ['id', 'id'],
]);

const EXPECTED_HEADER = 'question,answer,topic,tags,difficulty';

/** A header cell as a name to look up: blanks, surrounding quotes and case do not matter. */
const headerName = (cell: string) => cell.trim().replace(/^"(.*)"$/s, '$1').trim().toLowerCase();

/** Tab, comma or semicolon: the one that splits the header line into the most known column names (comma on a tie). */
export function detectDelimiter(headerLine: string): string {
  let best = ',';
  let bestCount = -1;
  for (const delimiter of [',', '\t', ';']) {
    const count = headerLine.split(delimiter).filter((cell) => COLUMN_NAMES.has(headerName(cell))).length;
    if (count > bestCount) [best, bestCount] = [delimiter, count];
  }
  return best;
}

/** Which field holds each known column, and the header cells nnquiz does not read. */
interface HeaderMap {
  columns: Map<Column, number>;
  unread: { index: number; name: string }[];
}

function mapHeader(cells: readonly string[]): HeaderMap {
  const columns = new Map<Column, number>();
  const unread: HeaderMap['unread'] = [];
  cells.forEach((cell, index) => {
    const column = COLUMN_NAMES.get(headerName(cell));
    // A second column of the same kind (`question` and `front`) is not read rather than mixed in.
    if (column && !columns.has(column)) columns.set(column, index);
    else unread.push({ index, name: cell.trim() });
  });
  return { columns, unread };
}

/** At most `max` characters of text from a file, for a message. */
const clip = (text: string, max = 40) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

const quotedList = (names: readonly string[]) => names.map((name) => `"${clip(name)}"`).join(', ');

function missingQuestionColumn(cells: readonly string[], line: number): ImportFileError {
  const names = cells.map((cell) => cell.trim()).filter(Boolean);
  const found = names.length === 0 ? 'no column names' : `${quotedList(names.slice(0, 6))}${names.length > 6 ? `, … (${names.length} in all)` : ''}`;
  return new ImportFileError(
    `no question column in the header on line ${line}; found ${found}`,
    `start the file with a header such as ${EXPECTED_HEADER}, or use --format quizlet for term and definition pairs without a header`,
    line,
  );
}

/**
 * The one problem that lists the header's columns nnquiz does not read. A column without a name
 * is listed only when some row has text in it, since spreadsheets often end a header with a delimiter.
 */
function unreadColumnsProblem(unread: HeaderMap['unread'], rows: readonly DelimitedRecord[], line: number): ImportProblem | undefined {
  const names = unread
    .filter(({ index, name }) => name !== '' || rows.some((row) => (row.fields[index] ?? '').trim() !== ''))
    .map(({ index, name }) => (name === '' ? `column ${index + 1} (no name)` : name));
  if (names.length === 0) return undefined;
  const subject = names.length === 1 ? `column ${quotedList(names)} is` : `columns ${quotedList(names)} are`;
  return { line, message: `${subject} not read; nnquiz reads question, answer, topic, tags, difficulty and id` };
}

/** Tags written as `a, b`, `a; b` or `a b`. */
const splitTags = (text: string) => text.split(/[\s,;]+/).filter(Boolean);

/** The row's text in a column, trimmed; empty when the header has no such column or the row is short. */
const cellOf = (row: DelimitedRecord, columns: Map<Column, number>, column: Column) => {
  const index = columns.get(column);
  return index === undefined ? '' : (row.fields[index] ?? '').trim();
};

function rowToItem(row: DelimitedRecord, columns: Map<Column, number>): ImportedItem {
  const item: ImportedItem = { question: cellOf(row, columns, 'question'), answer: cellOf(row, columns, 'answer'), tags: splitTags(cellOf(row, columns, 'tags')), line: row.line };
  const topic = cellOf(row, columns, 'topic');
  const difficulty = cellOf(row, columns, 'difficulty');
  const id = cellOf(row, columns, 'id');
  if (topic) item.topic = topic;
  if (difficulty) item.difficulty = difficulty;
  if (id) item.id = id;
  return item;
}

/**
 * A CSV or TSV file with a header row naming its columns, in any order: `question` (or front, q,
 * prompt, term), `answer` (back, a, definition), and optionally `topic` (deck, category), `tags`,
 * `difficulty` and `id`. The delimiter (tab, comma or semicolon) is read from the header. Answers
 * are kept as written, since they are Markdown already.
 */
export function parseDelimited(text: string): ParsedFile {
  const firstLine = normalizeText(text).split('\n').find((line) => line.trim() !== '') ?? '';
  const [header, ...rows] = readRecords(text, { delimiter: detectDelimiter(firstLine), trim: true }).filter((record) => !isBlankRecord(record));
  if (!header) {
    throw new ImportFileError('the file holds no rows; expected a header row, then a question a row', `start the file with a header such as ${EXPECTED_HEADER}`);
  }
  const { columns, unread } = mapHeader(header.fields);
  if (!columns.has('question')) throw missingQuestionColumn(header.fields, header.line);

  const problems: ImportProblem[] = [];
  const unreadProblem = unreadColumnsProblem(unread, rows, header.line);
  if (unreadProblem) problems.push(unreadProblem);
  const items: ImportedItem[] = [];
  for (const row of rows) {
    const item = rowToItem(row, columns);
    if (item.question) items.push(item);
    else problems.push({ line: row.line, message: 'the row has no question; expected text in the question column' });
  }
  return { items, problems };
}

const QUIZLET_SEPARATORS = { tab: '\t', comma: ',' } as const;

/**
 * Quizlet's export: a card a line, term and definition split at the first tab (or comma: a
 * definition often holds more), no header and no quoting. Without `separator`, tab when any line
 * holds one, else comma.
 */
export function parseQuizlet(text: string, separator?: 'tab' | 'comma'): ParsedFile {
  const lines = normalizeText(text).split('\n');
  const name = separator ?? (lines.some((line) => line.includes('\t')) ? 'tab' : 'comma');
  const character = QUIZLET_SEPARATORS[name];
  const items: ImportedItem[] = [];
  const problems: ImportProblem[] = [];
  lines.forEach((lineText, index) => {
    if (lineText.trim() === '') return;
    const line = index + 1;
    const at = lineText.indexOf(character);
    const question = at < 0 ? '' : lineText.slice(0, at).trim();
    if (at < 0) problems.push({ line, message: `expected a term and a definition separated by a ${name}; found "${clip(lineText.trim())}"` });
    else if (!question) problems.push({ line, message: `no term before the ${name}; expected a term, a ${name}, then its definition` });
    else items.push({ question, answer: lineText.slice(at + 1).trim(), tags: [], line });
  });
  return { items, problems };
}
