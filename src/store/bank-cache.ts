import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, realpathSync, rmSync, writeSync } from 'node:fs';
import { basename, join } from 'node:path';
import { childPath, type FileStamp, type ParseCache, type ParsedFile } from '../core/bank/read.js';
import { DIFFICULTIES, KEY_TERM_COUNT, MAX_WEIGHT, withChanges, type Difficulty, type Question } from '../core/bank/question.js';
import type { BankProblem } from '../core/bank/problem.js';
import { countTerms, unpackCounts, WordNumbers, type Posting, type TermIndex } from '../core/search-index.js';
import { writeFileAtomic } from './atomic.js';

/** Bumped whenever parsing or the layout changes, so that older caches are rebuilt. */
const CACHE_FORMAT = 12;

/**
 * How long before it was cached a file must have last changed for its entry to be trusted. File
 * systems with one-second timestamps give a file edited twice within a second, at the same size,
 * the same stamp; an entry made that close to the file's last change proves nothing.
 */
const SETTLED_MS = 2_000;

/** How much of the data file a save gathers before writing it. */
const WRITE_BYTES = 1 << 20;

/**
 * What the manifest keeps of a question: its short fields, as a list to keep the manifest small
 * (it is read whole on every run). The rest of it, its body (model answer, key terms,
 * misconceptions, unknown fields), is in the data file, read when first used: few runs need more
 * than a handful (list and search need none or a few, grade one).
 */
type Head = [
  id: string,
  question: string,
  topic: string,
  tags: string[],
  difficulty: Difficulty,
  passMark: number,
  followUps: string[],
  formerIds: string[],
  answerLine: number | null,
  rubricProposed: boolean,
  defaulted: Question['defaulted'],
  keyTermCount: number,
];

/**
 * Per file: its path within the folder, size, modification time, change time, inode, when it was
 * cached, its head (or the messages of the problems that made it unusable), its field lengths for
 * search, and where its body stands in the data file (byte offset and length).
 */
type Entry = [string, number, number, number, number, number, Head | { problems: Array<Omit<BankProblem, 'file'>> }, number[], number, number];

/**
 * The manifest, `bank-<folder key>.json`; the questions' bodies and the postings of the folder's
 * search index are in the data file it names, read piece by piece as they are needed.
 */
interface Manifest {
  format: number;
  version: string;
  folder: string;
  data: string;
  entries: Entry[];
  /**
   * Every word of the folder's questions, one a line, and where the postings of each stand in the
   * data file: byte offset and length, two numbers a word, in the same order. One string and one
   * list of numbers parse several times faster than an object with a key per word.
   */
  vocabulary: string;
  wordAt: number[];
}

/** A short, stable name for a folder path (64-bit FNV-1a): no need to load node:crypto for it. */
function pathKey(path: string): string {
  let hash = 0xcbf29ce484222325n;
  for (const byte of Buffer.from(path)) hash = BigInt.asUintN(64, (hash ^ BigInt(byte)) * 0x100000001b3n);
  return hash.toString(16).padStart(16, '0');
}

/**
 * Whether JSON text holds a character that sanitising strips (controls but tab and newline, C1,
 * bidi overrides), raw or escaped. Parse results are sanitised before they are cached, so any such
 * character means the file was edited by hand: one scan of the text replaces checking every string.
 * An escape is one preceded by an odd run of backslashes (`\\u001b` is a backslash and text).
 */
const UNSAFE_JSON = /[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]|(?<!\\)(?:\\\\)*\\(?:[bfr]|u(?:00(?:0[0-8b-fB-F]|1[0-9a-fA-F]|7[fF]|[89][0-9a-fA-F])|202[a-eA-E]|206[6-9]))/;

/**
 * JSON text in ASCII alone, every other character escaped: such text is read back a byte a
 * character, several times faster than decoding UTF-8 (a large manifest took some 20 ms). Bytes of
 * UTF-8 that a hand-edited manifest or data file might hold read as other Latin-1 characters, and the C1
 * controls among them are refused as any control character is.
 */
export function asciiJson(value: unknown): string {
  const json = JSON.stringify(value);
  // Text already in ASCII (many a body is) shows it in its UTF-8 length, measured some ten times quicker than a regular expression scans it.
  return Buffer.byteLength(json) === json.length ? json : json.replace(/[^\u0000-\u007f]/g, escapedChar);
}

const escapes = new Map<string, string>();
/** `\u` and four hex digits, remembered: a large bank repeats a few dashes and symbols many times. */
function escapedChar(char: string): string {
  let escaped = escapes.get(char);
  if (escaped === undefined) escapes.set(char, (escaped = `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`));
  return escaped;
}

/** Parses JSON text that must be free of control characters; undefined if it is not. */
function parseClean(text: string): unknown {
  if (UNSAFE_JSON.test(text)) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

// The checks of entries run once per process over every entry of a manifest, before the JIT has
// warmed up: plain loops and lookups, not every() with a closure, which took three times as long
// over 10,000 entries.
const isString = (value: unknown): value is string => typeof value === 'string';
const isCount = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;
const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);
const DEFAULTABLE = new Set(['id', 'topic', 'difficulty', 'passMark']);
const KNOWN_DIFFICULTIES = new Set<unknown>(DIFFICULTIES);

/** Whether a value is a list whose every item passes `test`. */
function isListOf<T>(value: unknown, test: (item: unknown) => item is T): value is T[] {
  if (!Array.isArray(value)) return false;
  for (let i = 0; i < value.length; i++) if (!test(value[i])) return false;
  return true;
}
const isStringList = (value: unknown): value is string[] => isListOf(value, isString);
const isDefaultable = (value: unknown): value is Question['defaulted'][number] => DEFAULTABLE.has(value as string);
const isProblem = (p: unknown): p is Record<string, unknown> => isObject(p) && isString(p.message) && (p.severity === 'error' || p.severity === 'warning') && (p.line === undefined || isCount(p.line));

/** Whether an entry has the shape this version writes (its strings were checked with the manifest's text). */
function isValidEntry(entry: unknown): entry is Entry {
  if (!Array.isArray(entry) || entry.length !== 10 || !isString(entry[0])) return false;
  for (let i = 1; i <= 5; i++) if (typeof entry[i] !== 'number') return false;
  if (!isCount(entry[8]) || !isCount(entry[9])) return false;
  const lengths: unknown = entry[7];
  if (!isListOf(lengths, isCount) || lengths.length !== 6) return false;
  const head: unknown = entry[6];
  if (isObject(head)) return isListOf(head.problems, isProblem) && head.problems.length > 0;
  if (!Array.isArray(head) || head.length !== 12) return false;
  for (let i = 0; i < 3; i++) if (!isString(head[i]) || head[i] === '') return false;
  const [, , , tags, difficulty, passMark, followUps, formerIds, answerLine, rubricProposed, defaulted, keyTermCount] = head as unknown[];
  return (
    isStringList(tags) &&
    KNOWN_DIFFICULTIES.has(difficulty) &&
    typeof passMark === 'number' &&
    passMark > 0 &&
    passMark <= 1 &&
    isStringList(followUps) &&
    isStringList(formerIds) &&
    (answerLine === null || isCount(answerLine)) &&
    typeof rubricProposed === 'boolean' &&
    isListOf(defaulted, isDefaultable) &&
    isCount(keyTermCount)
  );
}

function headOf(q: Question): Head {
  return [q.id, q.question, q.topic, q.tags, q.difficulty, q.passMark, q.followUps, q.formerIds, q.answerLine ?? null, q.rubricProposed, q.defaulted, q.keyTerms.length];
}

type Body = Pick<Question, 'answer' | 'keyTerms' | 'misconceptions' | 'extra'>;
const EMPTY_BODY: Body = { answer: '', keyTerms: [], misconceptions: [], extra: {} };
const bodyOf = ({ answer, keyTerms, misconceptions, extra }: Question): Body => ({ answer, keyTerms, misconceptions, extra });

/** Whether a cached body has the shape the parser produces (its strings were checked with its text). */
function isValidBody(body: unknown, keyTermCount: number): body is Body {
  if (!isObject(body)) return false;
  const { answer, keyTerms, misconceptions, extra } = body;
  return (
    isString(answer) &&
    isObject(extra) &&
    Array.isArray(keyTerms) &&
    keyTerms.length === keyTermCount &&
    keyTerms.every((k) => isObject(k) && isString(k.term) && isStringList(k.aliases) && typeof k.weight === 'number' && k.weight > 0 && k.weight <= MAX_WEIGHT && typeof k.core === 'boolean') &&
    Array.isArray(misconceptions) &&
    misconceptions.every((m) => isObject(m) && isString(m.claim) && isString(m.why) && isStringList(m.aliases))
  );
}

/**
 * A question made from its cached head, which reads its body (answer, key terms, misconceptions,
 * unknown fields) when one of them is first used. These are accessors of the
 * class, not of each object: accessors defined per object give each question a shape of its own,
 * which costs more than all the rest of loading. So a spread (`{ ...q }`) would leave them out:
 * copy with withChanges, which reads every field by name.
 */
class CachedQuestion {
  id: string;
  question: string;
  topic: string;
  tags: string[];
  difficulty: Difficulty;
  passMark: number;
  followUps: string[];
  formerIds: string[];
  answerLine?: number;
  rubricProposed: boolean;
  keyTermsDerived = false as const;
  defaulted: Question['defaulted'];
  bundled?: boolean;
  #body: Body | (() => Body);
  readonly #keyTermCount: number;

  constructor(
    head: Head,
    readonly file: string,
    readBody: () => Body,
  ) {
    [this.id, this.question, this.topic, this.tags, this.difficulty, this.passMark, this.followUps, this.formerIds] = head;
    if (head[8] !== null) this.answerLine = head[8];
    this.rubricProposed = head[9];
    this.defaulted = head[10];
    this.#keyTermCount = head[11];
    this.#body = readBody;
  }

  /** Known without reading the body (see keyTermCount). */
  get [KEY_TERM_COUNT](): number {
    return this.#keyTermCount;
  }

  #read(): Body {
    if (typeof this.#body === 'function') this.#body = { ...this.#body() };
    return this.#body;
  }

  get answer() {
    return this.#read().answer;
  }
  set answer(value) {
    this.#read().answer = value;
  }
  get keyTerms() {
    return this.#read().keyTerms;
  }
  set keyTerms(value) {
    this.#read().keyTerms = value;
  }
  get misconceptions() {
    return this.#read().misconceptions;
  }
  set misconceptions(value) {
    this.#read().misconceptions = value;
  }
  get extra() {
    return this.#read().extra;
  }
  set extra(value) {
    this.#read().extra = value;
  }

  /** What JSON.stringify writes: every field, the body's included. */
  toJSON(): Question {
    return withChanges(this, {});
  }
}

interface Result {
  /** The file's path as this run named it (its entry keeps its path within the folder). */
  file: string;
  result: ParsedFile;
  /** Its position in the manifest read, for an entry that was served from it. */
  position?: number;
  /** For a file parsed this run: its entry in the next manifest, and its place among the files parsed this run. */
  fresh?: { entry: Entry; slot: number };
}

/**
 * Pairs of (word number, question, packed counts) in typed arrays: a large bank has millions of
 * them, and in typed arrays they live outside the JavaScript heap, where garbage collection
 * neither copies nor scans them (as arrays of numbers, it spent seconds on them). They fill blocks
 * of a fixed size, one after another: one array grown by doubling was copied whole at each step,
 * a quarter of a second of a first read of 10,000 files, and held two copies at the last.
 */
class PairList {
  static readonly #BLOCK = 1 << 16;
  readonly #words: Int32Array[] = [];
  readonly #questions: Int32Array[] = [];
  readonly #packed: Float64Array[] = [];
  length = 0;

  push(word: number, question: number, packed: number): void {
    const at = this.length % PairList.#BLOCK;
    if (at === 0) {
      this.#words.push(new Int32Array(PairList.#BLOCK));
      this.#questions.push(new Int32Array(PairList.#BLOCK));
      this.#packed.push(new Float64Array(PairList.#BLOCK));
    }
    const block = this.#words.length - 1;
    this.#words[block]![at] = word;
    this.#questions[block]![at] = question;
    this.#packed[block]![at] = packed;
    this.length++;
  }

  /** Each pair, in the order pushed. */
  forEach(visit: (word: number, question: number, packed: number) => void): void {
    for (let block = 0; block < this.#words.length; block++) {
      const [words, questions, packed] = [this.#words[block]!, this.#questions[block]!, this.#packed[block]!];
      const end = Math.min(PairList.#BLOCK, this.length - block * PairList.#BLOCK);
      for (let i = 0; i < end; i++) visit(words[i]!, questions[i]!, packed[i]!);
    }
  }
}

/**
 * The new data file, written as files are parsed: each body as soon as its file is parsed, so a
 * first load keeps only the short fields of its questions (a body is read back when used, as from a
 * cache). Pieces are gathered into writes of about a megabyte (a system call per piece was some 8%
 * of saving a large bank). It stays open for reading after the save. After any failure (a full
 * disk) it writes nothing more and reads nothing: a body that cannot be read is parsed afresh.
 */
class DataWriter {
  private fd: number | undefined;
  private readonly buffer = Buffer.allocUnsafe(WRITE_BYTES);
  private used = 0;
  /** Bytes written so far, those still in the buffer (the last `used`) included. */
  private offset = 0;
  failed = false;

  constructor(readonly path: string) {}

  /** Appends ASCII text (a byte a character, as asciiJson and numbers are); where it stands, or undefined after a failure. */
  write(text: string): [number, number] | undefined {
    if (this.failed) return undefined;
    try {
      this.fd ??= openSync(this.path, 'wx+');
      // Stryker disable next-line all: when the pieces are written changes how many writes there are, not what is written
      if (this.used + text.length > this.buffer.length) this.flush();
      // Stryker disable next-line ConditionalExpression,EqualityOperator,StringLiteral: a piece written on its own, or ASCII encoded as UTF-8, gives the same bytes
      if (text.length > this.buffer.length) this.writeAll(Buffer.from(text, 'latin1'), text.length);
      // Stryker disable next-line StringLiteral: as above
      else this.used += this.buffer.write(text, this.used, 'latin1');
    } catch {
      this.fail();
      return undefined;
    }
    this.offset += text.length;
    return [this.offset - text.length, text.length];
  }

  /** The text at `offset`; '' if it cannot be read. */
  read(offset: number, length: number): string {
    if (this.failed || this.fd === undefined) return '';
    try {
      if (offset + length > this.offset - this.used) this.flush();
      return readText(this.fd, offset, length);
    } catch {
      this.fail();
      return '';
    }
  }

  /** Writes what the buffer holds; false if the file could not be written whole. */
  finish(): boolean {
    if (this.failed) return false;
    try {
      this.fd ??= openSync(this.path, 'wx+');
      this.flush();
      return true;
    } catch {
      this.fail();
      return false;
    }
  }

  private flush(): void {
    this.writeAll(this.buffer, this.used);
    this.used = 0;
  }

  private writeAll(bytes: Buffer, length: number): void {
    // Stryker disable next-line ArithmeticOperator: a file takes the whole of each write; the rest is asked for only after a partial one, which no test can cause
    for (let done = 0; done < length; ) done += writeSync(this.fd!, bytes, done, length - done);
  }

  /** Gives up: the file is closed and removed, as no manifest will name it. */
  private fail(): void {
    this.failed = true;
    try {
      if (this.fd !== undefined) closeSync(this.fd);
      rmSync(this.path, { force: true });
    } catch {
      // Left for the next save, which removes every data file its manifest does not name.
    }
    this.fd = undefined;
  }
}

/** Text of the data file at `offset`, read a byte a character (it is written in ASCII alone); '' if it cannot be read. */
function readText(fd: number, offset: number, length: number): string {
  const buffer = Buffer.allocUnsafe(length);
  try {
    return buffer.toString('latin1', 0, readSync(fd, buffer, 0, length, offset));
  } catch {
    return '';
  }
}

/** Strings of their own: a parsed field is often a slice of its file's whole text, which it would keep alive. */
const ownCopy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

class FolderCache implements ParseCache {
  /** Entries by path within the folder, with their position in the manifest: made when first needed (see positionOf). */
  private positions: Map<string, number> | undefined;
  /** The position of the entry after the one last found. */
  private next = 0;
  /** Every file looked up (and found) or stored this run, by path within the folder, in order, with what it gave. */
  private readonly results = new Map<string, Result>();
  private changed = false;
  private planned: Plan | undefined;
  /** The manifest's vocabulary as a list of words (see storedWords), made when first needed. */
  private words: string[] | undefined;
  /** The data file the next save completes, begun by the first file parsed. */
  private writer: DataWriter | undefined;
  /** Every word of the files parsed this run, numbered in the order first met. */
  private readonly wordNumbers = new WordNumbers();
  /** The words of the files parsed this run: (word number, place among those files, packed counts). */
  private freshPairs = new PairList();
  private freshCount = 0;

  constructor(
    private readonly dir: string,
    private readonly name: string,
    /** What the path of every file in the folder begins with, as this run names the folder. */
    private readonly prefix: string,
    private readonly manifest: Manifest,
    private readonly data: number | undefined,
    private readonly now: () => number,
  ) {}

  /**
   * A file's key in the manifest: its path within the folder, so that the folder named another way
   * (`.`, its absolute path, a link to it) finds the same entries. readBank's files always begin
   * with the prefix; any other path is its own key.
   */
  private keyOf(file: string): string {
    return file.startsWith(this.prefix) ? file.slice(this.prefix.length) : file;
  }

  /**
   * Where a file's entry stands in the manifest. Files are looked up in the order their entries
   * were saved, but for those added or changed since: the entry after the last one found is
   * checked first, and a map of every entry made only when that fails (at 50,000 files, making it
   * and looking each file up in it cost some 50 ms).
   */
  private positionOf(key: string): number | undefined {
    const { entries } = this.manifest;
    if (this.next < entries.length && entries[this.next]![0] === key) return this.next++;
    this.positions ??= new Map(entries.map((entry, i) => [entry[0], i]));
    const position = this.positions.get(key);
    if (position !== undefined) this.next = position + 1;
    return position;
  }

  lookup(file: string, stamp: FileStamp, reparse?: () => ParsedFile): ParsedFile | undefined {
    const key = this.keyOf(file);
    const position = this.positionOf(key);
    const entry = position === undefined ? undefined : this.manifest.entries[position];
    if (!entry || entry[1] !== stamp.size || entry[2] !== stamp.mtimeMs || entry[3] !== stamp.ctimeMs || entry[4] !== stamp.ino) return undefined;
    if (Math.max(stamp.mtimeMs, stamp.ctimeMs) > entry[5] - SETTLED_MS) return undefined;
    const head = entry[6];
    const result: ParsedFile = Array.isArray(head)
      ? { question: new CachedQuestion(head, file, () => this.body(this.readOld, entry, head[11], reparse)) as Question, problems: [] }
      : { problems: head.problems.map((problem) => ({ file, ...problem })) };
    this.results.set(key, { file, result, position });
    return result;
  }

  /**
   * Takes a file parsed this run (once per file): its words join the next index and its body goes
   * to the new data file now; what the loader keeps is a question of its short fields, which reads
   * its body back when used.
   */
  store(file: string, stamp: FileStamp, result: ParsedFile, reparse?: () => ParsedFile): ParsedFile {
    this.changed = true;
    const key = this.keyOf(file);
    const slot = this.freshCount++;
    const stamps = [stamp.size, stamp.mtimeMs, stamp.ctimeMs, stamp.ino, this.now()] as const;
    const question = result.question;
    if (!question) {
      const entry: Entry = [key, ...stamps, { problems: result.problems.map(({ file: _file, ...problem }) => problem) }, [0, 0, 0, 0, 0, 0], 0, 0];
      this.results.set(key, { file, result, fresh: { entry, slot } });
      return result;
    }
    const lengths = countTerms(question, this.wordNumbers, (number, packed) => this.freshPairs.push(number, slot, packed));
    const at = this.dataWriter().write(asciiJson(bodyOf(question)));
    if (!at) {
      // The data file cannot be written (a full disk): keep the whole question; there will be no save.
      this.results.set(key, { file, result, fresh: { entry: [key, ...stamps, headOf(question), lengths, 0, 0], slot } });
      return result;
    }
    const head = ownCopy(headOf(question));
    const entry: Entry = [key, ...stamps, head, lengths, ...at];
    const light: ParsedFile = { question: new CachedQuestion(head, file, () => this.body(this.readNew, entry, head[11], reparse)) as Question, problems: [] };
    this.results.set(key, { file, result: light, fresh: { entry, slot } });
    return light;
  }

  /** The writer of the next data file, under a name of its own (two runs may save at once). */
  private dataWriter(): DataWriter {
    return (this.writer ??= new DataWriter(join(this.dir, `${this.name}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}.data`)));
  }

  /** A question's body from a data file; if it cannot be read or was tampered with, its file parsed afresh. */
  private body(read: (offset: number, length: number) => string, entry: Entry, keyTermCount: number, reparse: (() => ParsedFile) | undefined): Body {
    const body = parseClean(read(entry[8], entry[9]));
    if (isValidBody(body, keyTermCount)) return body;
    const fresh = reparse?.().question;
    return fresh ? bodyOf(fresh) : EMPTY_BODY;
  }

  private readonly readOld = (offset: number, length: number): string => (this.data === undefined ? '' : readText(this.data, offset, length));
  private readonly readNew = (offset: number, length: number): string => this.writer?.read(offset, length) ?? '';

  /** The postings of the word at `at` in the manifest's vocabulary, as stored: pairs of (entry position, packed counts); undefined if unreadable or tampered with. */
  private storedPostings(at: number): number[] | undefined {
    if (this.data === undefined) return undefined;
    const [offset, length] = [this.manifest.wordAt[2 * at], this.manifest.wordAt[2 * at + 1]];
    if (!isCount(offset) || !isCount(length)) return undefined;
    const list = parseClean(this.readOld(offset, length));
    if (!Array.isArray(list) || list.length % 2 !== 0) return undefined;
    // Stored as gaps from the position before: small numbers, short text.
    let position = 0;
    for (let i = 0; i < list.length; i += 2) {
      if (!isCount(list[i]) || !isCount(list[i + 1])) return undefined;
      list[i] = position += list[i] as number;
    }
    return list as number[];
  }

  /**
   * The manifest's words, in order; undefined if its vocabulary and offsets do not agree. A run
   * looks up a few words (a search's matches), so they are found by a scan of this list: a map of
   * every word cost more to build than all the scans of a run.
   */
  private storedWords(): string[] | undefined {
    if (!this.words) {
      const { vocabulary, wordAt } = this.manifest;
      // One word a line: an empty line (only a hand-edited cache could hold one) would be an empty word.
      const words = vocabulary === '' ? [] : vocabulary.split('\n');
      if (words.includes('') || wordAt.length !== 2 * words.length) return undefined;
      this.words = words;
    }
    return this.words;
  }

  /**
   * The search index of this folder's questions, each the one `questionOf` gives for its file: the
   * stored one if every file matched its entry, else the one the next save will store.
   */
  termIndex(questionOf: (file: string) => Question | undefined): TermIndex | undefined {
    // Every entry indexed was looked up or stored this run: its key names a file of this run.
    const questionAt = (key: string) => {
      const file = this.results.get(key)?.file;
      return file === undefined ? undefined : questionOf(file);
    };
    if (!this.changed && this.data !== undefined && this.results.size === this.manifest.entries.length) {
      const words = this.storedWords();
      return words && indexOver(this.manifest.entries, this.manifest.vocabulary, (word) => {
        const at = words.indexOf(word);
        return at === -1 ? undefined : this.storedPostings(at);
      }, questionAt);
    }
    const plan = this.plan();
    return indexOver(plan.entries, plan.words.join('\n'), (word) => {
      const number = this.wordNumbers.get(word);
      const at = number === undefined ? -1 : plan.wordAt[number]!;
      if (at === -1) return undefined;
      const list: number[] = [];
      for (let i = plan.start[at]!; i < plan.start[at + 1]!; i++) list.push(plan.position[i]!, plan.packed[i]!);
      return list;
    }, questionAt);
  }

  /**
   * The next manifest's entries and postings: the entries served unchanged first, in their old
   * order, keeping their stored postings (renumbered), then the files parsed this run. Made once,
   * for the index of this run and for the save.
   */
  private plan(): Plan {
    if (this.planned) return this.planned;
    const rows = [...this.results.values()];
    const kept = rows.filter((r) => r.position !== undefined).sort((a, b) => a.position! - b.position!);
    const fresh = rows.filter((r) => r.fresh !== undefined).sort((a, b) => a.fresh!.slot - b.fresh!.slot);
    let keptPairs = this.keptPostings(new Map(kept.map((r, i) => [r.position!, i])));
    const entries: Entry[] = [...kept.map((r) => this.manifest.entries[r.position!]!), ...fresh.map((r) => r.fresh!.entry)];
    if (!keptPairs) {
      // The stored postings cannot be read: work out afresh those of the kept questions, and their lengths.
      keptPairs = new PairList();
      for (const [i, { result }] of kept.entries()) {
        if (!result.question) continue;
        const entry = [...entries[i]!] as Entry;
        entry[7] = countTerms(result.question, this.wordNumbers, (number, packed) => keptPairs!.push(number, i, packed));
        entries[i] = entry;
      }
    }
    // Counted, then placed: each word's pairs in order of position, the kept questions' before the fresh ones'.
    const counts = new Int32Array(this.wordNumbers.words.length);
    for (const list of [keptPairs, this.freshPairs]) list.forEach((word) => counts[word]!++);
    const words: string[] = [];
    const wordAt = new Int32Array(this.wordNumbers.words.length).fill(-1);
    const start = [0];
    for (let number = 0; number < counts.length; number++) {
      if (counts[number] === 0) continue;
      wordAt[number] = words.push(this.wordNumbers.words[number]!) - 1;
      start.push(start[start.length - 1]! + counts[number]!);
    }
    const next = Int32Array.from(start);
    const position = new Int32Array(start[start.length - 1]!);
    const packed = new Float64Array(position.length);
    const place = (list: PairList, first: number) =>
      list.forEach((word, question, counted) => {
        const at = next[wordAt[word]!]!++;
        position[at] = first + question;
        packed[at] = counted;
      });
    place(keptPairs, 0);
    place(this.freshPairs, kept.length);
    // Placed, the pairs are not needed again: a first read of 50,000 files has some 15 million of them.
    this.freshPairs = new PairList();
    return (this.planned = { entries, keptCount: kept.length, words, wordAt, start: Int32Array.from(start), position, packed });
  }

  /** The stored postings of the entries kept (old position → new), renumbered; an empty list if none are kept, undefined if any cannot be read. */
  private keptPostings(renumbered: Map<number, number>): PairList | undefined {
    const pairs = new PairList();
    if (renumbered.size === 0) return pairs;
    const words = this.storedWords();
    if (!words) return undefined;
    for (const [at, word] of words.entries()) {
      const stored = this.storedPostings(at);
      if (!stored) return undefined;
      let number: number | undefined;
      for (let i = 0; i < stored.length; i += 2) {
        const position = renumbered.get(stored[i]!);
        if (position !== undefined) pairs.push((number ??= this.wordNumbers.numberOf(word)), position, stored[i + 1]!);
      }
    }
    return pairs;
  }

  /**
   * Writes the cache if anything changed: the data file (the bodies of the files parsed this run
   * are in it already; those of unchanged entries are copied from the old one, then the postings
   * follow), then the manifest naming it, atomically; then the data files no manifest names any
   * more (a reader that opened one keeps reading it). A data file left half-written by a crash is
   * named by no manifest.
   */
  save(): void {
    if (!this.changed && this.results.size === this.manifest.entries.length) return;
    try {
      const plan = this.plan();
      const writer = this.dataWriter();
      if (writer.failed) return;
      const written = plan.entries.map((entry, i) => {
        if (i >= plan.keptCount || !Array.isArray(entry[6])) return entry;
        // A kept body is copied as stored: it is checked whenever it is read.
        const at = writer.write(this.readOld(entry[8], entry[9]));
        const copy = [...entry] as Entry;
        if (at) [copy[8], copy[9]] = at;
        return copy;
      });
      const wordAt: number[] = [];
      for (let w = 0; w < plan.words.length; w++) {
        // Positions as gaps from the one before: small numbers, short text.
        const gaps: number[] = [];
        for (let i = plan.start[w]!; i < plan.start[w + 1]!; i++) gaps.push(i === plan.start[w] ? plan.position[i]! : plan.position[i]! - plan.position[i - 1]!, plan.packed[i]!);
        const at = writer.write(JSON.stringify(gaps));
        if (at) wordAt.push(...at);
      }
      if (!writer.finish()) return;
      const data = basename(writer.path);
      writeFileAtomic(join(this.dir, `${this.name}.json`), asciiJson({ ...this.manifest, data, entries: written, vocabulary: plan.words.join('\n'), wordAt }), { flush: false });
      for (const other of readdirSync(this.dir)) {
        if (other !== data && other.startsWith(`${this.name}.`) && other.endsWith('.data')) rmSync(join(this.dir, other), { force: true });
      }
    } catch {
      // A cache that cannot be written only costs speed next time.
    }
  }
}

interface Plan {
  entries: Entry[];
  /** How many of the entries, first, were served from the manifest read. */
  keptCount: number;
  /** Every word with postings; `wordAt` gives a word number's place in it, or -1. */
  words: string[];
  wordAt: Int32Array;
  /** The postings of words[w] are at start[w] up to start[w + 1]: each a position in `entries` and packed counts. */
  start: Int32Array;
  position: Int32Array;
  packed: Float64Array;
}

/** A term index over a folder's entries and its words (one a line), with `postingsOf` giving a word's pairs of (entry position, packed counts) and `questionOf` an entry's question by its key. */
function indexOver(entries: readonly Entry[], vocabulary: string, postingsOf: (word: string) => number[] | undefined, questionOf: (key: string) => Question | undefined): TermIndex | undefined {
  const questions: Array<Question | undefined> = [];
  const lengths = new Map<Question, number[]>();
  const totalLengths = [0, 0, 0, 0, 0, 0];
  for (const entry of entries) {
    if (!Array.isArray(entry[6])) {
      questions.push(undefined);
      continue;
    }
    const question = questionOf(entry[0]);
    // Derived key terms are made from the whole bank, after loading: the index does not hold them.
    if (!question || question.keyTermsDerived || lengths.has(question)) return undefined;
    questions.push(question);
    lengths.set(question, entry[7]);
    entry[7].forEach((length, f) => (totalLengths[f]! += length));
  }
  return {
    size: lengths.size,
    totalLengths,
    vocabulary: () => vocabulary,
    postings: (word) => {
      const list = postingsOf(word) ?? [];
      const postings: Posting[] = [];
      for (let i = 0; i < list.length; i += 2) {
        const question = questions[list[i]!];
        if (question) postings.push({ question, counts: unpackCounts(list[i + 1]!) });
      }
      return postings;
    },
    lengthsOf: (question) => lengths.get(question),
  };
}

/**
 * The parsed-bank cache: per bank folder in `<data folder>/cache/`, a manifest of its question
 * files, each keyed by its path within the folder (however the folder is named), size,
 * modification and change times and inode, with the short fields of its question, and a data
 * file with the folder's search index. Nothing in it is trusted blindly: an entry is used only
 * for the very same file stamp, made after the file had settled (SETTLED_MS); text holding a
 * control character is refused whole; every entry's shape is checked; a cache from another
 * version of nnquiz is ignored.
 */
export class BankCache {
  private readonly folders: FolderCache[] = [];

  constructor(
    private readonly dir: string,
    private readonly version: string,
    private readonly now: () => number = Date.now,
  ) {}

  forFolder = (folder: string): ParseCache | undefined => {
    let real: string;
    try {
      real = realpathSync(folder);
      mkdirSync(this.dir, { recursive: true });
    } catch {
      return undefined;
    }
    const name = `bank-${pathKey(real)}`;
    let manifest: Manifest = { format: CACHE_FORMAT, version: this.version, folder: real, data: '', entries: [], vocabulary: '', wordAt: [] };
    let data: number | undefined;
    try {
      // Written as ASCII (asciiJson), so read byte for byte: decoding it as UTF-8 took longer than parsing it.
      const loaded = parseClean(readFileSync(join(this.dir, `${name}.json`), 'latin1'));
      if (
        isObject(loaded) &&
        loaded.format === CACHE_FORMAT &&
        loaded.version === this.version &&
        loaded.folder === real &&
        isString(loaded.data) &&
        loaded.data.startsWith(`${name}.`) &&
        /^[\w.-]+\.data$/.test(loaded.data) &&
        isString(loaded.vocabulary) &&
        Array.isArray(loaded.wordAt) &&
        Array.isArray(loaded.entries) &&
        loaded.entries.every(isValidEntry)
      ) {
        // Opened now: a writer that replaces it later leaves this run reading the one it began with.
        data = openSync(join(this.dir, loaded.data), 'r');
        manifest = loaded as unknown as Manifest;
      }
    } catch {
      // Missing or unreadable: start afresh.
    }
    const cache = new FolderCache(this.dir, name, childPath(folder, ''), manifest, data, this.now);
    this.folders.push(cache);
    return cache;
  };

  save(): void {
    for (const folder of this.folders) folder.save();
  }
}
