import { formerIdMap } from '../bank/ids.js';
import type { MatchKind, Verdict } from '../grading/index.js';

/** A spaced-repetition rating, as Anki and FSRS name them. */
export type Rating = 'again' | 'hard' | 'good' | 'easy';

/** One answer to one question, as saved in the progress store. */
export interface Attempt {
  id: string;
  question: string;
  answer: string;
  score: number;
  /** The grader's verdict. */
  verdict: Verdict;
  matched: Array<{ term: string; text: string; how: MatchKind }>;
  missing: string[];
  seconds: number;
  /** Answered after the time limit of `quiz --time-limit`. */
  late: boolean;
  skipped: boolean;
  mode: 'quiz' | 'review';
  /** The rating suggested when the attempt was saved. */
  rating: Rating;
  /** ISO time of the attempt. */
  at: string;
  /** The user's own verdict, when they overrode the grader. */
  override?: Verdict;
  /** The rating the user chose in review, when it differs from the suggestion. */
  ratingChosen?: Rating;
  /** Whether the question answered came from the bundled bank; absent in logs of older versions. */
  bundled?: boolean;
}

export interface Revision {
  attempt: string;
  at: string;
  override?: Verdict;
  rating?: Rating;
}

export interface Flag {
  question: string;
  at: string;
  note?: string;
}

/**
 * The attempts that count for the loaded questions: those of a loaded id, where an attempt saved
 * for a bundled question never counts for the user's own question of the same id, nor the other
 * way round. Attempts from before this was recorded count by id alone.
 */
export function creditedAttempts(attempts: readonly Attempt[], questions: ReadonlyArray<{ id: string; bundled?: boolean; formerIds?: readonly string[] }>): Attempt[] {
  const bundled = new Map(questions.map((q) => [q.id, q.bundled ?? false]));
  const renamed = formerIdMap(questions);
  return attempts.flatMap((a) => {
    // An attempt saved under a question's former id counts for the question it was merged into.
    const attempt = renamed.has(a.question) && !bundled.has(a.question) ? { ...a, question: renamed.get(a.question)! } : a;
    return bundled.has(attempt.question) && (attempt.bundled === undefined || attempt.bundled === bundled.get(attempt.question)) ? [attempt] : [];
  });
}


/** The verdict that counts: the user's override, else the grader's. */
export const effectiveVerdict = (attempt: Attempt): Verdict => attempt.override ?? attempt.verdict;

/** The rating a verdict suggests: correct → good, partial → hard, incorrect → again. */
export function suggestRating(verdict: Verdict): Rating {
  return verdict === 'correct' ? 'good' : verdict === 'partial' ? 'hard' : 'again';
}

/** The rating that schedules an attempt: chosen by the user, else suggested by the verdict that counts. */
export function effectiveRating(attempt: Attempt): Rating {
  return attempt.ratingChosen ?? (attempt.override ? suggestRating(attempt.override) : attempt.rating);
}
