import { creditedAttempts, suggestRating, type Rating } from '../core/practice/progress.js';
import { buildSchedule, nextDue, planCram, planReview, previewRatings } from '../core/practice/schedule.js';
import { summarizeSession, type SessionResult } from '../core/practice/session.js';
import { reportDamage } from '../ui/problems.js';
import { fitToTerminal } from '../ui/layout.js';
import { formatDue, formatInterval, renderFeedback, renderQuestion, renderSummary } from '../ui/session-view.js';
import { style } from '../ui/style.js';
import { applySelection, loadQuestions, practicable, type BankOptions, type SelectionOptions } from './bank-options.js';
import { answerSource, askAndRecord, openStore, type StoreOptions } from './practice.js';

export interface ReviewOptions extends BankOptions, SelectionOptions, StoreOptions {
  limit: number;
  cram?: boolean;
  multiline?: boolean;
}

/**
 * Spaced-repetition review: due questions first (most overdue first), then new ones; or, with
 * --cram, the weakest questions whatever their schedule. Each answer is graded, and the grade
 * suggests the rating, which the user confirms or changes with one key.
 */
export async function runReview(options: ReviewOptions): Promise<number> {
  const questions = practicable(applySelection(loadQuestions(options), options));
  const store = openStore(options);
  const progress = store.load();
  reportDamage(progress.damaged, store.file);
  const schedule = buildSchedule(creditedAttempts(progress.attempts, questions));
  const now = new Date();
  const out = (text: string) => process.stdout.write(`${fitToTerminal(text)}\n`);
  const started = Date.now();
  let plan: typeof questions;
  if (options.cram) {
    plan = planCram(questions, schedule, options.limit);
    out(style.dim(`Cramming the ${plan.length} weakest question${plan.length === 1 ? '' : 's'}, whatever their schedule.`));
  } else {
    const review = planReview(questions, schedule, now, options.limit);
    if (review.questions.length === 0) {
      out(review.nextDueAt ? `Nothing is due. The next question is due ${formatDue(review.nextDueAt, now)}.` : 'Nothing to review: no questions match.');
      return 0;
    }
    plan = review.questions;
    out(style.dim(`${review.dueCount} due, ${review.newCount} never seen; reviewing ${plan.length}.`));
  }
  const source = answerSource();
  const results: SessionResult[] = [];
  try {
    for (const [index, question] of plan.entries()) {
      const state = schedule.get(question.id);
      const status = state ? `due ${formatDue(state.due, now)}` : 'new';
      out(renderQuestion('Review', index + 1, plan.length, question, status));
      const answered = await askAndRecord(question, source, store, { mode: 'review', multiline: options.multiline ?? false });
      if (!answered) break;
      const { result, grade, attemptId } = answered;
      results.push(result);
      process.stdout.write(renderFeedback(grade, question, result));
      const asked = new Date();
      const previews = previewRatings(state, asked);
      const dueText = Object.fromEntries(Object.entries(previews).map(([rating, date]) => [rating, formatInterval(date, asked)])) as Record<Rating, string>;
      const suggested = suggestRating(grade.verdict);
      const rating = await source.rate(suggested, dueText);
      if (source.interrupted) break;
      if (rating !== suggested) store.reviseAttempt(attemptId, { rating });
      out(style.dim(`Rated ${rating[0]!.toUpperCase()}${rating.slice(1)}: next due ${formatDue(nextDue(state, asked, rating), asked)}.`));
    }
  } finally {
    source.close();
  }
  out(renderSummary(results, summarizeSession(results, (Date.now() - started) / 1000), { interrupted: source.interrupted, next: "'nnquiz stats' shows what is due next" }));
  return source.interrupted ? 130 : 0;
}
