import type { Question } from './bank/question.js';

/** The stable `--json` shape of a question in lists. */
export function toListEntry(q: Question) {
  return { id: q.id, question: q.question, topic: q.topic, tags: q.tags, difficulty: q.difficulty, file: q.file };
}

/** The stable `--json` shape of a whole question, with the file format's field names. */
export function toQuestionJson(q: Question) {
  return {
    id: q.id,
    question: q.question,
    topic: q.topic,
    tags: q.tags,
    difficulty: q.difficulty,
    key_terms: q.keyTerms.map((k) => ({ term: k.term, aliases: k.aliases, weight: k.weight, core: k.core, ...(k.negated ? { negated: true } : {}) })),
    key_terms_derived: q.keyTermsDerived,
    rubric_proposed: q.rubricProposed,
    misconceptions: q.misconceptions.map((m) => ({ claim: m.claim, aliases: m.aliases, why: m.why })),
    pass_mark: q.passMark,
    follow_ups: q.followUps,
    former_ids: q.formerIds,
    answer: q.answer,
    file: q.file,
    extra: q.extra,
  };
}
