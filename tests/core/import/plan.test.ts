import { describe, expect, it } from 'vitest';
import { renderQuestionFile } from '../../../src/core/bank/author.js';
import { parseQuestion } from '../../../src/core/bank/question.js';
import type { ImportedItem } from '../../../src/core/import/item.js';
import { planImport, questionKey, topicSlug, type ImportSource, type PlanOptions } from '../../../src/core/import/plan.js';
import { gradeAnswer } from '../../../src/core/grading/grade.js';

const item = (question: string, answer = 'An answer about weights and gradients.', extra: Partial<ImportedItem> = {}): ImportedItem => ({ question, answer, tags: [], line: 1, ...extra });
const source = (items: ImportedItem[], format: ImportSource['format'] = 'csv'): ImportSource => ({ file: 'in.csv', format, items: items.map((i, n) => ({ ...i, line: i.line === 1 ? n + 2 : i.line })), problems: [] });
const plan = (items: ImportedItem[], options: Partial<PlanOptions> = {}) => planImport([source(items)], { idHolder: () => undefined, existing: [], ...options });

describe('planImport: ids', () => {
  it('makes ids of the subject words, leaving out the words that frame a question', () => {
    const ids = plan([
      item('Can you explain the concept of dropout in neural networks and its role in preventing overfitting?'),
      item('What is the role of the learning rate in training neural networks?'),
      item('Explain the difference between epoch, batch, and iteration.'),
    ]).questions.map((q) => q.draft.id);
    expect(ids).toEqual(['dropout', 'learning-rate', 'epoch-batch-iteration']);
  });

  it('gives a taken id a number and says which id was wanted; uses an id column when it reads as an id', () => {
    const result = plan([item('What is dropout?'), item('What is a GUID?', 'x y z', { id: 'Ks}x/8[Xq^' }), item('Why?', 'Because.', { id: 'my-own-id' })], { idHolder: (id) => (id === 'dropout' ? 'bank/dropout.md' : undefined) });
    expect(result.questions.map((q) => [q.draft.id, q.wantedId])).toEqual([
      ['dropout-2', 'dropout'],
      ['guid', undefined],
      ['my-own-id', undefined],
    ]);
  });
});

describe('planImport: what is skipped, grouped and merged', () => {
  it('skips a question the banks already hold, or the import holds earlier, whatever its case and punctuation', () => {
    const result = plan([item('What is Dropout ?'), item('what is dropout'), item('What is momentum?')], { existing: [{ question: 'What is momentum?', answer: 'A.', file: 'bank/momentum.md' }] });
    expect(result.questions.map((q) => q.draft.question)).toEqual(['What is Dropout ?']);
    expect(result.skipped.map((s) => [s.question, s.sameAs])).toEqual([
      ['what is dropout', 'in.csv:2'],
      ['What is momentum?', 'bank/momentum.md'],
    ]);
  });

  it('reports near-duplicates without merging them, and merges each group into its first question when asked', () => {
    const items = [
      item('What is backpropagation?', 'The chain rule applied backwards.', { tags: ['training'] }),
      item('What is a convolution?'),
      item('Can you explain the concept of backpropagation and its importance in training?', 'It gives the gradient of every weight.', { tags: ['gradients'] }),
    ];
    const reported = plan(items);
    expect(reported.questions).toHaveLength(3);
    expect(reported.nearDuplicates.map((g) => [g.merged, g.questions.map((q) => q.line)])).toEqual([[false, [2, 4]]]);

    const merged = plan(items, { mergeDuplicates: true });
    expect(merged.questions.map((q) => q.draft.id)).toEqual(['backpropagation', 'convolution']);
    expect(merged.questions[0]!.draft.answer).toBe('The chain rule applied backwards.\n\nIt gives the gradient of every weight.');
    expect(merged.questions[0]!.draft.tags).toEqual(['training', 'gradients']);
    expect(merged.questions[0]!.merged).toEqual([{ file: 'in.csv', line: 4 }]);
    expect(merged.nearDuplicates[0]!.questions.map((q) => q.id)).toEqual(['backpropagation', 'backpropagation']);
  });
});

describe('planImport: topics, tags, difficulty and text', () => {
  it.each([
    ['Optimization', 'optimization'],
    ['Deep Learning › CNNs', 'deep-learning-cnns'],
    ['../../outside', 'outside'],
    ['node_modules', 'node-modules'],
    ['…', 'general'],
  ])('makes the topic %j the folder %j, inside the bank', (topic, folder) => {
    expect(topicSlug(topic)).toBe(folder);
  });

  it('lets --topic and --difficulty override the file, and checks a difficulty column', () => {
    const items = [item('What is a kernel?', 'x', { topic: 'CNN', difficulty: 'Hard' }), item('What is a stride?', 'y', { difficulty: 'brutal' })];
    expect(plan(items).questions.map((q) => [q.draft.topic, q.draft.difficulty])).toEqual([['cnn', 'hard'], ['general', 'medium']]);
    expect(plan(items).problems).toEqual([{ file: 'in.csv', line: 3, message: 'difficulty "brutal" is not easy, medium or hard; medium was used' }]);
    expect(plan(items, { topic: 'vision', difficulty: 'easy' }).questions.map((q) => [q.draft.topic, q.draft.difficulty])).toEqual([['vision', 'easy'], ['vision', 'easy']]);
  });

  it('strips terminal control sequences from every string, and puts the question on one line', () => {
    const [q] = plan([item('What is\n\u001b[31mred\u001b[0m?', 'Text \u001b]52;c;aGk=\u0007here.', { tags: ['a\u001b[2Jb'], topic: 't\u0007x' })]).questions;
    expect(q!.draft).toMatchObject({ question: 'What is red?', answer: 'Text here.', tags: ['ab'], topic: 'tx' });
  });
});

describe('planImport: proposed rubrics', () => {
  const answer = 'Dropout randomly zeroes units during training, so no unit can rely on a partner; this reduces overfitting. At test time every unit is kept.';
  // Planned in each test, not once for the block: a mutation run then knows which tests reach which code.
  const proposed = () => plan([item('What is dropout?', answer), item('What is a convolution?', 'A small filter slides over the image and shares its weights across positions.')]).questions[0]!;

  it('proposes key terms from the answer, marked as a proposal, that the file keeps and the loader reads back', () => {
    const q = proposed();
    expect(q!.draft.rubricProposed).toBe(true);
    expect(q!.draft.keyTerms.length).toBeGreaterThanOrEqual(4);
    const parsed = parseQuestion(renderQuestionFile(q!.draft), { file: 'bank/general/dropout.md', defaultId: 'dropout' }).question!;
    expect(parsed.rubricProposed).toBe(true);
    expect(parsed.keyTerms.map((k) => [k.term, k.weight])).toEqual(q!.draft.keyTerms.map((k) => [k.term, k.weight ?? 1]));
  });

  it('grades sensibly with the proposal: a plain correct answer passes, the question restated or the terms listed does not', () => {
    const q = proposed();
    const parsed = parseQuestion(renderQuestionFile(q!.draft), { file: 'bank/general/dropout.md', defaultId: 'dropout' }).question!;
    expect(gradeAnswer(parsed, 'During training it randomly switches units off, so the network cannot rely on any single one, which cuts overfitting.').verdict).toBe('correct');
    expect(gradeAnswer(parsed, 'Dropout is dropout.').verdict).not.toBe('correct');
    expect(gradeAnswer(parsed, parsed.keyTerms.map((k) => k.term).join(', ')).verdict).not.toBe('correct');
  });

  it('proposes nothing for a question without an answer', () => {
    const [empty] = plan([item('What is a tensor?', '')]).questions;
    expect(empty!.draft).toMatchObject({ keyTerms: [], answer: '' });
    expect(empty!.draft).not.toHaveProperty('rubricProposed');
  });

  it('marks no proposal when an answer gives no key term', () => {
    const [q] = plan([item('Is it?', 'It is.')]).questions;
    expect(q!.draft).toMatchObject({ keyTerms: [], rubricProposed: false });
  });

  it('leaves out a term the answer only states negated', () => {
    const [q] = plan([item('What is batch norm?', 'Batch normalisation does not use dropout; it rescales activations per batch so training stays stable.')]).questions;
    const terms = q!.draft.keyTerms.map((k) => k.term);
    expect(terms).toContain('activations');
    expect(terms).not.toContain('dropout');
    expect(q!.draft.keyTerms.every((k) => k.core === false)).toBe(true);
  });

  it('weighs terms by the answers of the banks it joins: a word they all use weighs less', () => {
    const answer = 'Momentum keeps a running average of gradients so updates keep moving through flat regions.';
    const weight = (existing: PlanOptions['existing']) => plan([item('What is momentum?', answer)], { existing }).questions[0]!.draft.keyTerms.find((k) => k.term === 'gradients')!.weight;
    const existing = Array.from({ length: 6 }, (_, i) => ({ question: `Q${i}?`, answer: `Gradients and running averages of gradients ${i}`, file: `bank/q${i}.md` }));
    expect(weight([])).toBe(1);
    expect(weight(existing)).toBeLessThan(1);
  });
});

describe('planImport: ids, at the edges', () => {
  it('numbers the second of two imported questions that want the same id', () => {
    const result = plan([item('What is dropout?'), item('Dropout: when is it applied?')]);
    expect(result.questions.map((q) => [q.draft.id, q.wantedId])).toEqual([
      ['dropout', undefined],
      ['dropout-2', 'dropout'],
    ]);
  });

  it.each([
    ['What is L1 regularization, and when is it used (briefly)?', 'l1-regularization'],
    ['Explain ReLU: why it works', 'relu'],
    ['What is dropout; is it still used?', 'dropout'],
    ['What is batch norm and how does it help?', 'batch-norm'],
    ['What is weight decay in preventing overfitting?', 'weight-decay'],
    ['What are regularizers like dropout?', 'regularizers'],
    ['What are the key differences between batch normalization, layer normalization, group normalization and instance normalization?', 'differences-batch-normalization-layer'],
    ['Can you explain it?', 'it'],
    ['What is the question?', 'question'],
    ['Question: what is dropout?', 'question-dropout'],
    ['Can you explain?', 'can-you-explain'],
  ])('makes %j the id %j', (question, id) => {
    expect(plan([item(question)]).questions[0]!.draft.id).toBe(id);
  });

  it.each(['concept', 'role', 'significance', 'importance', 'common', 'key', 'main', 'neural', 'network', 'networks', 'training', 'work', 'works', 'help', 'helps', 'briefly', 'define', 'discuss', 'tell', 'give', 'mean', 'meant', 'definition'])(
    'leaves the framing word %j out of an id',
    (word) => {
      expect(plan([item(`What is the ${word} dropout?`)]).questions[0]!.draft.id).toBe('dropout');
    },
  );

  it.each([
    ['Can explain?', 'can-explain'],
    ['You explain?', 'you-explain'],
    ['Some explain?', 'some-explain'],
    ['Used explain?', 'used-explain'],
    ['Use explain?', 'use-explain'],
    ['Describe explain?', 'describe-explain'],
    ['Explain you?', 'explain-you'],
  ])('makes a question of framing words alone, %j, an id of all its words: %j', (question, id) => {
    expect(plan([item(question)]).questions[0]!.draft.id).toBe(id);
  });

  it.each([
    ['-starts-with-dash', 'kernel'],
    ['.hidden', 'kernel'],
    ['readme', 'kernel'],
    ['has space', 'kernel'],
    ['', 'kernel'],
    ['Abc.1_x-y', 'Abc.1_x-y'],
    ['kernel!', 'kernel'],
    ['k\u0007ernel-id', 'kernel-id'],
  ])('uses the id column %j only when it reads as an id: %j', (given, id) => {
    expect(plan([item('What is a kernel?', 'x', { id: given })]).questions[0]!.draft.id).toBe(id);
  });
});

describe('planImport: what is skipped and reported, at the edges', () => {
  it('skips a question an earlier import merged into a bank question, and names that file', () => {
    const result = plan([item('Explain the dropout technique.')], { existing: [{ question: 'What is dropout?', answer: 'A.', file: 'bank/dropout.md', alsoAsked: ['Explain the dropout technique'] }] });
    expect(result.questions).toEqual([]);
    expect(result.skipped).toEqual([{ origin: { file: 'in.csv', line: 2 }, question: 'Explain the dropout technique.', sameAs: 'bank/dropout.md' }]);
  });

  it('reports a question with no text, or only control characters and spaces, and plans nothing for it', () => {
    const result = plan([item(' \u001b[2J \n '), item('What is a stride?')]);
    expect(result.questions.map((q) => q.draft.question)).toEqual(['What is a stride?']);
    expect(result.problems).toEqual([{ file: 'in.csv', line: 2, message: 'a question with no text; skipped' }]);
  });

  it('passes on the problems of each file, cleaned and naming the file', () => {
    const sources: ImportSource[] = [
      { file: 'a.md', format: 'markdown', items: [], problems: [{ line: 3, message: 'bad \u001b[31mrow\u001b[0m' }] },
      { file: 'b.csv', format: 'csv', items: [], problems: [{ message: 'no header' }] },
    ];
    expect(planImport(sources, { idHolder: () => undefined, existing: [] }).problems).toEqual([
      { file: 'a.md', line: 3, message: 'bad row' },
      { file: 'b.csv', message: 'no header' },
    ]);
  });

  it('keeps a question of exactly 1000 characters whole, and cuts a longer one to 1000 with an ellipsis', () => {
    const exact = `What ${'x'.repeat(994)}?`;
    const long = `Why ${'y'.repeat(1000)}?`;
    const [a, b] = plan([item(exact), item(long)]).questions;
    expect(a!.draft.question).toBe(exact);
    expect(b!.draft.question).toBe(`Why ${'y'.repeat(995)}…`);
    expect(b!.draft.question).toHaveLength(1000);
  });
});

describe('questionKey', () => {
  it.each([
    ['What is DROPOUT?', 'what is dropout'],
    ['  (What,  is -- dropout?) ', 'what is dropout'],
    ['What is L1 vs. L2?', 'what is l1 vs l2'],
    ['Qu’est-ce que Straße?', 'qu est ce que straße'],
  ])('reads %j as %j', (question, key) => {
    expect(questionKey(question)).toBe(key);
  });
});

describe('planImport: cleaning', () => {
  it('collapses every run of spaces in a question, and trims the answer', () => {
    const [q] = plan([item('What  is\n\n a   kernel? ', '  A small filter.\n\n')]).questions;
    expect([q!.draft.question, q!.draft.answer]).toEqual(['What is a kernel?', 'A small filter.']);
  });
});

describe('planImport: merging near-duplicates, at the edges', () => {
  const merged = (first: Partial<ImportedItem>, second: Partial<ImportedItem>) =>
    plan(
      [
        item('What is backpropagation?', 'The chain rule applied backwards.', first),
        item('Can you explain the concept of backpropagation and its importance in training?', 'It gives the gradient of every weight.', second),
      ],
      { mergeDuplicates: true },
    ).questions;

  it('gives the first question the answer of the one merged into it when it has none, and keeps a repeated answer once', () => {
    expect(merged({ answer: '' }, {}).map((q) => q.draft.answer)).toEqual(['It gives the gradient of every weight.']);
    expect(merged({ answer: 'It gives the gradient of every weight, via the chain rule.' }, { answer: 'It gives the gradient of every weight' })[0]!.draft.answer).toBe('It gives the gradient of every weight, via the chain rule.');
    expect(merged({}, { answer: '' })[0]!.draft.answer).toBe('The chain rule applied backwards.');
  });

  it('keeps the merged wordings as also asked, joins the tags once each and at most ten, leaving out the topic', () => {
    const [q] = merged({ tags: ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'], topic: 'Calculus' }, { tags: ['b', 'calculus', 'i', 'j', 'k', 'l'] });
    expect(q!.draft.tags).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j']);
    expect(q!.draft.alsoAsked).toEqual(['Can you explain the concept of backpropagation and its importance in training?']);
  });

  it('reports the group as merged, with the kept id for every member', () => {
    const result = plan([item('What is backpropagation?'), item('Can you explain the concept of backpropagation and its importance in training?')], { mergeDuplicates: true });
    expect(result.nearDuplicates).toEqual([
      {
        merged: true,
        questions: [
          { file: 'in.csv', line: 2, question: 'What is backpropagation?', id: 'backpropagation' },
          { file: 'in.csv', line: 3, question: 'Can you explain the concept of backpropagation and its importance in training?', id: 'backpropagation' },
        ],
      },
    ]);
  });
});

describe('planImport: topics, tags and difficulty, at the edges', () => {
  it.each([
    ['Réseaux Neuronaux', 'reseaux-neuronaux'],
    ['--a--b--', 'a-b'],
    [`${'x'.repeat(59)}-yz`, 'x'.repeat(59)],
    ['z'.repeat(70), 'z'.repeat(60)],
    [' ', 'general'],
  ])('makes the topic %j the folder %j', (topic, folder) => {
    expect(topicSlug(topic)).toBe(folder);
  });

  it('makes tags lower-case slugs, once each, at most ten, without the topic or an empty one', () => {
    const tags = ['Kernel', 'CNN Basics', '--Edge--', 'cnn basics', '!!', 'Deep, Learning', 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
    expect(plan([item('What is a kernel?', 'x', { tags, topic: 'Kernel' })]).questions[0]!.draft.tags).toEqual(['cnn-basics', 'edge', 'deep-learning', 'a', 'b', 'c', 'd', 'e', 'f', 'g']);
  });

  it.each([
    [' EASY ', 'easy'],
    ['ha\u0007rd', 'hard'],
    ['Medium', 'medium'],
    ['', 'medium'],
    ['   ', 'medium'],
  ])('reads the difficulty %j as %s without a problem', (difficulty, read) => {
    const result = plan([item('What is a kernel?', 'x', { difficulty })]);
    expect(result.questions[0]!.draft.difficulty).toBe(read);
    expect(result.problems).toEqual([]);
  });

  it('quotes at most 40 characters of a difficulty it cannot read', () => {
    expect(plan([item('What is a kernel?', 'x', { difficulty: `${'x'.repeat(40)}yyy` })]).problems[0]!.message).toBe(`difficulty "${'x'.repeat(40)}" is not easy, medium or hard; medium was used`);
  });
});
