import { formerIdMap } from '../bank/ids.js';
import { creditedAttempts, effectiveVerdict, type Attempt, type Flag } from './progress.js';
import type { Question } from '../bank/question.js';
import { buildSchedule } from './schedule.js';
import { compareText } from '../locale-free.js';

const DAY = 86_400_000;
/** Share correct per topic looks at this many of the topic's latest attempts. */
export const RECENT_ATTEMPTS = 10;
export const HISTORY_DAYS = 14;

/** A local calendar day as YYYY-MM-DD. */
export function dayKey(date: Date): string {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

export interface Stats {
  attempts: number;
  answered: number;
  correct: number;
  shareCorrect: number;
  /** Consecutive days with at least one attempt, ending today (or yesterday, if today has none yet). */
  streakDays: number;
  dueToday: number;
  dueThisWeek: number;
  topics: Array<{ topic: string; questions: number; seen: number; recentAttempts: number; recentCorrect: number; shareCorrect: number | null }>;
  history: Array<{ day: string; attempts: number }>;
  missedTerms: Array<{ term: string; misses: number; questions: string[] }>;
  overrides: Array<{ question: string; count: number; toCorrect: number; toIncorrect: number; answers: string[] }>;
  flagged: Array<{ question: string; count: number; last: string; notes: string[]; orphaned: boolean }>;
  /** Attempts whose question is no longer in the loaded banks: kept, counted, never a crash. */
  orphaned: number;
}

/** Adds a value to the list kept under a key. */
function addTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * Progress figures from the attempt log, for `nnquiz stats` and its `--json`. Every figure is one
 * pass over the attempts (expected in time order, as the store gives them): a log of years of
 * study, hundreds of thousands of attempts, must not make it slow.
 */
export function computeStats(attempts: readonly Attempt[], flags: readonly Flag[], questions: readonly Question[], now: Date): Stats {
  const byId = new Map(questions.map((q) => [q.id, q]));
  const known = creditedAttempts(attempts, questions);
  const answered = attempts.filter((a) => !a.skipped);
  const correct = answered.filter((a) => effectiveVerdict(a) === 'correct').length;

  const perDay = new Map<string, number>();
  for (const attempt of attempts) {
    const day = dayKey(new Date(attempt.at));
    perDay.set(day, (perDay.get(day) ?? 0) + 1);
  }
  let streakDays = 0;
  let cursor = new Date(now);
  if (!perDay.has(dayKey(cursor))) cursor = new Date(cursor.getTime() - DAY);
  while (perDay.has(dayKey(cursor))) {
    streakDays++;
    cursor = new Date(cursor.getTime() - DAY);
  }

  const schedule = buildSchedule(known);
  const endOfToday = new Date(now);
  endOfToday.setHours(23, 59, 59, 999);
  const dues = [...schedule.values()].map((s) => s.due.getTime());
  const dueToday = dues.filter((d) => d <= endOfToday.getTime()).length;
  const dueThisWeek = dues.filter((d) => d <= now.getTime() + 7 * DAY).length;

  const answeredByTopic = new Map<string, Attempt[]>();
  for (const attempt of known) if (!attempt.skipped) addTo(answeredByTopic, byId.get(attempt.question)!.topic, attempt);
  const seenByTopic = new Map<string, Set<string>>();
  for (const attempt of known) {
    const topic = byId.get(attempt.question)!.topic;
    const seen = seenByTopic.get(topic) ?? new Set<string>();
    seen.add(attempt.question);
    seenByTopic.set(topic, seen);
  }
  const questionsByTopic = new Map<string, number>();
  for (const question of questions) questionsByTopic.set(question.topic, (questionsByTopic.get(question.topic) ?? 0) + 1);
  const topics = [...questionsByTopic.keys()].sort().map((topic) => {
    const recent = (answeredByTopic.get(topic) ?? []).slice(-RECENT_ATTEMPTS);
    const recentCorrect = recent.filter((a) => effectiveVerdict(a) === 'correct').length;
    return {
      topic,
      questions: questionsByTopic.get(topic)!,
      seen: seenByTopic.get(topic)?.size ?? 0,
      recentAttempts: recent.length,
      recentCorrect,
      shareCorrect: recent.length > 0 ? recentCorrect / recent.length : null,
    };
  });

  const history = Array.from({ length: HISTORY_DAYS }, (_, i) => {
    const day = dayKey(new Date(now.getTime() - (HISTORY_DAYS - 1 - i) * DAY));
    return { day, attempts: perDay.get(day) ?? 0 };
  });

  const misses = new Map<string, { misses: number; questions: Set<string> }>();
  for (const attempt of answered) {
    for (const term of attempt.missing) {
      const key = term.toLowerCase();
      const entry = misses.get(key) ?? { misses: 0, questions: new Set<string>() };
      entry.misses++;
      entry.questions.add(attempt.question);
      misses.set(key, entry);
    }
  }
  const missedTerms = [...misses]
    .map(([term, entry]) => ({ term, misses: entry.misses, questions: [...entry.questions].sort() }))
    .sort((a, b) => b.misses - a.misses || compareText(a.term, b.term))
    .slice(0, 10);

  const overridden = new Map<string, Attempt[]>();
  for (const attempt of attempts) if (attempt.override) addTo(overridden, attempt.question, attempt);
  const overrides = [...overridden]
    .map(([question, list]) => ({
      question,
      count: list.length,
      toCorrect: list.filter((a) => a.override === 'correct').length,
      toIncorrect: list.filter((a) => a.override === 'incorrect').length,
      answers: list.map((a) => a.answer).slice(-3),
    }))
    .sort((a, b) => b.count - a.count || compareText(a.question, b.question));

  const flaggedBy = new Map<string, Flag[]>();
  const renamed = formerIdMap(questions);
  for (const flag of flags) addTo(flaggedBy, byId.has(flag.question) ? flag.question : (renamed.get(flag.question) ?? flag.question), flag);
  const flagged = [...flaggedBy]
    .map(([question, list]) => ({
      question,
      count: list.length,
      last: list.reduce((latest, f) => (Date.parse(f.at) > Date.parse(latest) ? f.at : latest), list[0]!.at),
      notes: list.flatMap((f) => (f.note ? [f.note] : [])),
      orphaned: !byId.has(question),
    }))
    .sort((a, b) => Date.parse(b.last) - Date.parse(a.last));

  return {
    attempts: attempts.length,
    answered: answered.length,
    correct,
    shareCorrect: answered.length > 0 ? correct / answered.length : 0,
    streakDays,
    dueToday,
    dueThisWeek,
    topics,
    history,
    missedTerms,
    overrides,
    flagged,
    orphaned: attempts.length - known.length,
  };
}
