import { describe, expect, it } from 'vitest';
import { readBank } from '../../src/core/bank/read.js';
import { parseQuestion, type Question } from '../../src/core/bank/question.js';
import { searchQuestions } from '../../src/core/search.js';
import { bundledBank, inMutationRun, onFirstUse } from '../helpers.js';

const bundled = onFirstUse(() => readBank([bundledBank]).questions);
const topIds = (query: string, limit = 3) => searchQuestions(bundled(), query, limit).map((hit) => hit.question.id);

function make(id: string, question: string, answer: string, terms = ''): Question {
  const result = parseQuestion(`---\nid: ${id}\nquestion: ${question}\n${terms}---\n${answer}\n`, { file: `${id}.md`, defaultId: id });
  if (!result.question) throw new Error(JSON.stringify(result.problems));
  return result.question;
}

describe('searchQuestions on the bundled bank', () => {
  it.each([
    ['dropout', 'dropout'],
    ['dropuot', 'dropout'],
    ['vanishing gradient', 'vanishing-gradient'],
    ['vanishing gradeint', 'vanishing-gradient'],
    ['exploding gradients', 'exploding-gradient'],
    ['learnig rate', 'learning-rate'],
    ['transformer', 'transformer-architecture'],
    ['lstm gates', 'lstm-gates'],
    ['mode collapse', 'gan-training-problems'],
    ['backpropogation', 'backpropagation'],
    ['overfiting', 'overfitting'],
  ])('%s finds %s among the top three', (query, id) => {
    expect(topIds(query)).toContain(id);
  });

  it('puts the exact question first for a distinctive query', () => {
    expect(topIds('dropout', 1)).toEqual(['dropout']);
    expect(topIds('softmax', 1)).toEqual(['softmax']);
  });

  it('respects the limit and returns scores in [0, 1), best first', () => {
    const hits = searchQuestions(bundled(), 'gradient', 5);
    expect(hits).toHaveLength(5);
    for (const hit of hits) expect(hit.score).toBeGreaterThan(0);
    for (const hit of hits) expect(hit.score).toBeLessThan(1);
  });

  it('finds nothing for an empty query or words the bank does not hold', () => {
    expect(searchQuestions(bundled(), '   ')).toEqual([]);
    expect(searchQuestions(bundled(), 'zzqxv')).toEqual([]);
  });
});

describe('searchQuestions ranking', () => {
  const questions = [
    make('rnn', 'What is an RNN?', 'A recurrent network keeps a hidden state.'),
    make('cnn', 'What is a CNN?', 'A convolutional network shares filters.'),
    make('both', 'How does a learning rate schedule work?', 'The learning rate decays over time.'),
    make('one', 'What is a learning curve?', 'Loss against epochs.'),
    make('answer-only', 'What is weight decay?', 'An L2 penalty, also called ridge; it shrinks weights.'),
  ];

  it('matches short words exactly, so rnn never finds cnn', () => {
    expect(searchQuestions(questions, 'rnn').map((h) => h.question.id)).toEqual(['rnn']);
  });

  it('ranks a question holding every query word above one holding some', () => {
    expect(searchQuestions(questions, 'learning rate').map((h) => h.question.id)).toEqual(['both', 'one']);
  });

  it('reports the matched words and fields for highlighting', () => {
    const [hit] = searchQuestions(questions, 'ridge');
    expect(hit?.question.id).toBe('answer-only');
    expect(hit?.words).toEqual(['ridge']);
    expect(hit?.fields).toEqual(['answer']);
  });

  it('matches word forms by stem and by prefix', () => {
    expect(searchQuestions(questions, 'decaying').map((h) => h.question.id)).toContain('both');
    expect(searchQuestions(questions, 'convol').map((h) => h.question.id)).toEqual(['cnn']);
  });
});

describe('searchQuestions within a filter', () => {
  it.skipIf(inMutationRun).each(['gradient', 'dropuot', 'learning rate', 'attention heads'])('gives %s the scores of the whole bank, only for the questions kept', (query) => {
    const everywhere = new Map(searchQuestions(bundled(), query, bundled().length).map((hit) => [hit.question.id, hit.score]));
    const topic = bundled().find((q) => q.id === searchQuestions(bundled(), query, 1)[0]?.question.id)!.topic;
    const kept = bundled().filter((q) => q.topic === topic);
    const within = searchQuestions(bundled(), query, bundled().length, kept);
    expect(within.length).toBeGreaterThan(0);
    for (const hit of within) {
      expect(hit.question.topic).toBe(topic);
      expect(hit.score, hit.question.id).toBe(everywhere.get(hit.question.id));
    }
    expect(within.map((h) => h.question.id)).toEqual([...everywhere.keys()].filter((id) => kept.some((q) => q.id === id)));
  });

  it('applies the limit after the filter', () => {
    const kept = bundled().filter((q) => q.topic === 'training');
    const hits = searchQuestions(bundled(), 'gradient', 2, kept);
    expect(hits).toHaveLength(2);
    expect(hits.every((h) => h.question.topic === 'training')).toBe(true);
  });

  it('returns nothing when the filter keeps no question that matches', () => {
    expect(searchQuestions(bundled(), 'dropout', 10, [])).toEqual([]);
  });
});

describe('searchQuestions looks for phrases only where they could change the results', () => {
  it.each(['learning rate', 'attention heads', 'batch norm', 'vanishing gradient', 'weight decay regularization', 'kv cache'])('ranks the top hits of "%s" as a search for every hit does', (query) => {
    const every = searchQuestions(bundled(), query, bundled().length);
    for (const limit of [1, 3, 10]) expect(searchQuestions(bundled(), query, limit)).toEqual(every.slice(0, limit));
  });
});

describe('searchQuestions scoring, on small banks', () => {
  const ids = (questions: Question[], query: string, limit = 10) => searchQuestions(questions, query, limit).map((h) => h.question.id);
  const scoreOf = (questions: Question[], query: string, id: string) => searchQuestions(questions, query, questions.length).find((h) => h.question.id === id)?.score;
  const filler = (n: number) => Array.from({ length: n }, (_, i) => make(`filler-${i}`, `Filler question ${i}?`, 'Nothing to see.'));

  it.each([
    ['adjacent', 'How does the learning rate matter?', true],
    ['one word apart', 'How does learning a rate matter?', true],
    ['two words apart', 'How does learning of a rate matter?', false],
    ['in the other order', 'How does the rate of learning matter?', false],
  ])('gives the phrase bonus to query words %s: %s', (_, text, bonus) => {
    const bank = [make('phrase', text, 'Plain.'), make('apart', 'How does learning matter, and the rate?', 'Plain.'), ...filler(3)];
    const phrase = scoreOf(bank, 'learning rate', 'phrase')!;
    const apart = scoreOf(bank, 'learning rate', 'apart')!;
    if (bonus) expect(phrase).toBeGreaterThan(apart + 0.05);
    else expect(Math.abs(phrase - apart)).toBeLessThan(0.05);
  });

  it('lets the phrase bonus lift a hit above one that held the words more strongly apart', () => {
    const bank = [make('apart', 'Learning and what rate?', 'Plain.'), make('phrase', 'Which learning rate here?', 'Plain.'), ...filler(3)];
    const raw = (id: string) => scoreOf(bank, 'learning', id)!;
    expect(raw('apart')).toBeGreaterThan(raw('phrase'));
    expect(ids(bank, 'learning rate')).toEqual(['phrase', 'apart']);
  });

  it('finds a phrase among the key terms and their aliases too', () => {
    const bank = [make('terms', 'What helps here?', 'Plain.', 'key_terms:\n  - term: warm up\n    aliases: [learning rate warmup]\n'), make('none', 'What helps here?', 'Learning, and the rate.'), ...filler(3)];
    expect(ids(bank, 'learning rate', 1)).toEqual(['terms']);
  });

  it('ranks a word rare in the bank above a common one', () => {
    const bank = [make('rare', 'What is zeta?', 'Zeta.'), ...Array.from({ length: 6 }, (_, i) => make(`common-${i}`, `What is gamma ${i}?`, 'Gamma.'))];
    const hits = searchQuestions(bank, 'zeta gamma', 10);
    expect(hits[0]!.question.id).toBe('rare');
    expect(hits[0]!.score).toBeGreaterThan(hits[1]!.score);
  });

  it('ranks the shorter of two answers holding a word once above the longer', () => {
    const bank = [make('long', 'One?', `Dropout. ${'More words here. '.repeat(30)}`), make('short', 'Two?', 'Dropout.'), ...filler(3)];
    expect(ids(bank, 'dropout')).toEqual(['short', 'long']);
  });

  it('puts the question whose id is the query above one that says the same', () => {
    // The same words, in ids of the same length: only the id's being the query tells them apart.
    const bank = [make('batch-norm', 'What is batch norm?', 'Plain.'), make('norm-batch', 'What is batch norm?', 'Plain.'), ...filler(3)];
    expect(ids(bank, 'norm batch')).toEqual(['norm-batch', 'batch-norm']);
    expect(ids(bank, 'batch norm')).toEqual(['batch-norm', 'norm-batch']);
  });

  it.each([
    ['dropout', 'dropout', 1],
    ['dropouts', 'dropout', 0.85],
    ['normal', 'normalization', 0.8],
  ])('matches %s to %s as closely as the kind of match says (%d)', (query, word, _closeness) => {
    const bank = [make('q', `What is ${word}?`, 'Plain.'), ...filler(3)];
    expect(searchQuestions(bank, query, 1)[0]?.words).toEqual([word]);
  });

  it('ranks an exact word above its stem, a stem above a longer word it begins, and a typo below both', () => {
    // Named against the order expected, so that a tie would show.
    const bank = [make('d-exact', 'What is normal?', 'Plain.'), make('c-stem', 'What is normals?', 'Plain.'), make('b-prefix', 'What is normality?', 'Plain.'), make('a-typo', 'What is normel?', 'Plain.'), ...filler(3)];
    expect(ids(bank, 'normal')).toEqual(['d-exact', 'c-stem', 'b-prefix', 'a-typo']);
  });

  it.each([
    ['nor', 'normalization', false, 'a word of three letters begins nothing'],
    ['norm', 'normalization', true, 'a word of four letters begins a longer one'],
    ['rnn', 'cnn', false, 'short words allow no typo'],
    ['drpout', 'dropout', true, 'a word of six letters allows one letter out'],
    ['drpuot', 'dropout', false, 'but not two'],
    ['regulrizaton', 'regularization', true, 'a word of seven letters or more allows two'],
    ['atention', 'attention', true, 'a missing double letter'],
    ['xropout', 'dropout', false, 'a typo keeps the first letter'],
    ['dropoutsss', 'dropout', false, 'nor three letters too many'],
  ])('matches %s to %s: %s (%s)', (query, word, found) => {
    const bank = [make('q', `What is ${word}?`, 'Plain.'), ...filler(3)];
    expect(ids(bank, query)).toEqual(found ? ['q'] : []);
  });

  it('counts a word once in key terms, tags, topic and id however often it stands there, but every time in the question and the answer', () => {
    const terms = (aliases: string) => `key_terms:\n  - term: dropout\n    aliases: [${aliases}]\n`;
    // Aliases of the same length, so that only how often the word stands differs.
    const once = [make('b-once', 'What is it?', 'Plain.', terms('zeroing units, zeroing layer')), make('a-thrice', 'What is it?', 'Plain.', terms('dropout units, dropout layer')), ...filler(3)];
    expect(scoreOf(once, 'dropout', 'a-thrice')).toBe(scoreOf(once, 'dropout', 'b-once'));
    const answers = [make('b-once', 'What is it?', 'Dropout zeroes units.'), make('a-thrice', 'What is it?', 'Dropout, dropout, dropout.'), ...filler(3)];
    expect(scoreOf(answers, 'dropout', 'a-thrice')).toBeGreaterThan(scoreOf(answers, 'dropout', 'b-once')!);
  });

  it.each([
    ['tokan', 'token', true, 'five letters allow one letter wrong'],
    ['gite', 'gate', false, 'four letters allow none'],
    ['sofrmix', 'softmax', true, 'seven letters allow two wrong'],
    ['tansar', 'tensor', false, 'six letters do not'],
    ['dropouts', 'dropout', true, 'a letter more'],
    ['dropou', 'dropout', true, 'a letter less'],
  ])('forgives %s for %s: %s (%s)', (query, word, found) => {
    const bank = [make('q', `What is a ${word}?`, 'Plain.'), ...filler(3)];
    expect(ids(bank, query)).toEqual(found ? ['q'] : []);
  });

  // Scores as the formula gives them today (BM25 per field, the share of query words held): a
  // change to the formula must change these on purpose. Every query word held outranks a higher score.
  it('pins the scores of a small bank, so that any change to the ranking formula shows', () => {
    const bank = [
      make('dropout', 'What is dropout?', 'Dropout zeroes random units while training; at test time every unit is kept.'),
      make('weight-decay', 'What is weight decay?', 'A penalty on large weights; like dropout, it regularises.'),
      make('batch-norm', 'What does batch normalization do?', 'It normalises activations per batch, which also regularises a little.'),
      ...filler(3),
    ];
    expect(searchQuestions(bank, 'dropout regularises', 10).map((h) => [h.question.id, h.score])).toEqual([
      ['weight-decay', 0.082],
      ['dropout', 0.257],
      ['batch-norm', 0.019],
    ]);
  });

  it('finds nothing in an empty bank or for a query of no words', () => {
    expect(searchQuestions([], 'dropout')).toEqual([]);
    expect(searchQuestions([make('q', 'What is dropout?', 'Plain.')], ' ?! ')).toEqual([]);
  });

  it('scores a question that holds every query word higher than one holding half, each below 1', () => {
    const bank = [make('both', 'What are alpha and beta?', 'Plain.'), make('one', 'What is alpha?', 'Plain.'), ...filler(3)];
    const [both, one] = searchQuestions(bank, 'alpha beta', 10);
    expect(both!.question.id).toBe('both');
    expect(one!.score).toBeLessThanOrEqual(0.5);
    expect(both!.score).toBeGreaterThan(0.5);
    expect(both!.score).toBeLessThan(1);
  });
});
