import { describe, expect, it } from 'vitest';
import { parseQuestion, type Question } from '../../../src/core/bank/question.js';
import { lintRubric } from '../../../src/core/grading/rubric-lint.js';

function make(frontMatter: string, answer: string, question = 'Why does dropout help against overfitting?'): Question {
  const result = parseQuestion(`---\nid: q\nquestion: ${question}\ntopic: t\ndifficulty: easy\n${frontMatter}---\n${answer}\n`, { file: 'q.md', defaultId: 'q' });
  if (!result.question) throw new Error(JSON.stringify(result.problems));
  return result.question;
}

const good = `key_terms:
  - {term: units are randomly zeroed, aliases: [randomly drops neurons], core: true}
  - {term: units cannot co-adapt, aliases: [no co-adaptation], core: true}
  - {term: an ensemble of thinned networks, aliases: [ensemble]}
misconceptions:
  - {claim: dropout stays on at test time, aliases: [applied at test time], why: It is switched off at inference.}
`;
const goodAnswer = 'During training units are randomly zeroed, so units cannot co-adapt; the result acts like an ensemble of thinned networks. It is switched off at inference.';

describe('lintRubric', () => {
  it('finds nothing wrong with a rubric of plain core ideas that the model answer states', () => {
    expect(lintRubric(make(good, goodAnswer))).toEqual([]);
  });

  it('asks for core ideas when a rubric has none, and warns about too many', () => {
    expect(lintRubric(make('key_terms: [randomly zeroed, co-adapt]\n', 'Units are randomly zeroed so they co-adapt less.'))).toEqual([expect.stringMatching(/^no core ideas/)]);
    const six = `key_terms: [${['alpha', 'beta', 'gamma', 'delta', 'epsilon'].map((w) => `{term: ${w} idea, core: true}`).join(', ')}]\n`;
    expect(lintRubric(make(six, 'alpha idea, beta idea, gamma idea, delta idea and epsilon idea all hold.'))).toEqual([expect.stringMatching(/^5 core ideas/)]);
  });

  it('warns when the model answer misses a key term or states a misconception', () => {
    const problems = lintRubric(make(good, 'Units are randomly zeroed, so units cannot co-adapt, and dropout is applied at test time too.'));
    expect(problems).toEqual([
      expect.stringMatching(/^key term "an ensemble of thinned networks" is not heard in the model answer/),
      expect.stringMatching(/^misconception "dropout stays on at test time" is heard in the model answer itself \("applied at test time"\)/),
    ]);
  });

  it('hears a key term in the model answer in the word forms grading hears (plurals, British spellings)', () => {
    const rnn = `key_terms:
  - {term: RNN, core: true}
  - {term: normalization, core: true}
`;
    const q = make(rnn, 'Plain RNNs forget early inputs, and normalising the inputs does not change that.', 'Why do recurrent models struggle with long sequences?');
    expect(lintRubric(q)).toEqual([]);
    expect(lintRubric(make(rnn, 'Plain CNNs forget early inputs; normalising does not help.', 'Why do recurrent models struggle with long sequences?'))).toEqual([
      expect.stringMatching(/^key term "RNN" is not heard in the model answer/),
    ]);
  });

  it('warns when the core ideas, said plainly, cannot pass', () => {
    const trap = `key_terms:
  - {term: units are randomly zeroed, core: true}
misconceptions:
  - {claim: zeroing is random, aliases: [randomly zeroed], why: It is not.}
`;
    expect(lintRubric(make(trap, 'Units are randomly zeroed.'))).toContainEqual(expect.stringMatching(/^the core ideas, stated in the rubric's own words, do not pass/));
  });

  it('warns about a form that only repeats the question, and about a bare common word', () => {
    const weak = `key_terms:
  - {term: units are randomly zeroed, aliases: [dropout helps, large], core: true}
`;
    expect(lintRubric(make(weak, 'Units are randomly zeroed.'))).toEqual([
      expect.stringMatching(/^"dropout helps" \(for "units are randomly zeroed"\) only repeats words of the question/),
      expect.stringMatching(/^"large" \(for "units are randomly zeroed"\) is a common word/),
    ]);
  });

  it('leaves derived key terms alone', () => {
    expect(lintRubric({ ...make(good, goodAnswer), keyTermsDerived: true })).toEqual([]);
  });
});

describe('lintRubric: each finding', () => {
  const core = (n: number) => `key_terms: [${['alpha', 'beta', 'gamma', 'delta', 'epsilon'].slice(0, n).map((w) => `{term: ${w} idea, core: true}`).join(', ')}]\n`;
  const all = 'alpha idea, beta idea, gamma idea, delta idea and epsilon idea all hold.';

  it('accepts up to four core ideas', () => {
    expect(lintRubric(make(core(4), all))).toEqual([]);
    expect(lintRubric(make(core(1), all))).toEqual([]);
    expect(lintRubric(make(core(5), all))).toEqual(['5 core ideas; an interviewer needs at most 4 to call an answer right, so make the others depth']);
  });

  it('says what share of the key terms passes a rubric without core ideas', () => {
    expect(lintRubric(make('pass_mark: 0.75\nkey_terms: [alpha idea, beta idea]\n', all))).toEqual([
      "no core ideas, so only a share of 75% of all the key terms passes; mark the 2–4 ideas an interviewer must hear with 'core: true'",
    ]);
  });

  it('leaves a question without key terms alone', () => {
    expect(lintRubric({ ...make(core(1), all), keyTerms: [] })).toEqual([]);
  });

  it('names each core idea that its own words do not pass, and each misconception they state', () => {
    const rubric = `key_terms:
  - {term: alpha idea, core: true}
  - {term: beta idea, aliases: [beta thing], core: true}
  - {term: gamma idea, aliases: [gamma], core: false}
misconceptions:
  - {claim: alpha idea is wrong, aliases: [alpha idea], why: It is right.}
`;
    const q = make(rubric, 'The alpha idea and the beta thing, with gamma.');
    expect(lintRubric(q)).toEqual([
      'misconception "alpha idea is wrong" is heard in the model answer itself ("alpha idea"); write its aliases as the wrong claim, with its verb',
      `the core ideas, stated in the rubric's own words, do not pass (it states the misconception "alpha idea is wrong"); an answer with every core idea must pass`,
    ]);
  });

  it('names a core idea that the rubric words do not hear', () => {
    const rubric = `key_terms:
  - {term: units are randomly zeroed, core: true}
  - {term: dropout helps, aliases: [co-adaptation], core: true}
`;
    expect(lintRubric(make(rubric, 'Units are randomly zeroed, which stops co-adaptation.'))).toEqual([
      `the core ideas, stated in the rubric's own words, do not pass ("dropout helps" is not heard); an answer with every core idea must pass`,
      '"dropout helps" (for "dropout helps") only repeats words of the question, so it earns nothing; say what the answer must claim about them',
    ]);
  });

  it('names every core idea its own words do not pass', () => {
    const rubric = `key_terms:
  - {term: dropout helps, aliases: [co-adaptation], core: true}
  - {term: overfitting, aliases: [memorizing], core: true}
`;
    expect(lintRubric(make(rubric, 'It stops co-adaptation and memorizing.'))).toContainEqual(
      `the core ideas, stated in the rubric's own words, do not pass ("dropout helps" is not heard; "overfitting" is not heard); an answer with every core idea must pass`,
    );
  });

  it('checks the forms of misconceptions too, but not relations', () => {
    const rubric = `key_terms:
  - {term: units are randomly zeroed, aliases: [dropout … overfitting, "dropout ... help"], core: true}
misconceptions:
  - {claim: zeroing is deterministic, aliases: [about], why: It is random.}
`;
    expect(lintRubric(make(rubric, 'Units are randomly zeroed.'))).toEqual(['"about" (for "zeroing is deterministic") is a common word that answers say whatever they mean; use a phrase that states the idea']);
  });

  it('accepts a form of several words even when each is common', () => {
    const rubric = `key_terms:
  - {term: units are randomly zeroed, aliases: [large slow], core: true}
`;
    expect(lintRubric(make(rubric, 'Units are randomly zeroed.'))).toEqual([]);
  });
});
