import { gradeAnswer, type Grade } from '../core/grading/index.js';
import { stripControlSequences } from '../core/safe-text.js';
import { suggestRating, type Attempt } from '../core/practice/progress.js';
import type { Question } from '../core/bank/question.js';
import type { SessionResult } from '../core/practice/session.js';
import { dataFolder } from '../paths.js';
import { CliError } from '../errors.js';
import { DiskFullError } from '../store/log.js';
import { ProgressStore, type NewAttempt } from '../store/progress.js';
import { lineSource, promptSource, type AnswerSource } from '../ui/answer-source.js';

export interface StoreOptions {
  dataDir?: string;
}

/** Opens the progress store before any question is asked, so an unusable folder is said up front. */
export function openStore(options: StoreOptions): ProgressStore {
  return ProgressStore.open(dataFolder(options.dataDir));
}

/** Prompts on a terminal; one answer per line when stdin is a pipe. */
export function answerSource(): AnswerSource {
  return process.stdin.isTTY ? promptSource() : lineSource();
}

export interface AnsweredQuestion {
  result: SessionResult;
  grade: Grade;
  attemptId: string;
}

/**
 * Asks one question, grades the answer and saves the attempt, which is on disk before this
 * returns. Resolves to undefined when there are no more answers (end of input, Ctrl+C).
 */
export async function askAndRecord(
  question: Question,
  source: AnswerSource,
  store: ProgressStore,
  options: { mode: 'quiz' | 'review'; multiline: boolean; timeLimit?: number },
): Promise<AnsweredQuestion | undefined> {
  const started = Date.now();
  const deadline = options.timeLimit === undefined ? undefined : started + options.timeLimit * 1000;
  const answer = await source.answer({ multiline: options.multiline, deadline, mode: options.mode, question: question.question });
  if (answer === undefined) return undefined;
  // Piped answers are not echoed by a terminal: show them, so the transcript reads as a session.
  if (!source.interactive) process.stdout.write(`${answer === '' ? '(skipped)' : `> ${stripControlSequences(answer)}`}\n`);
  const seconds = (Date.now() - started) / 1000;
  const skipped = answer === '';
  const grade = gradeAnswer(question, answer);
  const late = options.timeLimit !== undefined && seconds > options.timeLimit;
  const attempt = saveAttempt(store, {
    question: question.id,
    answer,
    score: grade.score,
    verdict: grade.verdict,
    matched: grade.matched.map((m) => ({ term: m.term, text: m.text, how: m.how })),
    missing: grade.missing.map((m) => m.term),
    seconds: Math.round(seconds * 10) / 10,
    late,
    skipped,
    mode: options.mode,
    rating: suggestRating(grade.verdict),
    bundled: question.bundled ?? false,
  });
  return {
    grade,
    attemptId: attempt.id,
    result: { question, answer, score: grade.score, verdict: grade.verdict, seconds, late, skipped, missing: grade.missing.map((m) => m.term), misconceptions: grade.misconceptions.map((m) => ({ claim: m.claim, why: m.why })) },
  };
}

/** Saves an attempt; a full disk ends the session with a message, never with the answer silently lost. */
function saveAttempt(store: ProgressStore, attempt: NewAttempt): Attempt {
  try {
    return store.recordAttempt(attempt);
  } catch (error) {
    if (error instanceof DiskFullError) throw new CliError(`disk full: this answer was not saved to ${JSON.stringify(error.file)}`, error.hint);
    throw error;
  }
}
