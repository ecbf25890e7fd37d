import { describe, expect, it } from 'vitest';
import { readBank } from '../../../src/core/bank/read.js';
import { lintBank, MAX_KEY_TERMS } from '../../../src/core/bank/lint.js';
import { parseQuestion, withChanges, type Question } from '../../../src/core/bank/question.js';
import { bundledBank, fixture, inMutationRun } from '../../helpers.js';

const messages = (questions: Question[]) => lintBank(questions).map((p) => p.message);

function make(id: string, body: string, frontMatter = 'topic: t\ndifficulty: easy\n'): Question {
  const result = parseQuestion(`---\nid: ${id}\nquestion: Q ${id}?\n${frontMatter}---\n${body}\n`, { file: `${id}.md`, defaultId: id });
  if (!result.question) throw new Error(JSON.stringify(result.problems));
  return result.question;
}

describe('lintBank', () => {
  it('warns about each weakness of the lint fixture, and only as warnings', () => {
    const problems = lintBank(readBank([fixture('lint-bank')]).questions);
    expect(problems.every((p) => p.severity === 'warning')).toBe(true);
    expect(problems.every((p) => p.file.endsWith('weak.md'))).toBe(true);
    expect(problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/^no 'difficulty' given, so it defaults to "medium"/),
      expect.stringMatching(/^no core ideas/),
      expect.stringMatching(/^key term "rate" is not heard in the model answer/),
      expect.stringMatching(/^key term "momentum" is not heard in the model answer/),
      expect.stringMatching(/^key terms "learning rate" and "rate" overlap/),
      expect.stringMatching(/^key terms "learning rate" and "step size" share the form "lr"/),
      expect.stringMatching(/^follow_ups names "nowhere", which is not a question id/),
      expect.stringMatching(/^follow_ups lists the question itself/),
    ]);
  });

  it('warns about an empty model answer and a proposed rubric, and checks no proposed term as an author\'s', () => {
    const empty = make('unanswered', '');
    const proposed = make('imported', 'Dropout zeroes random units during training.', 'topic: t\ndifficulty: easy\nrubric: proposed\nkey_terms: [zeroes, momentum]\n');
    expect(messages([empty, proposed])).toEqual([
      expect.stringMatching(/^the model answer is empty, so answers cannot be graded/),
      expect.stringMatching(/^its rubric is still a proposal \(rubric: proposed\): review its key terms/),
    ]);
  });

  it('finds a key term in the answer through an alias, across case and hyphens', () => {
    const q = make('bn', 'Use Batch-Norm layers.', 'topic: t\ndifficulty: easy\nkey_terms: [{term: batch normalization, aliases: [batch norm], core: true}]\n');
    expect(messages([q])).toEqual([]);
  });

  it('warns about a key term that most answers of a large enough bank contain', () => {
    const questions = Array.from({ length: 10 }, (_, i) =>
      make(`q${i}`, `The network learns thing${i}.`, `topic: t\ndifficulty: easy\nkey_terms: [{term: network, core: true}, {term: thing${i}, core: true}]\n`),
    );
    const found = messages(questions);
    expect(found.filter((m) => m.includes('"network" appears in 10 of 10 answers'))).toHaveLength(10);
    expect(found.some((m) => m.includes('thing'))).toBe(false);
    expect(messages(questions.slice(0, 9))).toEqual([]);
  });

  it('takes the topic from the folder without a warning, and warns only at the bank root', () => {
    const inFolder = parseQuestion('---\nquestion: Why?\ndifficulty: easy\n---\nBecause.\n', { file: 'b/training/x.md', defaultId: 'x', defaultTopic: 'training' }).question!;
    expect(inFolder.topic).toBe('training');
    expect(messages([inFolder])).toEqual([]);
    const atRoot = parseQuestion('---\nquestion: Why?\ndifficulty: easy\n---\nBecause.\n', { file: 'b/x.md', defaultId: 'x' }).question!;
    expect(messages([atRoot])).toEqual([expect.stringMatching(/^no 'topic' given and the file is at the bank's root, so it defaults to "general"/)]);
  });

  it('warns about a bold line-heading run into the paragraph above, at its line of the file', () => {
    const q = make('relu', 'A dead unit never recovers.\n**Causes**\n- a large learning rate\n\n**Remedies**: Leaky ReLU.');
    expect(lintBank([q])).toEqual([
      { file: 'relu.md', line: 8, severity: 'warning', message: 'the bold heading "**Causes**" stands directly under a line of text, so Markdown runs it into that paragraph; expected a blank line before it' },
    ]);
  });

  // Linting 160 rubrics grades every model answer: slow on a loaded machine, so a long timeout.
  it.skipIf(inMutationRun)('passes the bundled bank with no warnings', () => {
    expect(lintBank(readBank([bundledBank]).questions).map((p) => `${p.file}: ${p.message}`)).toEqual([]);
  }, 120_000);
});

describe('lintBank: look-alike ids', () => {
  it('warns about an id spelled with letters of another script that looks like an id already loaded', () => {
    const latin = make('adam', 'Adam keeps moving averages.', 'topic: t\ndifficulty: easy\nkey_terms: [{term: moving averages, core: true}]\n');
    const cyrillic = make('\u0430dam', 'Adam keeps moving averages.', 'topic: t\ndifficulty: easy\nkey_terms: [{term: moving averages, core: true}]\n');
    expect(messages([latin, cyrillic])).toEqual([expect.stringMatching(/^id "аdam" looks like "adam" \(adam\.md\) but is spelled with other characters/)]);
    expect(messages([latin])).toEqual([]);
  });
});

describe('lintBank: deep nesting', () => {
  it('names a model answer nested too deeply to render in full', () => {
    const deep = make('deep', `${'> '.repeat(40)}deep quote`, 'topic: t\ndifficulty: easy\n');
    expect(messages([deep])).toEqual([expect.stringMatching(/^the model answer nests block quotes or lists more than 16 levels deep/)]);
  });
});

describe('lintBank: look-alike ids, letter by letter', () => {
  // Every letter of another script that lintBank reads as a Latin one.
  it.each([
    ['а', 'a'], ['в', 'b'], ['е', 'e'], ['к', 'k'], ['м', 'm'], ['н', 'h'], ['о', 'o'], ['р', 'p'], ['с', 'c'], ['т', 't'], ['у', 'y'], ['х', 'x'], ['і', 'i'], ['ј', 'j'], ['ѕ', 's'], ['ԁ', 'd'], ['ԛ', 'q'], ['ԝ', 'w'],
    ['α', 'a'], ['β', 'b'], ['ε', 'e'], ['ι', 'i'], ['κ', 'k'], ['ν', 'v'], ['ο', 'o'], ['ρ', 'p'], ['τ', 't'], ['υ', 'u'], ['χ', 'x'],
  ])('reads %s as %s', (other, latin) => {
    expect(messages([make(`${latin}-id`, 'An answer.'), make(`${other}-id`, 'An answer.')])).toEqual([
      `id ${JSON.stringify(`${other}-id`)} looks like "${latin}-id" (${latin}-id.md) but is spelled with other characters; give it an id in plain letters`,
    ]);
  });

  it('folds case and compatibility forms, and warns about the later question only', () => {
    expect(lintBank([make('fit', 'An answer.'), make('Fit', 'An answer.'), make('\uFB01t', 'An answer.')])).toEqual([
      { file: 'Fit.md', severity: 'warning', message: 'id "Fit" looks like "fit" (fit.md) but is spelled with other characters; give it an id in plain letters' },
      { file: '\uFB01t.md', severity: 'warning', message: 'id "\uFB01t" looks like "fit" (fit.md) but is spelled with other characters; give it an id in plain letters' },
    ]);
  });

  it('compares with the first question of an id, and says nothing about an id repeated as it is or a different id', () => {
    const first = make('adam', 'An answer.');
    const again = withChanges(first, { file: 'again.md' });
    expect(messages([first, again, make('adamw', 'An answer.')])).toEqual([]);
    expect(messages([first, again, make('\u0430dam', 'An answer.')])).toEqual([
      'id "\u0430dam" looks like "adam" (adam.md) but is spelled with other characters; give it an id in plain letters',
    ]);
  });
});

describe('lintBank: each warning, word for word', () => {
  it('names the defaulted topic and difficulty, and nothing for a defaulted id or pass mark', () => {
    const q = parseQuestion('---\nquestion: Why?\n---\nBecause.\n', { file: 'b/x.md', defaultId: 'x' }).question!;
    expect(q.defaulted).toEqual(['id', 'topic', 'difficulty', 'passMark']);
    expect(lintBank([q])).toEqual([
      { file: 'b/x.md', severity: 'warning', message: `no 'topic' given and the file is at the bank's root, so it defaults to "general"; add e.g. 'topic: training', or move the file into a folder named after its topic` },
      { file: 'b/x.md', severity: 'warning', message: `no 'difficulty' given, so it defaults to "medium"; add e.g. 'difficulty: medium'` },
    ]);
  });

  it('names an empty model answer, a proposed rubric and a deep answer in full', () => {
    expect(messages([make('empty', '')])).toEqual(['the model answer is empty, so answers cannot be graded; write it after the closing --- line']);
    expect(messages([make('imported', 'Words.', 'topic: t\ndifficulty: easy\nrubric: proposed\n')])).toEqual([
      "its rubric is still a proposal (rubric: proposed): review its key terms (mark the 2–4 an interviewer must hear 'core: true', add the plain words people say), then delete the 'rubric:' line",
    ]);
    expect(messages([make('deep', `${'> '.repeat(17)}deep`)])).toEqual([
      'the model answer nests block quotes or lists more than 16 levels deep; it is shown cut to 16 levels: flatten it',
    ]);
    expect(messages([make('fine', `${'> '.repeat(16)}deep`)])).toEqual([]);
  });

  it('names follow-ups that lead nowhere or back to the question, and none that lead to a loaded question', () => {
    const a = make('a', 'An answer.', 'topic: t\ndifficulty: easy\nfollow_ups: [b, a, c]\n');
    const b = make('b', 'An answer.', 'topic: t\ndifficulty: easy\nfollow_ups: [a]\n');
    expect(lintBank([a, b])).toEqual([
      { file: 'a.md', severity: 'warning', message: 'follow_ups lists the question itself ("a"); list other question ids' },
      { file: 'a.md', severity: 'warning', message: `follow_ups names "c", which is not a question id in the loaded banks; check the spelling, or run 'nnquiz list' for the ids` },
    ]);
  });

  it('gives a glued heading no line when the question does not know where its answer starts', () => {
    const { answerLine, ...q } = make('relu', 'Text.\n**Causes**');
    expect(answerLine).toBe(7);
    expect(lintBank([q as Question])).toStrictEqual([
      { file: 'relu.md', severity: 'warning', message: 'the bold heading "**Causes**" stands directly under a line of text, so Markdown runs it into that paragraph; expected a blank line before it' },
    ]);
    expect(lintBank([make('relu', 'One.\n\nTwo.\n**Causes**')])[0]).toMatchObject({ line: 10 });
  });
});

describe('lintBank: rubric size bounds', () => {
  const withTerms = (n: number, extra = '') => make('big', 'An answer.', `topic: t\ndifficulty: easy\nkey_terms:\n${Array.from({ length: n }, (_, i) => `  - term: idea w${i}\n`).join('')}${extra}`);
  const errors = (q: Question) => lintBank([q]).filter((p) => p.severity === 'error');
  const misconception = (i: number) => `  - claim: wrong claim w${i}\n    why: it is wrong\n`;

  it('checks 50 key terms, and reports 51 as one error', () => {
    expect(errors(withTerms(MAX_KEY_TERMS))).toEqual([]);
    expect(lintBank([withTerms(MAX_KEY_TERMS)]).map((p) => p.message)).toContainEqual(expect.stringMatching(/^key term "idea w0" is not heard in the model answer/));
    expect(errors(withTerms(51)).map((p) => p.message)).toEqual([
      '51 key terms and misconceptions; expected at most 50 (2–4 core ideas and a few depth terms), so the rubric was not checked',
    ]);
  });

  it('counts misconceptions with key terms, and not the key terms derived from the answer', () => {
    expect(errors(withTerms(49, `misconceptions:\n${misconception(1)}${misconception(2)}`)).map((p) => p.message)).toEqual([
      '51 key terms and misconceptions; expected at most 50 (2–4 core ideas and a few depth terms), so the rubric was not checked',
    ]);
    expect(errors(withChanges(withTerms(60), { keyTermsDerived: true }))).toEqual([]);
  });

  it('checks 500 terms and aliases, and reports 501 as one error', () => {
    const forms = (aliases: number) => make('big', 'An answer.', `topic: t\ndifficulty: easy\nkey_terms:\n  - term: idea\n    aliases: [${Array.from({ length: aliases }, (_, i) => `alias w${i}`).join(', ')}]\n  - term: other\n`);
    expect(errors(forms(498))).toEqual([]);
    expect(errors(forms(499)).map((p) => p.message)).toEqual(['501 terms and aliases; expected at most 500, so the rubric was not checked']);
  });

  it('counts a misconception and its aliases as forms', () => {
    const q = make('big', 'An answer.', `topic: t\ndifficulty: easy\nkey_terms: [idea]\nmisconceptions:\n  - claim: wrong claim\n    why: it is wrong\n    aliases: [${Array.from({ length: 499 }, (_, i) => `alias w${i}`).join(', ')}]\n`);
    expect(errors(q).map((p) => p.message)).toEqual(['501 terms and aliases; expected at most 500, so the rubric was not checked']);
  });
});

describe('lintBank: key terms most answers hold', () => {
  // q0 lists the term; `holding` of the ten answers say it.
  function bank(holding: number, keyTerms = '[{term: network, core: true}]', extraAnswer = (i: number) => `Answer ${'abcdefghij'[i]}.`) {
    return Array.from({ length: 10 }, (_, i) =>
      make(`q${i}`, i < holding ? `The network learns.` : extraAnswer(i), i === 0 ? `topic: t\ndifficulty: easy\nkey_terms: ${keyTerms}\n` : undefined),
    );
  }
  const generic = (questions: Question[]) => messages(questions).filter((m) => m.includes('answers, so nearly any answer earns it'));

  it('warns above half of the answers, not at half', () => {
    expect(generic(bank(6))).toEqual(['key term "network" appears in 6 of 10 answers, so nearly any answer earns it; choose a term specific to this question']);
    expect(generic(bank(5))).toEqual([]);
  });

  it('finds the term through an alias, and only as whole words', () => {
    expect(generic(bank(6, '[{term: connectionist model, aliases: [network], core: true}]'))).toEqual([
      'key term "connectionist model" appears in 6 of 10 answers, so nearly any answer earns it; choose a term specific to this question',
    ]);
    expect(generic(bank(1, '[{term: network, core: true}]', () => 'Many networks learn.'))).toEqual([]);
  });

  it('counts a phrase only where its words stand together, in that order, and an answer holding two forms once', () => {
    // Every answer holds both words; six hold them as the phrase.
    const apart = (i: number) => `Learning a network, then a neural idea ${'abcdefghij'[i]}.`;
    const together = (i: number) => (i < 6 ? `A neural network learns ${'abcdefghij'[i]}.` : apart(i));
    const phrase = '[{term: neural network, aliases: [network neural], core: true}]';
    expect(generic(bank(0, phrase, together))).toEqual(['key term "neural network" appears in 6 of 10 answers, so nearly any answer earns it; choose a term specific to this question']);
    expect(generic(bank(0, phrase, (i) => (i < 5 ? together(i) : apart(i))))).toEqual([]);
    // Answers holding the term and its alias count once: six of ten.
    const both = (i: number) => (i < 6 ? `A neural network, a network neural ${'abcdefghij'[i]}.` : apart(i));
    expect(generic(bank(0, phrase, both))).toEqual(['key term "neural network" appears in 6 of 10 answers, so nearly any answer earns it; choose a term specific to this question']);
  });

  it('does not count an empty answer as holding a form with no words', () => {
    expect(generic(bank(5, '[{term: network, aliases: ["-"], core: true}]', (i) => (i === 9 ? '' : 'Other.')))).toEqual([]);
  });

  it('checks no derived or proposed key term', () => {
    const derived = bank(10);
    derived[0] = withChanges(derived[0]!, { keyTermsDerived: true });
    expect(generic(derived)).toEqual([]);
    expect(generic(bank(10, '[network]\nrubric: proposed'))).toEqual([]);
  });
});

describe('lintBank: overlapping key terms', () => {
  const q = (keyTerms: string, front = '') => make('q', 'Answer.', `topic: t\ndifficulty: easy\n${front}key_terms: ${keyTerms}\n`);
  const overlaps = (question: Question) => messages([question]).filter((m) => m.startsWith('key terms '));

  it('names two terms sharing a form once, after normalising case and hyphens', () => {
    expect(overlaps(q('[{term: batch normalization, aliases: [Batch-Norm]}, {term: bn layer, aliases: [batch norm]}]'))).toEqual([
      'key terms "batch normalization" and "bn layer" share the form "batch norm", so one answer earns both; merge them or drop the shared alias',
    ]);
  });

  it('names a term standing inside another, whichever comes first', () => {
    expect(overlaps(q('[learning rate, rate]'))).toEqual([
      'key terms "learning rate" and "rate" overlap ("learning rate" and "rate"), so saying one may earn both; make them distinct ideas',
    ]);
    expect(overlaps(q('[rate, learning rate]'))).toEqual([
      'key terms "rate" and "learning rate" overlap ("rate" and "learning rate"), so saying one may earn both; make them distinct ideas',
    ]);
  });

  it('compares every pair once, and no term with itself', () => {
    expect(overlaps(q('[alpha, beta, gamma]'))).toEqual([]);
    expect(overlaps(q('[alpha, beta, alpha beta]'))).toEqual([
      'key terms "alpha" and "alpha beta" overlap ("alpha" and "alpha beta"), so saying one may earn both; make them distinct ideas',
      'key terms "beta" and "alpha beta" overlap ("beta" and "alpha beta"), so saying one may earn both; make them distinct ideas',
    ]);
  });

  it('ignores forms with no words, and terms that are not whole words of another', () => {
    expect(overlaps(q('[{term: alpha, aliases: ["-"]}, {term: beta, aliases: ["?"]}]'))).toEqual([]);
    expect(overlaps(q('[rate, rates and more]'))).toEqual([]);
  });

  it('checks no overlap in derived or proposed key terms', () => {
    expect(overlaps(q('[learning rate, rate]', 'rubric: proposed\n'))).toEqual([]);
    expect(overlaps(withChanges(q('[learning rate, rate]'), { keyTermsDerived: true }))).toEqual([]);
  });
});
