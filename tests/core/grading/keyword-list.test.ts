import { describe, expect, it } from 'vitest';
import { asksForList, isClaimWord, isKeywordList } from '../../../src/core/grading/keyword-list.js';

// Every word that makes a statement of a list of terms (verbs of being and doing, connectives):
// one of them anywhere in an answer means it says something about its terms.
const CLAIM_WORDS = [
  'is', 'are', 'was', 'were', 'be', 'been', 'being', 'has', 'have', 'had', 'does', 'do', 'did', 'can', 'could', 'will', 'would', 'should', 'may', 'might', 'must',
  'because', 'so', 'since', 'which', 'that', 'when', 'if', 'then', 'by', 'to', 'into', 'than', 'where', 'while', 'whereas', 'but', 'not', 'no', 'never', 'without',
  'means', 'makes', 'lets', 'keeps', 'uses', 'gives', 'helps', 'stops', 'causes', 'reduces', 'increases', 'learns', 'turns', 'becomes', 'gets',
  'use', 'add', 'apply', 'keep', 'make', 'let', 'help', 'stop', 'avoid', 'prevent', 'reduce', 'increase', 'train', 'learn', 'compute', 'shrink', 'grow',
  'vanish', 'explode', 'remove', 'drop', 'scale', 'clip', 'normalize', 'normalise', 'stays', 'remain', 'remains', 'via', 'for', 'from', 'with', 'of', 'per',
];
// Function words: not a claim in a comma list, but a string of terms with one of them is a sentence.
const FUNCTION_WORDS = ['a', 'an', 'the', 'in', 'on', 'at', 'it', 'its', 'they', 'this', 'as', 'like', 'each', 'every', 'all', 'more', 'less', 'too', 'very', 'and', 'or'];

describe('isClaimWord', () => {
  it.each([...CLAIM_WORDS, ...FUNCTION_WORDS])('reads "%s" as a word that makes a claim, never a term', (word) => {
    expect(isClaimWord(word)).toBe(true);
  });

  it.each(['dropout', 'gradient', 'pruning', 'isn', 'uses2', 'ands'])('reads "%s" as a possible term', (word) => {
    expect(isClaimWord(word)).toBe(false);
  });
});

describe('isKeywordList: comma lists', () => {
  it.each([
    'Pruning, quantization, distillation, INT8.',
    'pruning\nquantization\ndistillation\nINT8',
    '• pruning • quantization • distillation • INT8',
    'pruning · quantization · distillation · INT8',
    'pruning | quantization | distillation | INT8',
    'pruning and quantization and distillation and INT8',
    'pruning or quantization or distillation or INT8',
    'Pruning AND quantization OR distillation AND int8',
    'pruning, quantization, knowledge distillation, low rank factorization',
    'pruning 2:4, quantization, distillation, INT8',
    'pruning 16:32, quantization, distillation, INT8',
    'pruning 2:4, quantization 1:2, distillation, INT8',
    'pruning, quantization, distillation, 2:4',
    'pruning,, quantization, distillation, , INT8',
  ])('reads a list of four or more short items as a bare list: %s', (text) => {
    expect(isKeywordList(text)).toBe(true);
  });

  it.each([
    'pruning, quantization, distillation',
    'pruning,, quantization, -, distillation',
    'pruning, quantization, ., distillation',
    'sandwich, candor, grandma',
  ])('needs four items with words in them: %s', (text) => {
    expect(isKeywordList(text)).toBe(false);
  });

  it.each(CLAIM_WORDS)('reads a list with "%s" in it as a statement', (word) => {
    const list = `pruning, quantization, distillation, ${word} sparsity`;
    expect(isKeywordList(list)).toBe(false);
    // The same list without the word is a bare list: the word alone made the difference.
    expect(isKeywordList('pruning, quantization, distillation, sparsity')).toBe(true);
  });

  it.each(FUNCTION_WORDS.filter((w) => w !== 'and' && w !== 'or'))('still reads a comma list with "%s" in an item as a list', (word) => {
    expect(isKeywordList(`pruning, quantization, ${word} distillation, sparsity`)).toBe(true);
  });

  it.each(['->', '→', '=>', '=', '<', '>', ':', '≈', '(', '+', '*'])('reads the relation sign "%s" as a claim', (sign) => {
    expect(isKeywordList(`pruning ${sign} sparsity, quantization, distillation, INT8`)).toBe(false);
  });

  it('counts an item of up to four words as short, and needs four of every five items short', () => {
    // `the` keeps them from reading as a string of terms, which has no rule on item sizes.
    expect(isKeywordList('pruning, quantization, distillation, the low rank factorization')).toBe(true);
    expect(isKeywordList('pruning, quantization, distillation, the low rank matrix factorization')).toBe(false);
    expect(isKeywordList('pruning, quantization, distillation, sparsity, the low rank matrix factorization')).toBe(true);
  });

  it('allows at most three and a half words per item on average', () => {
    // 14 words in 4 items: 3.5 each.
    expect(isKeywordList('a beta gamma delta, an zeta eta theta, the kappa lambda, mu nu xi')).toBe(true);
    // 15 words in 4 items.
    expect(isKeywordList('a beta gamma delta, an zeta eta theta, the kappa lambda omicron, mu nu xi')).toBe(false);
  });
});

describe('isKeywordList: strings of terms', () => {
  it('reads seven or more words with no function word as a bare list', () => {
    expect(isKeywordList('Pruning quantization distillation INT8 sparsity teacher student')).toBe(true);
    expect(isKeywordList('Clipping normalization LSTM NaN chain-rule')).toBe(false);
    expect(isKeywordList('Pruning quantization distillation INT8 sparsity teacher')).toBe(false);
  });

  it.each([...CLAIM_WORDS, ...FUNCTION_WORDS])('reads a string of terms with "%s" in it as a sentence', (word) => {
    expect(isKeywordList(`pruning quantization distillation ${word} sparsity teacher student`)).toBe(false);
  });

  it.each([
    'He init, also called Kaiming, suits ReLU',
    'He init suits ReLU. Xavier suits tanh.',
    'Kaiming init suits ReLU nets; Xavier suits tanh',
    'He init suits ReLU! Xavier suits tanh?',
  ])('reads two or three terse phrases as statements, whatever their verbs: %s', (text) => {
    expect(isKeywordList(text)).toBe(false);
  });

  it.each([
    'Clipping initialization normalization LSTM learning-rate NaN exploding chain-rule.',
    'Pruning quantization distillation INT8 sparsity teacher student 0.5',
    'Pruning quantization, distillation INT8, sparsity teacher, student, FP16',
  ])('still reads one run of terms, or four phrases of them, as a bare list: %s', (text) => {
    expect(isKeywordList(text)).toBe(true);
  });

  it.each(['->', '=', '<', ':', '+', '*'])('reads a string of terms with the relation sign "%s" as notes', (sign) => {
    expect(isKeywordList(`pruning quantization distillation ${sign} sparsity teacher student`)).toBe(false);
  });
});

describe('asksForList', () => {
  it.each([
    'List the main regularizers.',
    'Name three optimizers.',
    'Give an example of a GAN.',
    'What examples of data augmentation do you know?',
    'What is one application of autoencoders?',
    'What applications do transformers have?',
    'What are some ways to fight overfitting?',
    'Give some tricks for training GANs.',
    'LIST them',
  ])('hears a question that asks for a list: %s', (question) => {
    expect(asksForList(question)).toBe(true);
  });

  it.each(['What is dropout?', 'Why does a network listen to its inputs?', 'What is a renamed layer?', 'Give one reason.', 'What are the downsides?', 'What are sometimes used?', 'Counterexamples exist.'])(
    'does not take an ordinary question for one: %s',
    (question) => {
      expect(asksForList(question)).toBe(false);
    },
  );
});
