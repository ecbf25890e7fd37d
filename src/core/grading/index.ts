// The public entry of grading: the rest of nnquiz imports from here.
export { gradeAnswer, type Grade, type GradableQuestion, type HeardMisconception, type MatchKind, type MissingTerm, type TermMatch, type Verdict } from './grade.js';
export { DERIVED_TERMS_COVERAGE } from './score.js';
export { typoBudget } from './match.js';
export { deriveKeyTerms, termStatistics, withDerivedKeyTerms, type TermStatistics } from './derive.js';
export { gradeBatchLine, type BatchResult } from './batch.js';
export { toGradeJson } from './grade-json.js';
