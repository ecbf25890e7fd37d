import { readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { withDerivedKeyTerms } from './derive.js';
import type { BankProblem } from './problem.js';
import { parseQuestion, type Question } from './question.js';
import { quoteFound } from './safe-text.js';

export interface Bank {
  questions: Question[];
  problems: BankProblem[];
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

export const MAX_QUESTION_FILE_BYTES = 1024 * 1024;
const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Reads every question file below the given bank folders. One bad file never stops the others:
 * each becomes a problem naming the file. Ids must be unique across all folders. Questions that
 * list no key terms get terms derived from their model answers.
 * Throws BankFolderError only when a folder itself is missing or not a folder.
 */
export function readBank(folders: readonly string[]): Bank {
  const questions: Question[] = [];
  const problems: BankProblem[] = [];
  const byId = new Map<string, Question>();
  for (const folder of folders) {
    for (const file of listQuestionFiles(folder, problems)) {
      const result = readQuestionFile(file, folder);
      if (!result.question) {
        problems.push(...result.problems);
        continue;
      }
      const question = result.question;
      const first = byId.get(question.id);
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
    }
  }
  return { questions: withDerivedKeyTerms(questions), problems };
}

function readQuestionFile(file: string, folder: string): ReturnType<typeof parseQuestion> {
  const fail = (message: string) => ({ problems: [{ file, severity: 'error' as const, message }] });
  let bytes: Buffer;
  try {
    const size = statSync(file).size;
    if (size > MAX_QUESTION_FILE_BYTES) {
      return fail(`the file is ${(size / 1024 / 1024).toFixed(1)} MB; expected a question file of at most 1 MB`);
    }
    bytes = readFileSync(file);
  } catch (error) {
    return fail(`cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  if (bytes.includes(0)) return fail('is a binary file; expected a UTF-8 Markdown text file');
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return fail('is not valid UTF-8 text; expected a UTF-8 Markdown file (re-save it as UTF-8)');
  }
  const parent = relative(folder, dirname(file));
  return parseQuestion(text, {
    file,
    defaultId: basename(file).replace(/\.md$/i, ''),
    defaultTopic: parent === '' ? undefined : basename(parent),
  });
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
      const path = join(dir, entry.name);
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
  walk(folder);
  return files;
}
