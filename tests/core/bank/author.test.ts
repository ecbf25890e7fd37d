import { describe, expect, it } from 'vitest';
import { freeId, parseTermsSpec, questionIdProblem, renderQuestionFile, slugify, topicProblem } from '../../../src/core/bank/author.js';
import { parseQuestion } from '../../../src/core/bank/question.js';

describe('slugify', () => {
  it.each([
    ['What is the vanishing gradient problem?', 'vanishing-gradient-problem'],
    ['Explain batch normalisation.', 'batch-normalisation'],
    ['How do LSTMs work?', 'lstms-work'],
    ['What is it?', 'what-is-it'],
  ])('%s → %s', (question, id) => expect(slugify(question)).toBe(id));
});

describe('freeId', () => {
  it('keeps a free id, and numbers a taken one from 2 past every taken number', () => {
    const taken = new Set(['dropout', 'dropout-2', 'dropout-3']);
    expect(freeId('adam', (id) => taken.has(id))).toBe('adam');
    expect(freeId('dropout', (id) => taken.has(id))).toBe('dropout-4');
  });
});

describe('parseTermsSpec', () => {
  it('reads commas between terms, | before aliases and * before a core idea', () => {
    expect(parseTermsSpec('*learning rate|LR|step size, warmup ,, * gradually|slowly, *')).toEqual([
      { term: 'learning rate', aliases: ['LR', 'step size'], core: true },
      { term: 'warmup', aliases: [], core: false },
      { term: 'gradually', aliases: ['slowly'], core: true },
    ]);
  });
});

describe('renderQuestionFile', () => {
  it('writes the bank format, which parses back to the same question, whatever the text holds', () => {
    const draft = {
      id: 'tricky',
      question: 'Is "this: a question" # with [brackets], and a colon?',
      topic: 'general',
      tags: ['yes: no', 'on'],
      difficulty: 'hard' as const,
      keyTerms: [{ term: 'null', aliases: ['- dash', '*star'], core: true }, { term: '42', aliases: [], core: false }],
      answer: '**Bold** answer.\n\n---\n\nAfter a rule.',
    };
    const text = renderQuestionFile(draft);
    const { question, problems } = parseQuestion(text, { file: 'tricky.md', defaultId: 'x' });
    expect(problems).toEqual([]);
    expect(question).toMatchObject({
      id: 'tricky',
      question: draft.question,
      topic: 'general',
      tags: ['yes: no', 'on'],
      difficulty: 'hard',
      keyTerms: [
        { term: 'null', aliases: ['- dash', '*star'], weight: 1, core: true },
        { term: '42', aliases: [], weight: 1, core: false },
      ],
      answer: draft.answer,
    });
  });
});

describe('slugify: fallbacks and length', () => {
  it.each([
    ['Why dropout helps?', 'dropout-helps'],
    ['Describe the transformer.', 'transformer'],
    ['Explain the difference: L1 or L2.', 'l1-l2'],
  ])('drops the question word of %s → %s', (question, id) => expect(slugify(question)).toBe(id));

  it('keeps the first five content words by default, or as many as asked', () => {
    expect(slugify('alpha beta gamma delta epsilon zeta eta')).toBe('alpha-beta-gamma-delta-epsilon');
    expect(slugify('alpha beta gamma delta epsilon zeta eta', 2)).toBe('alpha-beta');
    expect(slugify('What is it?', 2)).toBe('what-is');
  });

  it('falls back to "question" when the text has no words at all', () => {
    expect(slugify('?!')).toBe('question');
    expect(slugify('')).toBe('question');
  });
});

describe('freeId: numbering', () => {
  it('suggests -2 for a taken id whose -2 is free, and never a taken id', () => {
    expect(freeId('adam', (id) => id === 'adam')).toBe('adam-2');
    const taken = new Set(['a', 'a-2', 'a-3', 'a-4', 'a-5']);
    const asked: string[] = [];
    expect(freeId('a', (id) => (asked.push(id), taken.has(id)))).toBe('a-6');
    expect(asked).toEqual(['a', 'a-2', 'a-3', 'a-4', 'a-5', 'a-6']);
  });
});

describe('questionIdProblem', () => {
  it.each([
    ['', 'expected an id, found nothing'],
    ['two words', 'expected an id without spaces or slashes'],
    ['tab\there', 'expected an id without spaces or slashes'],
    ['a/b', 'expected an id without spaces or slashes'],
    ['a\\b', 'expected an id without spaces or slashes'],
    ['bell\u0007', 'expected an id without control characters'],
    ['rtl\u202Eid', 'expected an id without control characters'],
    ['.hidden', 'expected an id that does not start with a dot (the bank loader skips hidden files)'],
    ['README', 'expected an id other than README (the bank loader skips README.md)'],
    ['readme', 'expected an id other than README (the bank loader skips README.md)'],
    ['x'.repeat(201), 'expected an id of at most 200 bytes (it names a file)'],
    ['é'.repeat(101), 'expected an id of at most 200 bytes (it names a file)'],
  ])('refuses %j: %s', (id, problem) => expect(questionIdProblem(id)).toBe(problem));

  it.each([['adam'], ['a.b'], ['readme-2'], ['my-readme'], ['x'.repeat(200)], ['é'.repeat(100)], ['ünïcode-id']])('accepts %j', (id) => {
    expect(questionIdProblem(id)).toBeUndefined();
  });
});

describe('topicProblem', () => {
  it.each([
    ['', 'expected one word of letters, digits, - or _'],
    ['two words', 'expected one word of letters, digits, - or _'],
    ['a/b', 'expected one word of letters, digits, - or _'],
    ['.hidden', 'expected one word of letters, digits, - or _'],
    ['ok!', 'expected one word of letters, digits, - or _'],
    ['!ok', 'expected one word of letters, digits, - or _'],
    ['node_modules', 'expected another topic (the bank loader skips node_modules folders)'],
    ['x'.repeat(201), 'expected a topic of at most 200 bytes (it names a folder)'],
  ])('refuses %j: %s', (topic, problem) => expect(topicProblem(topic)).toBe(problem));

  it.each([['training'], ['deep-learning'], ['rl_2'], ['x'], ['x'.repeat(200)], ['node_modules2']])('accepts %j', (topic) => {
    expect(topicProblem(topic)).toBeUndefined();
  });
});

describe('parseTermsSpec: edge cases', () => {
  it('trims every form, drops empty aliases, and reads a lone * or empty spec as no term', () => {
    expect(parseTermsSpec('  a  |  b  ||  c  ')).toEqual([{ term: 'a', aliases: ['b', 'c'], core: false }]);
    expect(parseTermsSpec('')).toEqual([]);
    expect(parseTermsSpec(' * | alias')).toEqual([]);
    expect(parseTermsSpec('*   spaced')).toEqual([{ term: 'spaced', aliases: [], core: true }]);
  });

  it('strips only a leading *, and marks core only from a leading *', () => {
    expect(parseTermsSpec('a*b|*c')).toEqual([{ term: 'a*b', aliases: ['*c'], core: false }]);
    expect(parseTermsSpec('**bold')).toEqual([{ term: '*bold', aliases: [], core: true }]);
  });
});

describe('renderQuestionFile: what it writes and leaves out', () => {
  const base = { id: 'q', question: 'What?', topic: 't', tags: [], difficulty: 'easy' as const, keyTerms: [], answer: 'An answer.' };

  it('writes only the fields that hold something, and ends the answer with one newline', () => {
    expect(renderQuestionFile(base)).toBe('---\nid: q\nquestion: What?\ntopic: t\ndifficulty: easy\n---\nAn answer.\n');
    expect(renderQuestionFile({ ...base, answer: '  \n Trimmed. \n\n' })).toBe('---\nid: q\nquestion: What?\ntopic: t\ndifficulty: easy\n---\nTrimmed.\n');
    expect(renderQuestionFile({ ...base, answer: ' \n ' })).toBe('---\nid: q\nquestion: What?\ntopic: t\ndifficulty: easy\n---\n');
    expect(renderQuestionFile({ ...base, rubricProposed: false, alsoAsked: [] })).not.toMatch(/rubric|also_asked/);
  });

  it('writes tags, a proposed rubric and the other wordings asked, in the bank order', () => {
    expect(renderQuestionFile({ ...base, tags: ['x'], rubricProposed: true, alsoAsked: ['What now?'], keyTerms: [{ term: 'k', aliases: [], core: false }] })).toBe(
      '---\nid: q\nquestion: What?\ntopic: t\ntags:\n  - x\ndifficulty: easy\nrubric: proposed\nalso_asked:\n  - What now?\nkey_terms:\n  - k\n---\nAn answer.\n',
    );
  });

  it('keeps a long question on one line, and writes a list given twice out twice', () => {
    const question = `Why ${'does a very long question '.repeat(6)}stay whole?`;
    const shared = ['same wording'];
    expect(renderQuestionFile({ ...base, question, tags: shared, alsoAsked: shared })).toBe(
      `---\nid: q\nquestion: ${question}\ntopic: t\ntags:\n  - same wording\ndifficulty: easy\nalso_asked:\n  - same wording\n---\nAn answer.\n`,
    );
  });

  it('writes a key term as a bare string unless it has aliases, a weight other than 1, or is core', () => {
    const file = renderQuestionFile({
      ...base,
      keyTerms: [
        { term: 'plain', aliases: [], core: false },
        { term: 'unit', aliases: [], core: false, weight: 1 },
        { term: 'heavy', aliases: [], core: false, weight: 2 },
        { term: 'named', aliases: ['alias'], core: false },
        { term: 'central', aliases: [], core: true },
        { term: 'all', aliases: ['every'], core: true, weight: 3 },
      ],
    });
    expect(file).toContain(
      'key_terms:\n  - plain\n  - unit\n  - term: heavy\n    weight: 2\n  - term: named\n    aliases:\n      - alias\n  - term: central\n    core: true\n  - term: all\n    aliases:\n      - every\n    weight: 3\n    core: true\n---\n',
    );
    const { question } = parseQuestion(file, { file: 'q.md', defaultId: 'q' });
    expect(question?.keyTerms.map((k) => [k.term, k.aliases, k.weight, k.core])).toEqual([
      ['plain', [], 1, false],
      ['unit', [], 1, false],
      ['heavy', [], 2, false],
      ['named', ['alias'], 1, false],
      ['central', [], 1, true],
      ['all', ['every'], 3, true],
    ]);
  });
});
