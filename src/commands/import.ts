import { closeSync, existsSync, openSync, readdirSync, readSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { renderQuestionFile } from '../core/bank/author.js';
import type { Difficulty, Question } from '../core/bank/question.js';
import { BankFolderError, readBank } from '../core/bank/read.js';
import { detectFormat, parseImport } from '../core/import/detect.js';
import { ImportFileError, type ImportFormat } from '../core/import/item.js';
import { planImport, type ImportPlan, type ImportSource } from '../core/import/plan.js';
import { stripControlSequences } from '../core/safe-text.js';
import { CliError, systemCause, UsageError } from '../errors.js';
import { bundledBankFolder, resolveBankFolders, settingsFile } from '../paths.js';
import { BankPlacementError, QuestionFileWriter } from '../store/bank-files.js';
import { renderFailures, renderImportReport, type FileFailure, type ImportReport } from '../ui/import-report.js';
import { loadSettings } from './settings.js';

export interface ImportOptions {
  bank?: string;
  format?: ImportFormat;
  topic?: string;
  difficulty?: Difficulty;
  mergeDuplicates?: boolean;
  dryRun?: boolean;
  json?: boolean;
}

/** A file larger than this is no list of questions: 10,000 cards take a few megabytes. */
const MAX_IMPORT_BYTES = 64 * 1024 * 1024;

/**
 * Turns question lists (Markdown or text Q&A documents, Anki and Quizlet exports, CSV/TSV) into
 * bank files: one file per question, with a proposed rubric, never over an existing file, never a
 * question the banks already hold. A file that cannot be read is reported and the others go on.
 */
export async function runImport(files: string[], options: ImportOptions): Promise<number> {
  if (!options.bank) throw new UsageError('--bank DIR is needed: the folder to write the questions to', 'e.g. nnquiz import notes.md --bank ./my-questions (the folder is created if missing)');
  if (options.topic !== undefined && options.topic.trim() === '') throw new UsageError('--topic is empty', 'e.g. --topic optimization');
  const bank = resolve(options.bank);
  if (existsSync(bank) && !statSync(bank).isDirectory()) throw new UsageError(`--bank ${JSON.stringify(options.bank)} is not a folder`, 'give the folder to write the questions to');

  const sources: ImportSource[] = [];
  const failures: FileFailure[] = [];
  for (const file of files) {
    try {
      sources.push(readSource(file, options.format));
    } catch (error) {
      if (!(error instanceof ImportFileError)) throw error;
      failures.push({ file, message: stripControlSequences(error.message), hint: stripControlSequences(error.hint), ...(error.line !== undefined ? { line: error.line } : {}) });
    }
  }

  const existing = loadedQuestions(bank);
  const ids = new Map(existing.map((q) => [q.id, q.file]));
  const onDisk = filesInBank(bank);
  const plan = planImport(sources, {
    ...(options.topic !== undefined ? { topic: options.topic } : {}),
    ...(options.difficulty !== undefined ? { difficulty: options.difficulty } : {}),
    mergeDuplicates: options.mergeDuplicates === true,
    idHolder: (id) => ids.get(id) ?? onDisk.get(id),
    existing: existing.filter((q) => q.sameBankSet),
  });

  const written: { files: Array<string | undefined>; error?: CliError } = options.dryRun ? { files: [] } : writePlan(bank, plan, failures);
  const report: ImportReport = {
    bank,
    dryRun: options.dryRun === true,
    sources: sources.map((s) => ({ file: s.file, format: s.format, found: s.items.length })),
    failures,
    plan,
    written: written.files,
    ...(written.error ? { writeError: written.error } : {}),
  };
  if (options.json) {
    renderFailures(failures);
    process.stdout.write(`${JSON.stringify(importJson(report), null, 2)}\n`);
  } else renderImportReport(report);
  if (written.error) throw written.error;
  return failures.length > 0 ? 1 : 0;
}

/** Reads one file to import: a text file of a known format holding at least one question. */
function readSource(file: string, format: ImportFormat | undefined): ImportSource {
  const text = readText(file);
  const chosen = format ?? detectFormat(text);
  const parsed = parseImport(text, chosen);
  if (parsed.items.length === 0) {
    throw new ImportFileError(
      chosen === 'markdown' ? 'no questions found: expected numbered questions (1. **What is …?**), question headings, or Q:/A: pairs' : 'no questions found',
      format ? 'check the file and --format' : 'if it is a CSV, Anki or Quizlet file, say so with --format csv, anki or quizlet',
    );
  }
  return { file, format: chosen, items: parsed.items, problems: parsed.problems };
}

/** A file's text, refusing what is not a text file: an empty file, a binary one, a folder. */
function readText(file: string): string {
  let bytes: Buffer;
  try {
    const stats = statSync(file);
    if (stats.isDirectory()) throw new ImportFileError('is a folder', 'give the files to import; a bank folder is loaded with --bank, not imported');
    if (stats.size > MAX_IMPORT_BYTES) throw new ImportFileError(`is ${Math.round(stats.size / 1024 / 1024)} MB; files over ${MAX_IMPORT_BYTES / 1024 / 1024} MB are not imported`, 'split it into smaller files');
    bytes = readAll(file);
  } catch (error) {
    if (error instanceof ImportFileError) throw error;
    throw new ImportFileError(`cannot be read: ${systemCause(error)}`, 'check the path');
  }
  if (bytes.subarray(0, 4).equals(Buffer.from('PK\u0003\u0004', 'latin1'))) {
    throw new ImportFileError('is a zip archive (an Anki .apkg package, a spreadsheet?), not a text file', "in Anki, export as 'Notes in Plain Text (.txt)'; from a spreadsheet, save as CSV");
  }
  let text: string;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) text = new TextDecoder('utf-16le').decode(bytes.subarray(2));
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) text = new TextDecoder('utf-16be').decode(bytes.subarray(2));
  else {
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      throw new ImportFileError('is not a text file: it holds bytes that are not UTF-8 text', 'save it as UTF-8 text (Markdown, CSV, or an Anki or Quizlet text export)');
    }
  }
  text = text.replace(/^\uFEFF/, '');
  if (text.includes('\u0000')) throw new ImportFileError('is not a text file: it holds binary data', 'give a Markdown, CSV/TSV, Anki or Quizlet text file');
  if (text.trim() === '') throw new ImportFileError('is empty', 'give a file that holds questions');
  return text;
}

function readAll(file: string): Buffer {
  const fd = openSync(file, 'r');
  try {
    const chunks: Buffer[] = [];
    const chunk = Buffer.alloc(1 << 20);
    let total = 0;
    for (;;) {
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      total += n;
      // A FIFO or device has no size to check beforehand.
      if (total > MAX_IMPORT_BYTES) throw new ImportFileError(`holds over ${MAX_IMPORT_BYTES / 1024 / 1024} MB; larger files are not imported`, 'split it into smaller files');
      chunks.push(Buffer.from(chunk.subarray(0, n)));
    }
    return Buffer.concat(chunks);
  } finally {
    closeSync(fd);
  }
}

type LoadedQuestion = Pick<Question, 'id' | 'question' | 'answer' | 'file'> & { alsoAsked: string[]; sameBankSet: boolean };

/**
 * The questions an import must not clash with: ids of the target bank, the banks in use and the
 * bundled bank (any of them may be loaded beside it); and, for repeated questions, those of the
 * banks that are loaded together with the target.
 */
function loadedQuestions(bank: string): LoadedQuestion[] {
  const inUse = resolveBankFolders({}, loadSettings(), settingsFile()).folders;
  const folders = [...new Set([bank, ...inUse, bundledBankFolder()])];
  return folders.flatMap((folder) =>
    questionsIn(folder).map((q) => ({ id: q.id, question: q.question, answer: q.answer, file: q.file, alsoAsked: alsoAsked(q), sameBankSet: folder === bank || inUse.includes(folder) })),
  );
}

/** The wordings an earlier `import --merge-duplicates` folded into a question (its `also_asked` list). */
function alsoAsked(q: Question): string[] {
  const list = q.extra.also_asked;
  return Array.isArray(list) ? list.filter((text): text is string => typeof text === 'string') : [];
}

function questionsIn(folder: string): Question[] {
  if (!existsSync(folder)) return [];
  try {
    return readBank([folder]).questions;
  } catch (error) {
    if (error instanceof BankFolderError) return [];
    throw error;
  }
}

/** Every `<name>.md` under the bank, loadable or not: an import never takes the name of a file that is there. */
function filesInBank(bank: string): Map<string, string> {
  const found = new Map<string, string>();
  if (!existsSync(bank)) return found;
  for (const entry of readdirSync(bank, { recursive: true, withFileTypes: true })) {
    if (entry.name.endsWith('.md')) found.set(basename(entry.name, '.md'), join(entry.parentPath, entry.name));
  }
  return found;
}

/**
 * Writes the planned files in order. A question whose topic folder cannot be used (a link out of
 * the bank) is reported as a failure and the rest go on; a failure of the disk (full, read-only)
 * stops there, and says how far it got.
 */
function writePlan(bank: string, plan: ImportPlan, failures: FileFailure[]): { files: Array<string | undefined>; error?: CliError } {
  const files: Array<string | undefined> = [];
  const writer = new QuestionFileWriter(bank);
  for (const q of plan.questions) {
    try {
      files.push(writer.write(q.draft.topic, q.draft.id, renderQuestionFile(q.draft), { flush: false }));
    } catch (error) {
      if (error instanceof BankPlacementError) {
        failures.push({ file: q.origin.file, line: q.origin.line, message: `${error.message}; this question was not written`, hint: error.hint ?? '' });
        files.push(undefined);
        continue;
      }
      if (!(error instanceof CliError)) throw error;
      const written = files.filter(Boolean).length;
      const total = plan.questions.length;
      return { files, error: new CliError(error.message, `${written} of ${total} question${total === 1 ? ' was' : 's were'} written before it; ${error.hint ?? ''}; running the import again skips those written`) };
    }
  }
  return { files };
}

/** The `--json` shape of an import. */
function importJson(report: ImportReport) {
  const { plan } = report;
  return {
    bank: report.bank,
    dry_run: report.dryRun,
    files: report.sources.map((s) => ({ file: s.file, format: s.format, questions: s.found })),
    failed: report.failures,
    questions: plan.questions.map((q, i) => ({
      id: q.draft.id,
      question: q.draft.question,
      topic: q.draft.topic,
      difficulty: q.draft.difficulty,
      file: join(report.bank, q.draft.topic, `${q.draft.id}.md`),
      written: report.written[i] !== undefined,
      source: q.origin,
      answer_empty: q.draft.answer === '',
      rubric_proposed: q.draft.rubricProposed === true,
      ...(q.wantedId !== undefined ? { wanted_id: q.wantedId } : {}),
      merged: q.merged,
    })),
    skipped: plan.skipped.map((s) => ({ source: s.origin, question: s.question, same_as: s.sameAs })),
    near_duplicates: plan.nearDuplicates.map((g) => ({ merged: g.merged, questions: g.questions })),
    problems: plan.problems,
  };
}
