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

describe('findNearDuplicates: what a question is about', () => {
  // Each of these frames a question: two questions of nothing else name no subject, so they are never grouped.
  const framing = [
    'explain', 'describe', 'concept', 'role', 'significance', 'importance', 'important', 'common', 'key', 'difference', 'differences',
    'use', 'used', 'using', 'work', 'works', 'help', 'helps', 'improve', 'improving', 'address', 'addressed', 'prevent', 'prevented',
    'preventing', 'affect', 'impact', 'tell', 'define', 'discuss', 'give', 'example', 'examples', 'way', 'ways', 'mean', 'means',
    'meant', 'solve', 'solved', 'deal', 'main', 'different', 'context', 'case', 'cases', 'process', 'purpose', 'definition',
    'advantage', 'advantages', 'application', 'applications', 'task', 'tasks', 'model', 'models', 'machine', 'learning', 'deep',
    'neural', 'network', 'networks', 'nn', 'nns', 'training', 'train', 'trained', 'problem', 'problems', 'technique', 'techniques',
    'method', 'methods', 'approach', 'approaches', 'why', 'how', 'when', 'who', 'could', 'would',
    'should', 'are', 'walk', 'matter', 'matters', 'data', 'handle', 'handles', 'type', 'types', 'kind', 'kinds',
  ];
  it.each(framing)('reads %j as framing, not as what a question asks about', (word) => {
    expect(findNearDuplicates([`${word}?`, `${word}?`, 'What is a convolution?'])).toEqual([]);
  });

  it.each([
    ['stopwords', 'What is the?'],
    ['single letters', 'What is x?'],
    ['numbers', 'What is 42?'],
  ])('never groups questions whose only words are framing words and %s', (_, question) => {
    expect(findNearDuplicates([question, question])).toEqual([]);
  });

  it.each(['What is 3d?', 'What is b3?', 'What is ab?'])('groups two copies of %j: a word of letters and digits, or of two letters, is a subject', (question) => {
    expect(findNearDuplicates([question, question])).toEqual([[0, 1]]);
  });

  // Words after a turn to a purpose or examples weigh half: "dropout <turn> overfitting variance" is still about dropout.
  it.each([
    ['like', 'overfitting variance'],
    ['such as', 'overfitting variance'],
    ['e.g.', 'overfitting variance'],
    ['for example', 'overfitting variance'],
    ['in preventing', 'overfitting variance'],
    ['to improve', 'overfitting variance'],
    ['prevents', 'overfitting variance'],
    ['improving', 'overfitting variance'],
    ['affecting', 'overfitting variance'],
    ['helps', 'overfitting variance'],
    ['including', 'overfitting'],
    ['reducing', 'overfitting'],
    ['avoiding', 'overfitting'],
    ['mitigating', 'overfitting'],
    ['stabilising', 'overfitting'],
    ['stabilizing', 'overfitting'],
    ['and its role', 'overfitting variance'],
    ['and their importance', 'overfitting variance'],
    ['and its use', 'overfitting variance'],
    ['and its uses', 'overfitting variance'],
    ['and its application', 'overfitting variance'],
    ['and its applications', 'overfitting variance'],
    ['and its advantage', 'overfitting variance'],
    ['and its advantages', 'overfitting variance'],
    ['and how', 'overfitting variance'],
    ['and why', 'overfitting variance'],
    ['and what', 'overfitting variance'],
    ['and when', 'overfitting variance'],
  ])('reads the words after %j as an aside: the question is still a duplicate of its subject alone', (turn, after) => {
    expect(findNearDuplicates(['What is dropout?', `What is dropout ${turn} ${after}?`])).toEqual([[0, 1]]);
  });

  it.each([
    ['versus', 'overfitting variance'],
    ['unlike', 'overfitting'],
    ['likeness', 'overfitting'],
    ['and its', 'overfitting variance'],
  ])('reads the words after %j at full weight: the question asks about more than its subject', (word, after) => {
    expect(findNearDuplicates(['What is dropout?', `What is dropout ${word} ${after}?`])).toEqual([]);
  });

  it('weighs a word by its place before the turn when it also comes after it', () => {
    expect(findNearDuplicates(['What is dropout?', 'What is dropout overfitting variance, like overfitting variance?'])).toEqual([]);
  });
});

describe('findNearDuplicates: thresholds', () => {
  it('groups questions whose shared share is exactly the threshold', () => {
    expect(findNearDuplicates(['What is dropout?', 'Dropout?'], 1)).toEqual([[0, 1]]);
  });

  it('weighs a word many questions share less than a rare one', () => {
    const questions = ['What is weight decay?', 'What is momentum decay?', 'What is exponential decay?', 'What is step decay?', 'What is cosine decay?'];
    // "decay" is a third of each question's weight at most, so not even half of one is shared.
    expect(findNearDuplicates(questions, 0.5)).toEqual([]);
  });

  it('groups every question of a chain, in order', () => {
    const questions = ['What is dropout?', 'What is a convolution?', 'Explain dropout.', 'Dropout?'];
    expect(findNearDuplicates(questions)).toEqual([[0, 2, 3]]);
  });

  it('links questions through a word 200 share, but not through one 201 share', () => {
    expect(findNearDuplicates(Array.from({ length: 200 }, () => 'What is dropout?'))).toEqual([Array.from({ length: 200 }, (_, i) => i)]);
    expect(findNearDuplicates(Array.from({ length: 201 }, () => 'What is dropout?'))).toEqual([]);
  });

  it('finds nothing among no questions or one', () => {
    expect(findNearDuplicates([])).toEqual([]);
    expect(findNearDuplicates(['What is dropout?'])).toEqual([]);
  });
});
