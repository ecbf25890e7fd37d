import type { Attempt } from '../../../src/core/practice/progress.js';
import { parseQuestion, type Question } from '../../../src/core/bank/question.js';

export function question(id: string, topic = 'training', followUps: string[] = []): Question {
  const result = parseQuestion(`---\nid: ${id}\nquestion: What is ${id}?\ntopic: ${topic}\nfollow_ups: [${followUps.join(', ')}]\nkey_terms: [${id}]\n---\n${id} is ${id}.\n`, {
    file: `${id}.md`,
    defaultId: id,
  });
  if (!result.question) throw new Error(JSON.stringify(result.problems));
  return result.question;
}

let counter = 0;
export function attempt(questionId: string, at: string, extra: Partial<Attempt> = {}): Attempt {
  counter++;
  return {
    id: `a${counter}`,
    question: questionId,
    answer: 'an answer',
    score: 1,
    verdict: 'correct',
    matched: [],
    missing: [],
    seconds: 5,
    late: false,
    skipped: false,
    mode: 'quiz',
    rating: 'good',
    at,
    ...extra,
  };
}
