import type { Difficulty, Question } from './question.js';

export interface Selection {
  topics?: readonly string[];
  tags?: readonly string[];
  difficulties?: readonly Difficulty[];
}

/** Keeps the questions matching every given filter; within a filter any listed value matches. Case-insensitive. */
export function selectQuestions(questions: readonly Question[], selection: Selection): Question[] {
  const wanted = (values?: readonly string[]) => (values && values.length > 0 ? new Set(values.map((v) => v.toLowerCase())) : undefined);
  const topics = wanted(selection.topics);
  const tags = wanted(selection.tags);
  const difficulties = wanted(selection.difficulties);
  return questions.filter(
    (q) =>
      (!topics || topics.has(q.topic.toLowerCase())) &&
      (!tags || q.tags.some((tag) => tags.has(tag.toLowerCase()))) &&
      (!difficulties || difficulties.has(q.difficulty)),
  );
}
