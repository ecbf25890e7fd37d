import { describe, expect, it } from 'vitest';
import { parseQuestion, type ParseResult } from '../../../src/core/bank/question.js';

const context = { file: 'bank/training/example.md', defaultId: 'example', defaultTopic: 'training' };
const parse = (text: string) => parseQuestion(text, context);
const problem = (result: ParseResult) => {
  expect(result.question).toBeUndefined();
  expect(result.problems).toHaveLength(1);
  return result.problems[0]!;
};

describe('parseQuestion', () => {
  it('reads every field of the format', () => {
    const result = parse(`---
id: vanishing-gradient
question: What is the vanishing gradient problem?
topic: training
tags: [gradients, activations]
difficulty: hard
key_terms:
  - gradient
  - term: ReLU
    aliases: [rectified linear unit]
    weight: 2
    core: true
  - term: He init
    required: true
misconceptions:
  - claim: sigmoid fixes it
    aliases: [sigmoid ... prevents vanishing]
    why: Its derivative is at most 0.25.
pass_mark: 0.7
follow_ups: [exploding-gradient]
source: a future key
---
Gradients **shrink** layer by layer.
`);
    expect(result.problems).toEqual([]);
    expect(result.question).toEqual({
      id: 'vanishing-gradient',
      question: 'What is the vanishing gradient problem?',
      topic: 'training',
      tags: ['gradients', 'activations'],
      difficulty: 'hard',
      keyTerms: [
        { term: 'gradient', aliases: [], weight: 1, core: false },
        { term: 'ReLU', aliases: ['rectified linear unit'], weight: 2, core: true },
        { term: 'He init', aliases: [], weight: 1, core: true },
      ],
      misconceptions: [{ claim: 'sigmoid fixes it', aliases: ['sigmoid ... prevents vanishing'], why: 'Its derivative is at most 0.25.' }],
      keyTermsDerived: false,
      rubricProposed: false,
      passMark: 0.7,
      followUps: ['exploding-gradient'],
      formerIds: [],
      answer: 'Gradients **shrink** layer by layer.',
      answerLine: 23,
      file: 'bank/training/example.md',
      defaulted: [],
      extra: { source: 'a future key' },
    });
  });

  it('fills defaults: id from the file name, topic from the folder, medium difficulty, pass mark 0.6', () => {
    const { question } = parse('---\nquestion: Why?\n---\nBecause.\n');
    expect(question).toMatchObject({ id: 'example', topic: 'training', difficulty: 'medium', passMark: 0.6, tags: [], keyTerms: [], followUps: [] });
    // The folder gives the topic as the README documents, so it is no default to warn about.
    expect(question?.defaulted).toEqual(['id', 'difficulty', 'passMark']);
  });

  it("uses 'general' as the topic of a file at the bank's root, and counts it as a default", () => {
    const { question } = parseQuestion('---\nquestion: Why?\n---\nBecause.', { file: 'x.md', defaultId: 'x' });
    expect(question?.topic).toBe('general');
    expect(question?.defaulted).toContain('topic');
  });

  it("reads 'rubric: proposed' as key terms nobody has reviewed, and anything else as not", () => {
    expect(parse('---\nquestion: Q?\nrubric: proposed\nkey_terms: [dropout]\n---\nAnswer.').question?.rubricProposed).toBe(true);
    expect(parse('---\nquestion: Q?\nkey_terms: [dropout]\n---\nAnswer.').question?.rubricProposed).toBe(false);
  });

  it('loads a question whose model answer is empty (an imported list may not answer it), with the answer empty', () => {
    const result = parse('---\nquestion: What is dropout?\n---\n  \n');
    expect(result.problems).toEqual([]);
    expect(result.question?.answer).toBe('');
  });

  it('knows the line of the file where the model answer starts', () => {
    expect(parse('---\nquestion: Why?\n---\nBecause.\n').question?.answerLine).toBe(4);
    expect(parse('\uFEFF---\r\nquestion: Why?\r\n---\r\n\r\n\r\n  Because.\r\n').question?.answerLine).toBe(6);
  });

  it('accepts a byte-order mark and CRLF line endings', () => {
    const { question } = parse('\uFEFF---\r\nquestion: Why?\r\n---\r\nLine one.\r\nLine two.\r\n');
    expect(question?.question).toBe('Why?');
    expect(question?.answer).toBe('Line one.\nLine two.');
  });

  it.each([
    ['an empty file', '', /the file is empty/],
    ['no front matter', '# Title\n\ntext', /no front matter; expected the file to start with a '---' line/],
    ['unclosed front matter', '---\nquestion: Why?\n', /never closed/],
    ['a missing question', '---\ntopic: x\n---\nAnswer.', /'question' is missing; expected a non-empty string/],
    ['a numeric question', '---\nquestion: 42\n---\nAnswer.', /'question' must be a non-empty string.*found number 42/],
    ['tags as a string', '---\nquestion: Q?\ntags: "x"\n---\nAnswer.', /'tags' must be a list of strings.*found "x"/],
    ['key_terms as a mapping', '---\nquestion: Q?\nkey_terms: {}\n---\nAnswer.', /'key_terms' must be a list.*found a mapping/],
    ['a key term without term', '---\nquestion: Q?\nkey_terms: [{aliases: [x]}]\n---\nAnswer.', /key_terms item 1 needs 'term:'/],
    ['a negative weight', '---\nquestion: Q?\nkey_terms: [{term: x, weight: -1}]\n---\nAnswer.', /'weight' must be a positive number/],
    ['core as a string', '---\nquestion: Q?\nkey_terms: [{term: x, core: "yes"}]\n---\nAnswer.', /'core' must be true or false; found "yes"/],
    ['misconceptions as a string', '---\nquestion: Q?\nmisconceptions: wrong\n---\nAnswer.', /'misconceptions' must be a list/],
    ['a misconception without why', '---\nquestion: Q?\nmisconceptions: [{claim: x}]\n---\nAnswer.', /misconceptions item 1 needs 'claim:' and 'why:'/],
    ['an unknown difficulty', '---\nquestion: Q?\ndifficulty: brutal\n---\nAnswer.', /'difficulty' must be easy, medium or hard; found "brutal"/],
    ['a pass mark above 1', '---\nquestion: Q?\npass_mark: 1.5\n---\nAnswer.', /'pass_mark' must be a number above 0 and at most 1/],
    ['a pass mark of 0', '---\nquestion: Q?\npass_mark: 0\n---\nAnswer.', /'pass_mark' must be a number above 0/],
    ['an id with spaces', '---\nid: two words\nquestion: Q?\n---\nAnswer.', /'id' must not contain spaces/],
    ['a rubric that is not a proposal', '---\nquestion: Q?\nrubric: final\n---\nAnswer.', /'rubric' may only be 'proposed'/],
    ['a list as front matter', '---\n- a\n- b\n---\nAnswer.', /must be a YAML mapping/],
    ['duplicate keys', '---\nquestion: A?\nquestion: B?\n---\nAnswer.', /invalid YAML front matter: duplicated mapping key/],
  ])('reports %s as one problem', (_name, text, message) => {
    const found = problem(parse(text));
    expect(found.severity).toBe('error');
    expect(found.file).toBe('bank/training/example.md');
    expect(found.message).toMatch(message);
  });

  it('reads empty front matter, or front matter of comments only, as no keys: the question is missing', () => {
    for (const frontMatter of ['', '# a comment\n', '~\n']) {
      expect(problem(parse(`---\n${frontMatter}---\nAnswer.`)).message).toMatch(/'question' is missing/);
    }
  });

  it("ends the front matter at a line of '---' alone, not at a longer line that starts with it", () => {
    // A line '---- x' inside the YAML is a YAML error on its line, not the start of the answer.
    const found = problem(parse('---\nquestion: Q?\n---- x\n---\nAnswer.'));
    expect(found.message).toMatch(/invalid YAML front matter/);
    // js-yaml notices at the end of the text (line 4, where the closing line stands), not on the '---- x' line itself.
    expect(found.line).toBe(4);
    // Spaces after the closing '---' are part of its line.
    expect(parse('---\nquestion: Q?\n---  \nAnswer.').question).toMatchObject({ answer: 'Answer.', answerLine: 4 });
    // A file that ends on the closing line has an empty answer.
    expect(parse('---\nquestion: Q?\n---').question).toMatchObject({ answer: '', answerLine: 3 });
  });

  it('gives the line of the field that is wrong', () => {
    expect(problem(parse('---\nquestion: Q?\ntopic: t\ntags: 7\n---\nAnswer.')).line).toBe(4);
  });

  it('gives the line where the YAML parser failed', () => {
    expect(problem(parse('---\nquestion: Q?\nfoo: : bar\n---\nAnswer.')).line).toBe(3);
  });

  it.each(['js', 'javascript', ' JS', 'coffee', 'JavaScript'])('rejects ---%s front matter without running it', (language) => {
    const marker = `nnquiz-test-${Math.random()}`;
    const text = `---${language}\n{ question: (globalThis[${JSON.stringify(marker)}] = 'ran', 'Q?') }\n---\nAnswer.`;
    expect(problem(parse(text)).message).toMatch(/is not allowed and was not run; expected YAML/);
    expect((globalThis as Record<string, unknown>)[marker]).toBeUndefined();
  });

  it('refuses a YAML alias bomb instead of expanding it', () => {
    const levels = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (const name of 'bcdefgh') {
      const previous = String.fromCharCode(name.charCodeAt(0) - 1);
      levels.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(',')}]`);
    }
    const found = problem(parse(`---\nquestion: Q?\n${levels.join('\n')}\n---\nAnswer.`));
    expect(found.message).toMatch(/'d' holds more than 1000 values or is nested too deeply/);
  });

  it('strips terminal control sequences from every string', () => {
    const { question } = parse(
      '---\nquestion: "Clear \\e[2J now \\e]52;c;aGk=\\a"\ntags: ["\\e[31mred"]\nkey_terms: [{term: "a\\e[1Ab", aliases: ["\\u202Eevil"]}]\n---\nBody \u001b[2Jtext\u009b and \u2066isolate\u2069.',
    );
    expect(question?.question).toBe('Clear  now');
    expect(question?.tags).toEqual(['red']);
    expect(question?.keyTerms[0]).toMatchObject({ term: 'ab', aliases: ['evil'] });
    expect(question?.answer).toBe('Body text and isolate.');
  });

  it('keeps unknown keys without failing', () => {
    expect(parse('---\nquestion: Q?\nauthor: me\n---\nA.').question?.extra).toEqual({ author: 'me' });
  });

  it('drops duplicate tags and empty aliases', () => {
    const { question } = parse('---\nquestion: Q?\ntags: [a, a, b]\nkey_terms: [{term: x, aliases: ["", y, y]}]\n---\nA.');
    expect(question?.tags).toEqual(['a', 'b']);
    expect(question?.keyTerms[0]?.aliases).toEqual(['y']);
  });
});

describe('parseQuestion: unknown keys', () => {
  it('keeps a key named __proto__ as a key, without touching any prototype', () => {
    const result = parseQuestion('---\nquestion: Q?\n__proto__: {polluted: true}\nsource: x\n---\nAnswer.\n', { file: 'f.md', defaultId: 'f' });
    expect(Object.keys(result.question!.extra)).toEqual(['__proto__', 'source']);
    expect(Object.getPrototypeOf(result.question!.extra)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
