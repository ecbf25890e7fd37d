import { describe, expect, it } from 'vitest';
import { renderQuestionFile } from '../../../src/core/bank/author.js';
import { parseQuestion } from '../../../src/core/bank/question.js';
import type { ImportedItem } from '../../../src/core/import/item.js';
import { planImport, topicSlug, type ImportSource, type PlanOptions } from '../../../src/core/import/plan.js';
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
  const [q] = plan([item('What is dropout?', answer), item('What is a convolution?', 'A small filter slides over the image and shares its weights across positions.')]).questions;

  it('proposes key terms from the answer, marked as a proposal, that the file keeps and the loader reads back', () => {
    expect(q!.draft.rubricProposed).toBe(true);
    expect(q!.draft.keyTerms.length).toBeGreaterThanOrEqual(4);
    const parsed = parseQuestion(renderQuestionFile(q!.draft), { file: 'bank/general/dropout.md', defaultId: 'dropout' }).question!;
    expect(parsed.rubricProposed).toBe(true);
    expect(parsed.keyTerms.map((k) => [k.term, k.weight])).toEqual(q!.draft.keyTerms.map((k) => [k.term, k.weight ?? 1]));
  });

  it('grades sensibly with the proposal: a plain correct answer passes, the question restated or the terms listed does not', () => {
    const parsed = parseQuestion(renderQuestionFile(q!.draft), { file: 'bank/general/dropout.md', defaultId: 'dropout' }).question!;
    expect(gradeAnswer(parsed, 'During training it randomly switches units off, so the network cannot rely on any single one, which cuts overfitting.').verdict).toBe('correct');
    expect(gradeAnswer(parsed, 'Dropout is dropout.').verdict).not.toBe('correct');
    expect(gradeAnswer(parsed, parsed.keyTerms.map((k) => k.term).join(', ')).verdict).not.toBe('correct');
  });

  it('proposes nothing for a question without an answer', () => {
    const [empty] = plan([item('What is a tensor?', '')]).questions;
    expect(empty!.draft).toMatchObject({ keyTerms: [], answer: '' });
    expect(empty!.draft.rubricProposed).toBeFalsy();
  });
});
