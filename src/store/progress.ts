import { randomUUID } from 'node:crypto';
import { accessSync, constants, existsSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Verdict } from '../core/grading/index.js';
import { stripControlSequences } from '../core/safe-text.js';
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
// The log is as untrusted as a bank: anything may have edited it, so every string read from it
// is sanitised here, before anything can print it.
const clean = (v: string): string => stripControlSequences(v);
const finite = (n: number): number => (Number.isFinite(n) ? n : 0);

/** A time from the log as UTC ISO text, or undefined when it cannot be read as a time. */
function readTime(value: unknown): string | undefined {
  if (!isString(value)) return undefined;
  const time = Date.parse(value);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

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
    // A non-finite number would be written as null and make the attempt unreadable.
    const record: Attempt = { ...attempt, score: finite(attempt.score), seconds: finite(attempt.seconds), id: randomUUID(), at: this.clock().toISOString() };
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
    const at = readTime(record.at);
    if (attempt) {
      attempts.push(attempt);
      byId.set(attempt.id, attempt);
    } else if (record.type === 'revision' && isString(record.attempt) && at) {
      revisions.push({
        attempt: clean(record.attempt),
        at,
        ...(VERDICTS.has(record.override as string) ? { override: record.override as Verdict } : {}),
        ...(RATINGS.has(record.rating as string) ? { rating: record.rating as Rating } : {}),
      });
    } else if (record.type === 'flag' && isString(record.question) && at) {
      flags.push({ question: clean(record.question), at, ...(isString(record.note) ? { note: clean(record.note) } : {}) });
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
  // By the time each names, not by its text: an offset (+14:00) or a clock that jumped must never
  // make the scheduler see time go backwards. The sort is stable: equal times keep the log's order.
  attempts.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  flags.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  damaged.sort((a, b) => a.line - b.line);
  return { attempts, flags, damaged, file };
}

function toAttempt(record: Record<string, unknown>): Attempt | undefined {
  const r = record;
  const at = readTime(r.at);
  if (r.type !== 'attempt' || !isString(r.id) || !isString(r.question) || !at) return undefined;
  // A null score is a NaN that older versions wrote: the attempt is kept, as a score of nothing.
  if (!(typeof r.score === 'number' || r.score === null) || !VERDICTS.has(r.verdict as string)) return undefined;
  return {
    id: clean(r.id),
    question: clean(r.question),
    answer: isString(r.answer) ? clean(r.answer) : '',
    score: Math.min(1, Math.max(0, r.score ?? 0)),
    verdict: r.verdict as Verdict,
    matched: Array.isArray(r.matched) ? r.matched.flatMap((m: unknown) => toMatch(m)) : [],
    missing: Array.isArray(r.missing) ? r.missing.filter(isString).map(clean) : [],
    seconds: typeof r.seconds === 'number' ? r.seconds : 0,
    late: r.late === true,
    skipped: r.skipped === true,
    mode: r.mode === 'review' ? 'review' : 'quiz',
    rating: RATINGS.has(r.rating as string) ? (r.rating as Rating) : 'again',
    at,
  };
}

function toMatch(value: unknown): Attempt['matched'] {
  if (!value || typeof value !== 'object') return [];
  const m = value as { term?: unknown; text?: unknown; how?: unknown };
  if (!isString(m.term)) return [];
  return [{ ...(m as Attempt['matched'][number]), term: clean(m.term), text: isString(m.text) ? clean(m.text) : '', ...(isString(m.how) ? { how: clean(m.how) as Attempt['matched'][number]['how'] } : {}) }];
}
