import type { Verdict } from '../grading/index.js';
import type { Question } from '../bank/question.js';
import { compareText } from '../locale-free.js';

/** A small seeded generator (mulberry32): the same seed gives the same quiz. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Questions in bank order, or shuffled (Fisher–Yates) with the given random source and then
 * dealt one topic at a time, so that a short quiz spreads over the topics instead of drawing three
 * questions of one by chance.
 */
export function orderQuestions(questions: readonly Question[], order: 'random' | 'bank', random: () => number): Question[] {
  const ordered = [...questions];
  if (order === 'bank') return ordered;
  for (let i = ordered.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [ordered[i], ordered[j]] = [ordered[j]!, ordered[i]!];
  }
  // Topics in the order the shuffle first shows them; each round takes the next question of each.
  const byTopic = new Map<string, Question[]>();
  for (const question of ordered) byTopic.set(question.topic, [...(byTopic.get(question.topic) ?? []), question]);
  const dealt: Question[] = [];
  for (let round = 0; dealt.length < ordered.length; round++) {
    for (const list of byTopic.values()) if (round < list.length) dealt.push(list[round]!);
  }
  return dealt;
}

/** Follow-ups a session may bring in: one in a quiz of five or fewer, else up to a third of it. */
export function followUpAllowance(size: number): number {
  return size <= 5 ? 1 : Math.floor(size / 3);
}

/**
 * The questions of a session, in turn. After a correct answer to a question of the plan (not to a
 * follow-up, so chains never run on), its follow-ups (those loaded and not yet asked) come next,
 * as an interviewer drills down, within the session's allowance of follow-ups; they count towards
 * the session's size like any other question.
 */
export class QuestionQueue {
  private readonly waiting: Question[];
  private readonly asked = new Set<string>();
  private readonly followUpIds = new Set<string>();
  private readonly byId: Map<string, Question>;
  private allowance: number;

  constructor(
    planned: readonly Question[],
    private readonly size: number,
    all: readonly Question[],
    followUps: boolean,
  ) {
    this.waiting = [...planned];
    this.byId = new Map(all.map((q) => [q.id, q]));
    this.allowance = followUps ? followUpAllowance(size) : 0;
  }

  get askedCount(): number {
    return this.asked.size;
  }

  /** Whether a question was brought in as a follow-up of another. */
  isFollowUp(question: Question): boolean {
    return this.followUpIds.has(question.id);
  }

  next(): Question | undefined {
    if (this.asked.size >= this.size) return undefined;
    let question = this.waiting.shift();
    while (question && this.asked.has(question.id)) question = this.waiting.shift();
    if (question) this.asked.add(question.id);
    return question;
  }

  /** Tells the queue how a question went, so it can bring its follow-ups forward. */
  answered(question: Question, verdict: Verdict): void {
    if (this.allowance <= 0 || verdict !== 'correct' || this.isFollowUp(question)) return;
    const next = [...new Set(question.followUps)]
      .map((id) => this.byId.get(id))
      .filter((q): q is Question => q !== undefined && !this.asked.has(q.id) && !this.followUpIds.has(q.id))
      .slice(0, this.allowance);
    this.allowance -= next.length;
    for (const q of next) this.followUpIds.add(q.id);
    this.waiting.unshift(...next);
  }
}

/** One question of a finished or interrupted session. */
export interface SessionResult {
  question: Question;
  answer: string;
  score: number;
  /** The verdict that counts: the user's override when there is one, else the grader's. */
  verdict: Verdict;
  /** The grader's verdict, kept when the user overrode it. */
  gradedVerdict?: Verdict;
  seconds: number;
  late: boolean;
  skipped: boolean;
  missing: string[];
  /** Wrong claims the answer made, with their corrections. */
  misconceptions?: Array<{ claim: string; why: string }>;
}

export interface SessionSummary {
  /** Questions put, skipped ones included. */
  asked: number;
  /** Questions answered (not skipped). */
  answered: number;
  skipped: number;
  correct: number;
  overridden: number;
  totalSeconds: number;
  /** Over the answered questions: a skip is no score, not a score of 0. */
  averageScore: number;
  topics: Array<{ topic: string; asked: number; correct: number; share: number }>;
  /** Topics with a share correct below one half, weakest first. */
  weakestTopics: string[];
}

/**
 * Totals of a session: per topic share correct, and the weakest topics. `wallSeconds` is the
 * session's time from start to end; without it, the time spent answering is summed.
 */
export function summarizeSession(results: readonly SessionResult[], wallSeconds?: number): SessionSummary {
  const topics = new Map<string, { asked: number; correct: number }>();
  for (const result of results) {
    const entry = topics.get(result.question.topic) ?? { asked: 0, correct: 0 };
    entry.asked++;
    if (result.verdict === 'correct') entry.correct++;
    topics.set(result.question.topic, entry);
  }
  const rows = [...topics]
    .map(([topic, { asked, correct }]) => ({ topic, asked, correct, share: correct / asked }))
    .sort((a, b) => a.share - b.share || compareText(a.topic, b.topic));
  const answered = results.filter((r) => !r.skipped);
  return {
    asked: results.length,
    answered: answered.length,
    skipped: results.length - answered.length,
    correct: results.filter((r) => r.verdict === 'correct').length,
    overridden: results.filter((r) => r.gradedVerdict !== undefined).length,
    totalSeconds: wallSeconds ?? results.reduce((sum, r) => sum + r.seconds, 0),
    averageScore: answered.length > 0 ? answered.reduce((sum, r) => sum + r.score, 0) / answered.length : 0,
    topics: rows,
    weakestTopics: rows.filter((r) => r.share < 0.5).map((r) => r.topic),
  };
}
