import { readFileSync } from 'node:fs';
import { basename, dirname, relative } from 'node:path';
import { parseQuestion } from './question.js';

/** What identifies one version of a file: if any of these changed, the file changed. */
export interface FileStamp {
  size: number;
  mtimeMs: number;
  ctimeMs: number;
  ino: number;
}

export type ParsedFile = ReturnType<typeof parseQuestion>;

export const MAX_QUESTION_FILE_BYTES = 1024 * 1024;
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** A file that cannot be used, as the one problem it becomes. */
export const unusable = (file: string, message: string): ParsedFile => ({ problems: [{ file, severity: 'error', message }] });

/** Reads and parses one question file of a bank folder (its folder gives the default topic). Never throws. */
export function parseFile(file: string, folder: string, stamp: FileStamp): ParsedFile {
  const fail = (message: string) => unusable(file, message);
  if (stamp.size > MAX_QUESTION_FILE_BYTES) {
    return fail(`the file is ${(stamp.size / 1024 / 1024).toFixed(1)} MB; expected a question file of at most 1 MB`);
  }
  let bytes: Buffer;
  try {
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
