// What the bundled bank promises its users (issue #14): its size and spread, answers shaped for an
// interview, and follow-up chains that drill down. The rubrics are checked by the blind answers in
// tests/core/grading/interview-answers.test.ts.
import { describe, expect, it } from 'vitest';
import { readBank } from '../../../src/core/bank/read.js';
import type { Question } from '../../../src/core/bank/question.js';
import { bundledBank, onFirstUse } from '../../helpers.js';

const bank = onFirstUse(() => {
  const questions = readBank([bundledBank]).questions;
  return { questions, byId: new Map(questions.map((q) => [q.id, q])) };
});
const rank = { easy: 0, medium: 1, hard: 2 } as const;

function share(difficulty: Question['difficulty']): number {
  return bank().questions.filter((q) => q.difficulty === difficulty).length / bank().questions.length;
}

/** Whether following follow-ups from `start` reaches a harder question within `hops` steps. */
function reachesHarder(start: Question, hops: number): boolean {
  const seen = new Set([start.id]);
  let frontier = [start];
  for (let hop = 0; hop < hops; hop++) {
    const next: Question[] = [];
    for (const q of frontier) {
      for (const id of q.followUps) {
        const followUp = bank().byId.get(id);
        if (!followUp || seen.has(id)) continue;
        if (rank[followUp.difficulty] > rank[start.difficulty]) return true;
        seen.add(id);
        next.push(followUp);
      }
    }
    frontier = next;
  }
  return false;
}

describe('the bundled bank', () => {
  it('has at least 160 questions, about 20% easy, 50% medium and 30% hard', () => {
    expect(bank().questions.length).toBeGreaterThanOrEqual(160);
    expect(share('easy')).toBeGreaterThanOrEqual(0.15);
    expect(share('easy')).toBeLessThanOrEqual(0.25);
    expect(share('medium')).toBeGreaterThanOrEqual(0.42);
    expect(share('medium')).toBeLessThanOrEqual(0.58);
    expect(share('hard')).toBeGreaterThanOrEqual(0.25);
    expect(share('hard')).toBeLessThanOrEqual(0.35);
  });

  it('has a hard question in every topic of more than five questions', () => {
    const topics = new Map<string, Question[]>();
    for (const q of bank().questions) topics.set(q.topic, [...(topics.get(q.topic) ?? []), q]);
    const withoutHard = [...topics]
      .filter(([, qs]) => qs.length > 5 && !qs.some((q) => q.difficulty === 'hard'))
      .map(([topic]) => topic);
    expect(withoutHard).toEqual([]);
  });

  it('opens every model answer with a short answer, in no first person, with code blocks tagged', () => {
    const problems: string[] = [];
    for (const q of bank().questions) {
      if (!q.answer.trimStart().startsWith('**In short:**')) problems.push(`${q.id}: no "In short" opening`);
      const prose = q.answer.replace(/```[\s\S]*?```/g, '').replace(/`[^`]*`/g, '');
      if (/\b(I|I'm|I've|my|we|our|us)\b/.test(prose)) problems.push(`${q.id}: first person`);
      // Every opening fence names its language; closing fences are bare.
      const fences = q.answer.match(/^```.*$/gm) ?? [];
      fences.forEach((fence, i) => {
        if (i % 2 === 0 && fence.trim() === '```') problems.push(`${q.id}: untagged code block`);
      });
    }
    expect(problems).toEqual([]);
  });

  it('keeps short answers short and lets length follow difficulty', () => {
    const words = (text: string) => text.split(/\s+/).filter(Boolean).length;
    const medianWords = (difficulty: Question['difficulty']) => {
      const counts = bank().questions
        .filter((q) => q.difficulty === difficulty)
        .map((q) => words(q.answer))
        .sort((a, b) => a - b);
      return counts[Math.floor(counts.length / 2)]!;
    };
    expect(medianWords('easy')).toBeLessThan(medianWords('medium'));
    expect(medianWords('medium')).toBeLessThan(medianWords('hard'));
    const longShortAnswers = bank().questions
      .filter((q) => words(q.answer.split(/\n\s*\n/)[0]!) > 80)
      .map((q) => q.id);
    expect(longShortAnswers).toEqual([]);
  });

  it('gives every question follow-ups that resolve, and every easy or medium one a way to a harder question', () => {
    const dangling = bank().questions.flatMap((q) => q.followUps.filter((id) => !bank().byId.has(id)).map((id) => `${q.id} -> ${id}`));
    expect(dangling).toEqual([]);
    expect(bank().questions.filter((q) => q.followUps.length === 0).map((q) => q.id)).toEqual([]);
    const deadEnds = bank().questions.filter((q) => q.difficulty !== 'hard' && !reachesHarder(q, 3)).map((q) => q.id);
    expect(deadEnds).toEqual([]);
  });
});
