import { randomUUID } from 'node:crypto';
import { accessSync, constants, existsSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Verdict } from '../core/grading/index.js';
import type { Attempt, Flag, Rating, Revision } from '../core/practice/progress.js';
import { CliError } from '../errors.js';
import { appendRecord, readRecords, type DamagedLine } from './log.js';

export const LOG_FILE = 'attempts.jsonl';
const VERSION = 1;

/** The data folder cannot be used: said before a session starts, so no answer is ever typed in vain. */
export class StoreError extends CliError {}

/** An attempt as the session knows it; the store gives it an id and a time. */
export type NewAttempt = Omit<Attempt, 'id' | 'at' | 'override' | 'ratingChosen'>;

export interface LoadedProgress {
  attempts: Attempt[];
  flags: Flag[];
  damaged: DamagedLine[];
  file: string;
}

const VERDICTS = new Set(['correct', 'partial', 'incorrect']);
const RATINGS = new Set(['again', 'hard', 'good', 'easy']);
const isString = (v: unknown): v is string => typeof v === 'string';

/**
 * The progress store: one append-only log of JSON lines in the data folder. Attempts, later
 * revisions of them (a verdict override, a chosen rating) and flags are each one appended line;
 * nothing is ever rewritten, so a crash can at most leave the line being written torn, and that
 * line is skipped on reading while every other record loads.
 */
export class ProgressStore {
  readonly file: string;

  private constructor(
    readonly dir: string,
    private readonly clock: () => Date,
  ) {
    this.file = join(dir, LOG_FILE);
  }

  /** Opens (creating if need be) the store in a folder, failing clearly if it cannot be written. */
  static open(dir: string, clock: () => Date = () => new Date()): ProgressStore {
    const hint = 'choose another folder with --data-dir DIR or NNQUIZ_DATA_DIR';
    if (existsSync(dir) && !statSync(dir).isDirectory()) throw new StoreError(`data folder ${JSON.stringify(dir)} is a file, not a folder`, hint);
    try {
      mkdirSync(dir, { recursive: true });
    } catch (error) {
      throw new StoreError(`data folder ${JSON.stringify(dir)} cannot be created (${(error as NodeJS.ErrnoException).code ?? String(error)})`, hint);
    }
    const store = new ProgressStore(dir, clock);
    try {
      accessSync(dir, constants.W_OK);
      try {
        accessSync(store.file, constants.W_OK);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      }
    } catch (error) {
      throw new StoreError(`data folder ${JSON.stringify(dir)} cannot be written (${(error as NodeJS.ErrnoException).code ?? String(error)})`, hint);
    }
    return store;
  }

  /** Saves an attempt; it is on disk when this returns. */
  recordAttempt(attempt: NewAttempt): Attempt {
    const record: Attempt = { ...attempt, id: randomUUID(), at: this.clock().toISOString() };
    appendRecord(this.file, { v: VERSION, type: 'attempt', ...record });
    return record;
  }

  /** Records the user's override of a verdict, or the rating they chose, beside the saved attempt. */
  reviseAttempt(attemptId: string, change: Pick<Revision, 'override' | 'rating'>): void {
    appendRecord(this.file, { v: VERSION, type: 'revision', attempt: attemptId, ...change, at: this.clock().toISOString() });
  }

  /** Flags a question as needing a fix (listed by `nnquiz stats --flagged`). */
  flagQuestion(questionId: string, note?: string): void {
    appendRecord(this.file, { v: VERSION, type: 'flag', question: questionId, ...(note ? { note } : {}), at: this.clock().toISOString() });
  }

  /** Reads everything, applying revisions to their attempts. Damaged lines are returned, not thrown. */
  load(): LoadedProgress {
    return loadProgress(this.file);
  }
}

export function loadProgress(file: string): LoadedProgress {
  const { records, damaged } = readRecords(file);
  const attempts: Attempt[] = [];
  const byId = new Map<string, Attempt>();
  const flags: Flag[] = [];
  const revisions: Revision[] = [];
  records.forEach(({ line, value: record }) => {
    const attempt = toAttempt(record);
    if (attempt) {
      attempts.push(attempt);
      byId.set(attempt.id, attempt);
    } else if (record.type === 'revision' && isString(record.attempt) && isString(record.at)) {
      revisions.push({
        attempt: record.attempt,
        at: record.at,
        ...(VERDICTS.has(record.override as string) ? { override: record.override as Verdict } : {}),
        ...(RATINGS.has(record.rating as string) ? { rating: record.rating as Rating } : {}),
      });
    } else if (record.type === 'flag' && isString(record.question) && isString(record.at)) {
      flags.push({ question: record.question, at: record.at, ...(isString(record.note) ? { note: record.note } : {}) });
    } else if (record.type === 'attempt' || record.type === 'revision' || record.type === 'flag') {
      // A known kind of record with a wrong shape: edited by hand.
      damaged.push({ line, text: JSON.stringify(record).slice(0, 200) });
    }
    // Records of kinds this version does not know are kept on disk and ignored.
  });
  for (const revision of revisions) {
    const attempt = byId.get(revision.attempt);
    if (!attempt) continue;
    if (revision.override) attempt.override = revision.override;
    if (revision.rating) attempt.ratingChosen = revision.rating;
  }
  attempts.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  damaged.sort((a, b) => a.line - b.line);
  return { attempts, flags, damaged, file };
}

function toAttempt(record: Record<string, unknown>): Attempt | undefined {
  const r = record;
  if (r.type !== 'attempt' || !isString(r.id) || !isString(r.question) || !isString(r.at) || Number.isNaN(Date.parse(r.at))) return undefined;
  if (typeof r.score !== 'number' || !VERDICTS.has(r.verdict as string)) return undefined;
  return {
    id: r.id,
    question: r.question,
    answer: isString(r.answer) ? r.answer : '',
    score: Math.min(1, Math.max(0, r.score)),
    verdict: r.verdict as Verdict,
    matched: Array.isArray(r.matched) ? (r.matched.filter((m) => m && typeof m === 'object' && isString((m as { term?: unknown }).term)) as Attempt['matched']) : [],
    missing: Array.isArray(r.missing) ? r.missing.filter(isString) : [],
    seconds: typeof r.seconds === 'number' ? r.seconds : 0,
    late: r.late === true,
    skipped: r.skipped === true,
    mode: r.mode === 'review' ? 'review' : 'quiz',
    rating: RATINGS.has(r.rating as string) ? (r.rating as Rating) : 'again',
    at: r.at,
  };
}
