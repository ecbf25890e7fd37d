import { createEmptyCard, fsrs, generatorParameters, Rating as FsrsRating, type Card, type Grade } from 'ts-fsrs';
import { effectiveRating, effectiveVerdict, type Attempt, type Rating } from './progress.js';
import type { Question } from '../bank/question.js';
import { compareText } from '../locale-free.js';

const TO_FSRS: Record<Rating, Grade> = { again: FsrsRating.Again, hard: FsrsRating.Hard, good: FsrsRating.Good, easy: FsrsRating.Easy };

// No fuzz: the same history always gives the same schedule, so tests and users see stable dates.
// No short-term steps: a question is answered once per session, so intervals are whole days
// (a miss comes back tomorrow), and same-day drilling is what `review --cram` is for.
const scheduler = fsrs(generatorParameters({ enable_fuzz: false, enable_short_term: false }));

/** Where a question stands in spaced repetition: its FSRS card and the attempts that shaped it. */
export interface CardState {
  question: string;
  card: Card;
  due: Date;
  attempts: Attempt[];
}

/**
 * Replays every attempt, oldest first, through FSRS (ts-fsrs) to get each question's card. The
 * schedule is derived from the attempts and never stored, so it cannot drift from them.
 *
 * @example
 * const cards = buildSchedule(attempts);
 * cards.get('dropout')?.due // → the date dropout is due again
 */
export function buildSchedule(attempts: readonly Attempt[]): Map<string, CardState> {
  const cards = new Map<string, CardState>();
  // By the time each names, not by its text (an offset such as +14:00 sorts out of time order);
  // a time that cannot be read has no place in the order, and the store reports it as damaged.
  const ordered = attempts
    .map((attempt) => ({ attempt, time: Date.parse(attempt.at) }))
    .filter(({ time }) => !Number.isNaN(time))
    .sort((a, b) => a.time - b.time);
  for (const { attempt, time } of ordered) {
    const at = new Date(time);
    let state = cards.get(attempt.question);
    if (!state) cards.set(attempt.question, (state = { question: attempt.question, card: createEmptyCard<Card>(at), due: at, attempts: [] }));
    // Updated in place: copying the attempt list on every attempt made a long log quadratic.
    state.card = scheduler.next(state.card, notBefore(at, state.card), TO_FSRS[effectiveRating(attempt)]).card;
    state.due = state.card.due;
    state.attempts.push(attempt);
  }
  return cards;
}

/**
 * FSRS refuses a review earlier than the card's last one ("Invalid delta_t"): when the clock went
 * back since (a review on a laptop whose clock was wrong), the review counts as at the last one.
 */
function notBefore(at: Date, card: Card): Date {
  return card.last_review && card.last_review.getTime() > at.getTime() ? card.last_review : at;
}

/** What each rating would schedule next for a question, for showing before the user chooses. */
export function previewRatings(state: CardState | undefined, now: Date): Record<Rating, Date> {
  const card = state?.card ?? createEmptyCard<Card>(now);
  const preview = scheduler.repeat(card, notBefore(now, card));
  return {
    again: preview[FsrsRating.Again].card.due,
    hard: preview[FsrsRating.Hard].card.due,
    good: preview[FsrsRating.Good].card.due,
    easy: preview[FsrsRating.Easy].card.due,
  };
}

/** The next due date after rating an attempt made now. */
export function nextDue(state: CardState | undefined, now: Date, rating: Rating): Date {
  return previewRatings(state, now)[rating];
}

export interface ReviewPlan {
  /** Due questions, most overdue first, then questions never seen, up to the limit. */
  questions: Question[];
  dueCount: number;
  newCount: number;
  /** When the next question falls due, if nothing is due now. */
  nextDueAt?: Date;
}

/** Chooses a review session: what is due (most overdue first), then what was never seen. */
export function planReview(questions: readonly Question[], schedule: Map<string, CardState>, now: Date, limit: number): ReviewPlan {
  const due = questions
    .filter((q) => schedule.has(q.id) && schedule.get(q.id)!.due <= now)
    .sort((a, b) => schedule.get(a.id)!.due.getTime() - schedule.get(b.id)!.due.getTime());
  const unseen = questions.filter((q) => !schedule.has(q.id));
  const chosen = [...due, ...unseen].slice(0, limit);
  const upcoming = questions
    .map((q) => schedule.get(q.id)?.due)
    .filter((d): d is Date => d !== undefined && d > now)
    .sort((a, b) => a.getTime() - b.getTime())[0];
  return { questions: chosen, dueCount: due.length, newCount: unseen.length, ...(chosen.length === 0 && upcoming ? { nextDueAt: upcoming } : {}) };
}

/**
 * The weakest questions for cramming, whatever their schedule: lowest average score over the last
 * three attempts first, then the most often missed. Questions never attempted come last.
 */
export function planCram(questions: readonly Question[], schedule: Map<string, CardState>, limit: number): Question[] {
  const weakness = (q: Question) => {
    const attempts = schedule.get(q.id)?.attempts ?? [];
    if (attempts.length === 0) return { seen: false, recent: 1, misses: 0 };
    const recent = attempts.slice(-3);
    const score = recent.reduce((sum, a) => sum + (a.override === 'correct' ? 1 : a.override === 'incorrect' ? 0 : a.score), 0) / recent.length;
    return { seen: true, recent: score, misses: attempts.filter((a) => effectiveVerdict(a) !== 'correct').length };
  };
  return [...questions]
    .map((q) => ({ q, w: weakness(q) }))
    .sort((a, b) => Number(b.w.seen) - Number(a.w.seen) || a.w.recent - b.w.recent || b.w.misses - a.w.misses || compareText(a.q.id, b.q.id))
    .slice(0, limit)
    .map(({ q }) => q);
}
