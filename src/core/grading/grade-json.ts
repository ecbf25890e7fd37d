import type { Grade } from './grade.js';

/** The stable `--json` shape of a grade, with the file format's snake_case names. */
export function toGradeJson(grade: Grade) {
  return {
    score: grade.score,
    verdict: grade.verdict,
    pass_mark: grade.passMark,
    matched: grade.matched.map((m) => ({ term: m.term, text: m.text, form: m.form, how: m.how, weight: m.weight, core: m.core })),
    missing: grade.missing.map((m) => ({ term: m.term, weight: m.weight, core: m.core })),
    misconceptions: grade.misconceptions.map((m) => ({ claim: m.claim, text: m.text, why: m.why })),
    notes: grade.notes,
    derived_terms: grade.derivedTerms,
  };
}
