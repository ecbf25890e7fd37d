import { describe, expect, it } from 'vitest';
import { findNearDuplicates } from '../../../src/core/import/duplicates.js';
import { readBank } from '../../../src/core/bank/read.js';
import { bundledBank } from '../../helpers.js';

const texts = (groups: number[][], questions: string[]) => groups.map((g) => g.map((i) => questions[i]));

describe('findNearDuplicates', () => {
  it.each([
    ['What is dropout in neural networks? Why is it used?', 'Can you explain the concept of dropout in neural networks and its role in preventing overfitting?'],
    ['What is backpropagation?', 'Can you explain the concept of backpropagation and its importance in training neural networks?'],
    ['What is the role of the learning rate in training neural networks?', 'What is the significance of the learning rate in neural network training, and how does it affect convergence?'],
    ['What is overfitting, and how can it be prevented?', 'Can you explain the concept of overfitting and underfitting and how to address them?'],
  ])('groups two wordings of one question: %s', (a, b) => {
    const questions = [a, 'What is a convolution?', b, 'How does attention weigh tokens?'];
    expect(texts(findNearDuplicates(questions), questions)).toEqual([[a, b]]);
  });

  it.each([
    ['How does dropout reduce overfitting?', 'What is overfitting?'],
    ['Explain the architecture of a neural network.', 'How does the choice of architecture affect accuracy in image classification tasks?'],
    ['What is the vanishing gradient problem?', 'What is the exploding gradient problem?'],
    ['What is gradient descent?', 'What is the vanishing gradient problem?'],
    ['What is a neural network?', 'What are the advantages and disadvantages of neural networks?'],
  ])('keeps apart questions that share words but ask different things: %s', (a, b) => {
    expect(findNearDuplicates([a, b, 'What is a convolution?', 'How does attention weigh tokens?'])).toEqual([]);
  });

  it('finds none of the clusters the bank review named among the bundled questions, and few pairs at all', () => {
    const questions = readBank([bundledBank]).questions;
    const grouped = findNearDuplicates(questions.map((q) => q.question)).flatMap((g) => g.map((i) => questions[i]!.id));
    expect(grouped.length).toBeLessThanOrEqual(6);
    for (const id of ['gradient-descent', 'gradient-descent-variants', 'learning-rate', 'vanishing-gradient', 'exploding-gradient', 'backpropagation-through-time', 'neural-network', 'network-architecture', 'overfitting', 'bias-variance-tradeoff', 'adam-optimizer']) {
      expect(grouped).not.toContain(id);
    }
  });
});
