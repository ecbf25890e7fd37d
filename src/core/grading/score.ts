export type Verdict = 'correct' | 'partial' | 'incorrect';

/** What one idea of the rubric earned. */
export interface IdeaResult {
  weight: number;
  core: boolean;
  heard: boolean;
}

/**
 * Derived key terms are all the content words of a model answer, and prose holds more words than
 * ideas: an answer that expresses half of their weight earns full marks.
 */
export const DERIVED_TERMS_COVERAGE = 0.5;

/** A misconception or a bare list of terms keeps an answer at this share of the pass mark: partial at best. */
export const CAPPED_SHARE = 0.75;

export interface RubricScore {
  score: number;
  verdict: Verdict;
}

const round = (x: number) => Math.round(x * 1000) / 1000;
const share = (ideas: readonly IdeaResult[]) => {
  const total = ideas.reduce((s, i) => s + i.weight, 0);
  return total > 0 ? ideas.reduce((s, i) => s + (i.heard ? i.weight : 0), 0) / total : 1;
};

/**
 * Scores the ideas an answer expressed. With core ideas: every core idea heard reaches the pass
 * mark, and depth lifts the score from there to 1; a core idea missing keeps the score below the
 * pass mark, partial once half the core is heard. Without core ideas (older banks, derived terms)
 * the score is the share of weight heard. `capped` (a misconception, a bare keyword list) holds
 * the score at partial.
 *
 * @example
 * scoreIdeas([{ weight: 1, core: true, heard: true }, { weight: 1, core: false, heard: false }], 0.6)
 * // → { score: 0.6, verdict: 'correct' }
 */
export function scoreIdeas(ideas: readonly IdeaResult[], passMark: number, options: { derived?: boolean; capped?: boolean } = {}): RubricScore {
  const core = ideas.filter((i) => i.core);
  const depth = ideas.filter((i) => !i.core);
  let score: number;
  if (ideas.length === 0) score = 0;
  else if (core.length === 0) score = Math.min(1, share(ideas) / (options.derived ? DERIVED_TERMS_COVERAGE : 1));
  else {
    const c = share(core);
    const d = depth.length > 0 ? share(depth) : c === 1 ? 1 : 0;
    score = c === 1 ? passMark + (1 - passMark) * d : passMark * ((c > 0 ? 0.25 : 0) + 0.6 * c + 0.15 * d);
  }
  if (options.capped) score = Math.min(score, passMark * CAPPED_SHARE);
  score = round(score);
  const allCore = core.every((i) => i.heard);
  const verdict: Verdict = score >= passMark && allCore ? 'correct' : score >= passMark / 2 ? 'partial' : 'incorrect';
  return { score, verdict };
}
