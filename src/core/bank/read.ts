import { readdirSync, realpathSync, statSync } from 'node:fs';
import { normalize, resolve, sep } from 'node:path';
// Only the derivation, not the whole grader: listing and searching a bank never grade.
import { withDerivedKeyTerms } from '../grading/derive.js';
import { formerIdMap } from './ids.js';
import type { BankProblem } from './problem.js';
import { parseFile, unusable, type FileStamp, type ParsedFile } from './parse-file.js';
import { parseInOrder, type ParseTask } from './parse-pool.js';
import { withChanges, type Question } from './question.js';
import { quoteFound } from '../safe-text.js';
import type { TermIndex } from '../search-index.js';

export interface Bank {
  questions: Question[];
  problems: BankProblem[];
  /** Search indexes the caches keep, each covering the questions of one folder (see bankIndex); worked out when asked, since only search needs them. */
  termIndexes: () => TermIndex[];
}

export { MAX_QUESTION_FILE_BYTES, type FileStamp, type ParsedFile } from './parse-file.js';

/**
 * Remembers parsed files between runs, so an unchanged bank is not parsed again. `lookup` returns
 * a result only for the very same stamp; the loader stays correct with any cache, or none.
 */
export interface ParseCache {
  /** `reparse` parses the file afresh, for a cache that finds later that it cannot give all of it. */
  lookup(file: string, stamp: FileStamp, reparse?: () => ParsedFile): ParsedFile | undefined;
  /**
   * Takes a file parsed this run (once per file); gives back what the loader keeps of it, which may
   * be lighter (a question that reads its body back from the cache when used). `reparse` as for lookup.
   */
  store(file: string, stamp: FileStamp, result: ParsedFile, reparse?: () => ParsedFile): ParsedFile;
  /** The folder's search index, if the cache holds one that is current for the questions `questionOf` gives by file. */
  termIndex?(questionOf: (file: string) => Question | undefined): TermIndex | undefined;
}

export interface ReadBankOptions {
  /** A parse cache for each bank folder, if one is wanted. */
  cacheFor?: (folder: string) => ParseCache | undefined;
  /** Called after each question file is read (from a cache or parsed), with how many of all the folders' files have been: for a progress line. */
  onFileRead?: (read: number, total: number) => void;
}

/** A bank folder that cannot be read at all: the user named the wrong path. */
export class BankFolderError extends Error {
  constructor(
    readonly folder: string,
    readonly reason: string,
  ) {
    super(`bank folder ${quoteFound(folder, 200)} ${reason}`);
  }
}


/**
 * Reads every question file below the given bank folders. One bad file never stops the others:
 * each becomes a problem naming the file. Ids must be unique across all folders. Questions that
 * list no key terms get terms derived from their model answers.
 * Throws BankFolderError only when a folder itself is missing or not a folder.
 */
export function readBank(folders: readonly string[], options: ReadBankOptions = {}): Bank {
  const questions: Question[] = [];
  const problems: BankProblem[] = [];
  const byId = new Map<string, Question>();
  const seenFolders = new Set<string>();
  const cached: Array<{ cache: ParseCache; files: Set<string> }> = [];
  // Every folder is listed first, so that a missing one fails before any is read, and the count of files is known.
  const listed: Array<{ folder: string; files: string[] }> = [];
  for (const folder of folders) {
    // The same folder named twice (`/b:/b/`, or through a link) is read once.
    const real = realFolder(folder);
    if (seenFolders.has(real)) continue;
    seenFolders.add(real);
    listed.push({ folder, files: listQuestionFiles(folder, problems) });
  }
  const total = listed.reduce((sum, { files }) => sum + files.length, 0);
  // Each file's stamp is taken and its cache asked first; the files left to parse are parsed in
  // worker threads where there are many (parse-pool.ts), and everything is taken in order.
  const tasks: ParseTask[] = [];
  const steps: Array<{ file: string; folder: string; cache?: ParseCache; accepted: Set<string>; known?: ParsedFile; task?: number }> = [];
  for (const { folder, files } of listed) {
    const cache = options.cacheFor?.(folder);
    const accepted = new Set<string>();
    if (cache) cached.push({ cache, files: accepted });
    for (const file of files) {
      const stamp = stampOf(file);
      if (!('size' in stamp)) {
        steps.push({ file, folder, accepted, known: stamp });
        continue;
      }
      const known = cache?.lookup(file, stamp, () => parseFile(file, folder, stamp));
      steps.push(known ? { file, folder, accepted, known } : { file, folder, cache, accepted, task: tasks.push({ file, folder, stamp }) - 1 });
    }
  }
  const parsed = parseInOrder(tasks);
  let read = 0;
  for (const { file, folder, cache, accepted, known, task } of steps) {
    let result = known;
    if (!result) {
      const { stamp } = tasks[task!]!;
      result = parsed(task!);
      if (cache) result = cache.store(file, stamp, result, () => parseFile(file, folder, stamp));
    }
    options.onFileRead?.(++read, total);
    if (!result.question) {
      problems.push(...result.problems);
      continue;
    }
    const question = result.question;
    const first = byId.get(question.id);
    // A folder inside another one already read reaches the same file again: it is no duplicate.
    if (first && sameFile(first.file, file)) continue;
    if (first) {
      problems.push({
        file,
        severity: 'error',
        message: `duplicate id ${quoteFound(question.id)}, already used by ${first.file}; ids must be unique across all loaded banks: give one of them another 'id:'`,
      });
      continue;
    }
    byId.set(question.id, question);
    questions.push(question);
    accepted.add(file);
  }
  const loaded = withDerivedKeyTerms(followFormerIds(dropClashingFormerIds(questions, problems)));
  let byFileMap: Map<string, Question> | undefined;
  const byFile = { get: (file: string) => (byFileMap ??= new Map(loaded.map((q) => [q.file, q]))).get(file) };
  const termIndexes = () => cached.flatMap(({ cache, files }) => cache.termIndex?.((file) => (files.has(file) ? byFile.get(file) : undefined)) ?? []);
  return { questions: loaded, problems, termIndexes };
}

/**
 * A former id resolves to one question only: one that is also a current id, or that two questions
 * both claim, is dropped from them and reported, so that progress is never credited twice.
 */
function dropClashingFormerIds(questions: Question[], problems: BankProblem[]): Question[] {
  if (questions.every((q) => q.formerIds.length === 0)) return questions;
  const current = new Map(questions.map((q) => [q.id, q]));
  const claims = new Map<string, Question[]>();
  for (const q of questions) for (const former of q.formerIds) claims.set(former, [...(claims.get(former) ?? []), q]);
  const dropped = new Set<string>();
  for (const [former, claimants] of claims) {
    const holder = current.get(former);
    if (holder) {
      for (const q of claimants) problems.push({ file: q.file, severity: 'warning', message: `former id ${quoteFound(former)} is the id of ${holder.file}; a former id must no longer be in use` });
      dropped.add(former);
    } else if (claimants.length > 1) {
      problems.push({ file: claimants[1]!.file, severity: 'warning', message: `former id ${quoteFound(former)} is also claimed by ${claimants[0]!.file}; a former id may belong to one question only` });
      dropped.add(former);
    }
  }
  if (dropped.size === 0) return questions;
  return questions.map((q) => (q.formerIds.some((f) => dropped.has(f)) ? withChanges(q, { formerIds: q.formerIds.filter((f) => !dropped.has(f)) }) : q));
}

/** Follow-ups that name a former id lead to the question that now holds it. */
function followFormerIds(questions: Question[]): Question[] {
  const renamed = formerIdMap(questions);
  if (renamed.size === 0) return questions;
  return questions.map((q) => (q.followUps.some((id) => renamed.has(id)) ? withChanges(q, { followUps: [...new Set(q.followUps.map((id) => renamed.get(id) ?? id))].filter((id) => id !== q.id) }) : q));
}

function realFolder(folder: string): string {
  try {
    return realpathSync(folder);
  } catch {
    return resolve(folder);
  }
}

function sameFile(a: string, b: string): boolean {
  try {
    return realpathSync(a) === realpathSync(b);
  } catch {
    return false;
  }
}

/** A file's stamp, or the problem it becomes when it cannot even be looked at. */
function stampOf(file: string): FileStamp | ParsedFile {
  try {
    const stats = statSync(file);
    return { size: stats.size, mtimeMs: stats.mtimeMs, ctimeMs: stats.ctimeMs, ino: stats.ino };
  } catch (error) {
    return unusable(file, `cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
}

/**
 * The path of `name` in folder `dir`, as `path.join` would build it, without normalising each one
 * again (some 4% of loading a large bank): a folder's own path is normal, and a name read from it
 * holds no separator. With an empty name, what every path in the folder begins with.
 */
export function childPath(dir: string, name: string): string {
  return dir === '.' || dir === `.${sep}` ? name : dir.endsWith(sep) ? dir + name : dir + sep + name;
}

/** Lists `.md` files below a folder in a stable order, skipping hidden folders, README.md and link loops. */
function listQuestionFiles(folder: string, problems: BankProblem[]): string[] {
  let stats;
  try {
    stats = statSync(folder);
  } catch {
    throw new BankFolderError(folder, 'does not exist');
  }
  if (!stats.isDirectory()) throw new BankFolderError(folder, 'is not a folder');
  const files: string[] = [];
  const seen = new Set<string>();
  const walk = (dir: string): void => {
    let real: string;
    try {
      real = realpathSync(dir);
    } catch {
      return;
    }
    if (seen.has(real)) return; // a symbolic link back into the tree
    seen.add(real);
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      problems.push({ file: dir, severity: 'error', message: `folder cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})` });
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const path = childPath(dir, entry.name);
      let isDirectory = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        try {
          const target = statSync(path);
          isDirectory = target.isDirectory();
          isFile = target.isFile();
        } catch {
          problems.push({ file: path, severity: 'error', message: 'is a broken symbolic link; expected it to point to a question file or folder' });
          continue;
        }
      }
      if (isDirectory) walk(path);
      else if (isFile && /\.md$/i.test(entry.name) && entry.name.toLowerCase() !== 'readme.md') files.push(path);
    }
  };
  walk(normalize(folder));
  return files;
}
