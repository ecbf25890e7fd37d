import { describe, expect, it } from 'vitest';
import { lintBank, MAX_FORMS, MAX_KEY_TERMS } from '../../../src/core/bank/lint.js';
import { parseQuestion, type Question } from '../../../src/core/bank/question.js';

function make(frontMatter: string): Question {
  const result = parseQuestion(`---\nid: huge\nquestion: What is it?\ntopic: t\ndifficulty: easy\n${frontMatter}---\nAn answer.\n`, { file: 'huge.md', defaultId: 'huge' });
  if (!result.question) throw new Error(JSON.stringify(result.problems));
  return result.question;
}

// The pairwise checks were quadratic: thousands of terms took minutes. A rubric that large is
// reported once instead of being checked pair by pair.
describe('lintBank bounds the rubric it checks', () => {
  it('reports a question with thousands of key terms as one error, without checking its pairs', () => {
    const terms = Array.from({ length: 3000 }, (_, i) => `  - term: idea number w${i} here\n`).join('');
    const problems = lintBank([make(`key_terms:\n${terms}`)]);
    expect(problems).toEqual([
      { file: 'huge.md', severity: 'error', message: `3000 key terms and misconceptions; expected at most ${MAX_KEY_TERMS} (2–4 core ideas and a few depth terms), so the rubric was not checked` },
    ]);
  });

  it('reports a question with thousands of aliases as one error', () => {
    const aliases = Array.from({ length: 3000 }, (_, i) => `alias w${i}`).join(', ');
    const problems = lintBank([make(`key_terms:\n  - term: first idea\n    aliases: [${aliases}]\n  - term: second idea\n    aliases: [${aliases}]\n`)]);
    expect(problems).toEqual([{ file: 'huge.md', severity: 'error', message: `6002 terms and aliases; expected at most ${MAX_FORMS}, so the rubric was not checked` }]);
  });

  it('still checks a rubric within the bounds', () => {
    const problems = lintBank([make('key_terms:\n  - term: learning rate\n  - term: rate\n')]);
    expect(problems.some((p) => p.severity === 'error')).toBe(false);
    expect(problems.map((p) => p.message)).toContainEqual(expect.stringMatching(/^key terms "learning rate" and "rate" overlap/));
  });
});
