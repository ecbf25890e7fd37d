import type { NewAttempt } from '../../../src/store/progress.js';

/** A plausible attempt at a question, with any field overridden. */
export const attempt = (question: string, extra: Partial<NewAttempt> = {}): NewAttempt => ({
  question,
  answer: `my answer to ${question}`,
  score: 0.5,
  verdict: 'partial',
  matched: [{ term: 'a', text: 'a', how: 'exact' }],
  missing: ['b'],
  seconds: 3,
  late: false,
  skipped: false,
  mode: 'quiz',
  rating: 'hard',
  ...extra,
});
