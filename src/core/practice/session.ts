import type { Verdict } from '../grading/index.js';
import type { Question } from '../bank/question.js';

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

/** Questions in bank order, or shuffled (Fisher–Yates) with the given random source. */
export function orderQuestions(questions: readonly Question[], order: 'random' | 'bank', random: () => number): Question[] {
  const ordered = [...questions];
  if (order === 'random') {
    for (let i = ordered.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [ordered[i], ordered[j]] = [ordered[j]!, ordered[i]!];
    }
  }
  return ordered;
}

/**
 * The questions of a session, in turn. After a correct answer, the question's follow-ups (those
 * loaded and not yet asked) come next, as an interviewer drills down; they count towards the
 * session's size like any other question.
 */
export class QuestionQueue {
  private readonly waiting: Question[];
  private readonly asked = new Set<string>();
  private readonly byId: Map<string, Question>;

  constructor(
    planned: readonly Question[],
    private readonly size: number,
    all: readonly Question[],
    private readonly followUps: boolean,
  ) {
    this.waiting = [...planned];
    this.byId = new Map(all.map((q) => [q.id, q]));
  }

  get askedCount(): number {
    return this.asked.size;
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
    if (!this.followUps || verdict !== 'correct') return;
    const next = question.followUps
      .map((id) => this.byId.get(id))
      .filter((q): q is Question => q !== undefined && !this.asked.has(q.id));
    this.waiting.unshift(...next.filter((q, i) => next.indexOf(q) === i));
  }
}

/** One question of a finished or interrupted session. */
export interface SessionResult {
  question: Question;
  answer: string;
  score: number;
  verdict: Verdict;
  seconds: number;
  late: boolean;
  skipped: boolean;
  missing: string[];
  /** Wrong claims the answer made, with their corrections. */
  misconceptions?: Array<{ claim: string; why: string }>;
}

export interface SessionSummary {
  answered: number;
  correct: number;
  totalSeconds: number;
  averageScore: number;
  topics: Array<{ topic: string; asked: number; correct: number; share: number }>;
  /** Topics with a share correct below one half, weakest first. */
  weakestTopics: string[];
}

/** Totals of a session: per topic share correct, and the weakest topics. */
export function summarizeSession(results: readonly SessionResult[]): SessionSummary {
  const topics = new Map<string, { asked: number; correct: number }>();
  for (const result of results) {
    const entry = topics.get(result.question.topic) ?? { asked: 0, correct: 0 };
    entry.asked++;
    if (result.verdict === 'correct') entry.correct++;
    topics.set(result.question.topic, entry);
  }
  const rows = [...topics]
    .map(([topic, { asked, correct }]) => ({ topic, asked, correct, share: correct / asked }))
    .sort((a, b) => a.share - b.share || a.topic.localeCompare(b.topic));
  return {
    answered: results.length,
    correct: results.filter((r) => r.verdict === 'correct').length,
    totalSeconds: results.reduce((sum, r) => sum + r.seconds, 0),
    averageScore: results.length > 0 ? results.reduce((sum, r) => sum + r.score, 0) / results.length : 0,
    topics: rows,
    weakestTopics: rows.filter((r) => r.share < 0.5).map((r) => r.topic),
  };
}
