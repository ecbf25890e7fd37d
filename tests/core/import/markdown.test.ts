import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseMarkdownQuestions, tidyAnswer } from '../../../src/core/import/markdown.js';
import { fixture } from '../../helpers.js';

const questions = (text: string) => parseMarkdownQuestions(text).items.map((i) => i.question);
const item = (text: string, question: string) => parseMarkdownQuestions(text).items.find((i) => i.question === question);

describe('parseMarkdownQuestions: a study guide in three shapes', () => {
  const { items } = parseMarkdownQuestions(readFileSync(fixture('import/study-guide.md'), 'utf8'));

  it('finds every question of the numbered list, the question list and the question headings, and nothing of the prose', () => {
    expect(items.map((i) => [i.line, i.question])).toEqual([
      [3, 'What does a neuron in a network compute?'],
      [6, 'Why do we need non-linear activations?'],
      [11, 'What is backpropagation?'],
      [19, 'How does dropout reduce overfitting?'],
      [20, 'Can you walk through backpropagation and why it matters for training?'],
      [21, 'How should the learning rate be chosen?'],
      [22, 'What does batch normalization do during training?'],
      [34, 'What is dropout in a neural network?'],
      [38, 'Explain gradient clipping.'],
    ]);
  });

  it('gives a listed question the answer a later section gives it, and leaves the unanswered empty', () => {
    expect(items.find((i) => i.line === 19)!.answer).toMatch(/^During training it switches off a random subset of units/);
    expect(items.filter((i) => i.answer === '').map((i) => i.line)).toEqual([21, 22]);
  });

  it('makes a one-bullet answer a paragraph followed by its sub-list, and keeps a list of several bullets a list', () => {
    expect(items[1]!.answer).toBe('Without them, stacked layers collapse into one linear map, so depth would add nothing. Common choices:\n\n- ReLU for hidden layers.\n- Sigmoid or softmax at the output.');
    expect(items[7]!.answer).toBe('- **Dropout** zeroes random activations while training.\n- **Why**: it keeps units from co-adapting, which curbs overfitting.');
  });

  it('keeps a code block inside an answer, and stops at a horizontal rule', () => {
    expect(items[8]!.answer).toContain('```python\n  torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)\n  ```');
    expect(items[8]!.answer).not.toContain('Good luck');
  });
});

describe('parseMarkdownQuestions: other shapes', () => {
  it('reads Q:/A: pairs, with answers over several lines', () => {
    const text = 'Q: What is a tensor?\nA: An n-dimensional array.\nIt has a shape and a dtype.\n\nQuestion 2: Why use GPUs?\nAnswer: They run many multiply-adds at once.\n';
    expect(parseMarkdownQuestions(text).items.map((i) => [i.question, i.answer])).toEqual([
      ['What is a tensor?', 'An n-dimensional array.\nIt has a shape and a dtype.'],
      ['Why use GPUs?', 'They run many multiply-adds at once.'],
    ]);
  });

  it('takes the topic from a heading that is not a question, and ignores headings that organise the document', () => {
    const text = '# Interview questions\n\n## Optimization\n\n### What is momentum?\nA running average of gradients.\n\n## Regularization\n\n1. What is weight decay?\n   A penalty on large weights.\n';
    expect(parseMarkdownQuestions(text).items.map((i) => [i.question, i.topic])).toEqual([
      ['What is momentum?', 'Optimization'],
      ['What is weight decay?', 'Regularization'],
    ]);
  });

  it('reads a bold question with its answer on the same line, and a plain numbered question ending in ?', () => {
    const text = '1. **What is an epoch?** One pass over the training set.\n2. What is a batch?\n   The examples used for one update.\n';
    expect(parseMarkdownQuestions(text).items.map((i) => [i.question, i.answer])).toEqual([
      ['What is an epoch?', 'One pass over the training set.'],
      ['What is a batch?', 'The examples used for one update.'],
    ]);
  });

  it('reads bare question lines in a plain-text document', () => {
    const text = 'What is a loss function?\nIt measures how wrong the predictions are.\n\nWhy normalise inputs?\nSo that features share a scale.\n';
    expect(questions(text)).toEqual(['What is a loss function?', 'Why normalise inputs?']);
    expect(item(text, 'Why normalise inputs?')!.answer).toBe('So that features share a scale.');
  });

  it('never reads a numbered step inside an answer, or a line inside a code block, as a question', () => {
    const text = '1. **How do you debug a diverging loss?**\n   1. Lower the learning rate.\n   2. Why not clip? Clip too.\n   ```text\n   3. What is this?\n   ```\n';
    expect(questions(text)).toEqual(['How do you debug a diverging loss?']);
  });

  it('finds nothing in prose without questions', () => {
    expect(parseMarkdownQuestions('Some notes about training.\n\nThey hold no questions, only statements.\n').items).toEqual([]);
  });
});

describe('tidyAnswer', () => {
  it('removes the indentation the lines share and the blank lines around them', () => {
    expect(tidyAnswer(['', '   First line.', '     - nested', ''])).toBe('First line.\n  - nested');
  });
});

// The seed document the project started from lives beside the project on the team's machines; it is
// read by path, never copied. Elsewhere this test is reported as skipped.
const seed = fixture('../../../shared/seed/000_52aa9df503d68a44.txt');
describe.runIf(existsSync(seed))('parseMarkdownQuestions: the seed document (../shared/seed)', () => {
  it('finds all 40 of its question items, 30 with answers and 10 without', () => {
    const { items } = parseMarkdownQuestions(readFileSync(seed, 'utf8'));
    expect(items).toHaveLength(40);
    expect(items.filter((i) => i.answer !== '')).toHaveLength(30);
    expect(items.filter((i) => i.answer === '').map((i) => i.line)).toEqual([67, 68, 69, 70, 71, 72, 73, 74, 75, 76]);
  });
});
