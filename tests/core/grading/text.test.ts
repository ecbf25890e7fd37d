import { describe, expect, it } from 'vitest';
import type { KeyTerm } from '../../../src/core/bank/question.js';
import { gradeAnswer } from '../../../src/core/grading/index.js';
import { expandAbbreviation, readUnits } from '../../../src/core/grading/text.js';

const term = (name: string): KeyTerm => ({ term: name, aliases: [], weight: 1, core: false });
const words = (text: string) => readUnits(text).map((u) => u.word);
/** The words a negation binds. */
const negatedWords = (text: string) => readUnits(text).filter((u) => u.negated).map((u) => u.word);
const clauses = (text: string) => readUnits(text).map((u) => u.clause);

const ABBREVIATIONS: Array<[string, string]> = Object.entries({
  val: 'validation', grads: 'gradients', params: 'parameters', prob: 'probability', probs: 'probabilities', init: 'initialization', dim: 'dimension', dims: 'dimensions',
  seq: 'sequence', seqs: 'sequences', reg: 'regularization', optim: 'optimizer', acc: 'accuracy', approx: 'approximately', info: 'information', feat: 'feature',
  feats: 'features', diff: 'difference', w: 'weight', ws: 'weights', b: 'bias', hp: 'hyperparameter', hps: 'hyperparameters', nn: 'network', nns: 'networks',
  pos: 'position', emb: 'embedding', embs: 'embeddings', repr: 'representation', fn: 'function', func: 'function', attn: 'attention', act: 'activation',
  acts: 'activations', neg: 'negative', ckpt: 'checkpoint', perf: 'performance', aug: 'augmentation', arch: 'architecture', dist: 'distribution',
  eval: 'evaluation', mem: 'memory', conv: 'convolution', convs: 'convolutions', enc: 'encoder', dec: 'decoder', lin: 'linear', nonlin: 'nonlinearity',
  calc: 'calculation', est: 'estimate', obj: 'objective', img: 'image', imgs: 'images', vec: 'vector', vecs: 'vectors', mat: 'matrix', freq: 'frequency',
  freqs: 'frequencies', len: 'length', std: 'deviation', var: 'variance', bc: 'because', max: 'maximum', min: 'minimum', conn: 'connection',
  conns: 'connections', usu: 'usually', derivs: 'derivatives', deriv: 'derivative', pred: 'prediction', preds: 'predictions', err: 'error', errs: 'errors',
});

describe('abbreviations', () => {
  it.each(ABBREVIATIONS)('reads "%s" as "%s"', (abbreviation, full) => {
    expect(expandAbbreviation(abbreviation)).toBe(full);
    // Heard word by word for a derived term, as another form of the word.
    const derived = gradeAnswer({ keyTerms: [term(full)], passMark: 0.6, keyTermsDerived: true }, `the ${abbreviation} here`);
    expect(derived.matched[0]).toMatchObject({ text: abbreviation, how: 'stem' });
    // Heard for an authored term, unless the lexicon already reads the abbreviation as a family.
    expect(gradeAnswer({ keyTerms: [term(full)], passMark: 0.6 }, `the ${abbreviation} here`).matched).toHaveLength(1);
  });

  it('expands no ordinary word', () => {
    expect(expandAbbreviation('dropout')).toBeUndefined();
    expect(readUnits('dropout')[0]).not.toHaveProperty('expanded');
  });

  it('keeps the expansion apart from the word', () => {
    expect(readUnits('val loss')[0]).toMatchObject({ word: 'val', expanded: { word: 'validation' } });
  });
});

describe('readUnits: symbols and notes read as words', () => {
  it.each([
    ['∇', 'gradient'], ['∂', 'derivative'], ['∑', 'sum'], ['√', 'sqrt'], ['α', 'alpha'], ['β', 'beta'], ['γ', 'gamma'], ['δ', 'delta'], ['ε', 'epsilon'],
    ['η', 'eta'], ['θ', 'theta'], ['λ', 'lambda'], ['μ', 'mu'], ['σ', 'sigma'], ['τ', 'tau'], ['φ', 'phi'], ['ϕ', 'phi'], ['Σ', 'sigma'],
  ])('reads "%s" as "%s"', (symbol, word) => {
    expect(words(`x ${symbol} y`)).toEqual(['x', word, 'y']);
    expect(readUnits(`x ${symbol} y`)[1]).toMatchObject({ start: 2, end: 3 });
  });

  it.each([
    ['a < 1', 'less'], ['a <= 1', 'less'], ['a ≤ 1', 'less'], ['a > 1', 'more'], ['a >= 1', 'more'], ['a ≥ 1', 'more'], ['a<1', 'less'],
  ])('reads the comparison in "%s" as "%s"', (text, word) => {
    expect(words(text)[1]).toBe(word);
  });

  it.each(['a -> b', 'a => b', 'a =< b', 'a-<b'])('reads no comparison in the arrow of "%s"', (text) => {
    expect(words(text)).not.toContain('more');
    expect(words(text)).not.toContain('less');
  });

  it.each([
    ['grads -> 0', 'vanish'], ['grads->0', 'vanish'], ['grads → zero', 'vanish'], ['grads -> inf', 'explode'], ['grads -> infinity', 'explode'], ['grads→inf', 'explode'], ['grads → ∞', 'explode'], ['grads->∞', 'explode'], ['grads -> INF', 'explode'], ['grads -> ZERO', 'vanish'],
  ])('reads the arrow of "%s" as "%s"', (text, word) => {
    expect(words(text)).toEqual(['grads', word]);
  });

  it.each(['x -> 0.5', 'x -> 05', 'x -> 10', 'x -> information'])('reads no vanishing or explosion in "%s"', (text) => {
    expect(words(text)).not.toContain('vanish');
    expect(words(text)).not.toContain('explode');
  });

  it('reads w/ as with, w/o as without, and w.p. as with probability', () => {
    expect(words('w/ bn')).toEqual(['with', 'bn']);
    expect(words('W/ bn')).toEqual(['with', 'bn']);
    expect(readUnits('W/O dropout')).toEqual([expect.objectContaining({ word: 'dropout', negated: true, start: 0 })]);
    expect(words('zero W.P. p')).toEqual(['zero', 'with', 'probability', 'p']);
    expect(readUnits('w/o dropout')).toEqual([expect.objectContaining({ word: 'dropout', negated: true, start: 0 })]);
    expect(words('w/x')).toEqual(['w', 'x']);
    expect(words('zero w.p. p')).toEqual(['zero', 'with', 'probability', 'p']);
    expect(readUnits('w.p. p').slice(0, 2).map((u) => [u.start, u.end])).toEqual([
      [0, 2],
      [2, 4],
    ]);
  });

  it('reads a lone 0 as zero, but not the 0 of a decimal', () => {
    expect(words('x < 0')).toEqual(['x', 'less zero']);
    expect(words('a, 0')).toEqual(['a', 'zero']);
    expect(words('x 0.')).toEqual(['x', 'zero']);
    expect(words('0.25')).toEqual(['0', '25']);
    expect(words('0,5')).toEqual(['0', '5']);
    expect(words('1.0')).not.toContain('zero');
    expect(words('1,0')).not.toContain('zero');
    expect(words('10')).toEqual(['10']);
  });

  it('reads non- as part of the word it joins', () => {
    expect(words('non-linear')).toEqual(['nonlinear']);
    expect(words('non linear')).toEqual(['nonlinear']);
    expect(words('Non-Linear')).toEqual(['nonlinear']);
    expect(readUnits('a non-linear map')[1]).toMatchObject({ start: 2, end: 12 });
    expect(words('non, linear')).not.toContain('nonlinear');
    expect(words('non  linear')).not.toContain('nonlinear');
  });

  it.each(['big', 'small', 'large', 'high', 'low', 'simple', 'complex', 'slow', 'fast', 'much', 'many', 'few', 'little', 'late', 'early', 'deep', 'shallow', 'strong', 'weak', 'long', 'short'])(
    'reads "to %s" as the slip of "too"',
    (word) => {
      expect(words(`to ${word}`).join(' ')).toMatch(/^too\b/);
    },
  );

  it.each(['train', 'the', 'zero', 'it'])('keeps "to %s" as written', (word) => {
    expect(words(`to ${word}`)[0]).toBe('to');
  });
});

describe('readUnits: clauses', () => {
  it.each(['but', 'however', 'whereas', 'while', 'whilst', 'although', 'though', 'yet'])('starts a clause at "%s"', (word) => {
    expect(clauses(`alpha ${word} beta`)).toEqual([0, 1, 1]);
  });

  it.each(['and', 'so', 'because', 'then'])('goes on across "%s"', (word) => {
    expect(clauses(`alpha ${word} beta`)).toEqual([0, 0, 0]);
  });

  it.each([
    ['alpha; beta', [0, 1]],
    ['alpha! beta', [0, 1]],
    ['alpha? beta', [0, 1]],
    ['alpha\nbeta', [0, 1]],
    ['alpha. beta', [0, 1]],
    ['alpha.\tbeta', [0, 1]],
    ['alpha.beta', [0, 0]],
    ['alpha 0.25 beta', [0, 0, 0, 0]],
    ['alpha, beta', [0, 0]],
    ['alpha: beta', [0, 0]],
    ['e.g. beta', [0, 0, 0]],
    ['alpha i.e. beta. Gamma', [0, 0, 0, 0, 1]],
    ['alpha xy. beta', [0, 0, 1]],
  ])('numbers the clauses of "%s"', (text, expected) => {
    expect(clauses(text)).toEqual(expected);
  });

  it('keeps a lexicon phrase within one clause and free of punctuation', () => {
    expect(readUnits('very small')).toEqual([expect.objectContaining({ key: '~less', word: 'very small', surface: 'veri small', family: true, start: 0, end: 10 })]);
    expect(readUnits('very, small').map((u) => u.word)).toEqual(['very', 'small']);
    expect(readUnits('very. Small').map((u) => u.word)).toEqual(['very', 'small']);
    expect(readUnits('very; small').map((u) => u.word)).toEqual(['very', 'small']);
  });
});

describe('readUnits: words with un- and non-', () => {
  it.each([
    ['unlabelled', 'un~labeled'],
    ['nonzero', 'unzero'],
    ['nonstop', 'unstop'],
    ['undo', 'undo'],
    ['until', 'until'],
    ['unit', '~neuron'],
  ])('keys "%s" as "%s"', (word, key) => {
    expect(readUnits(word)[0]!.key).toBe(key);
  });

  it('hears unlabelled data as data with no labels', () => {
    expect(gradeAnswer({ keyTerms: [term('unlabelled data')], passMark: 0.6 }, 'data with no labels').matched).toHaveLength(1);
    expect(gradeAnswer({ keyTerms: [term('labelled data')], passMark: 0.6 }, 'unlabelled data').matched).toEqual([]);
  });
});

describe('readUnits: negations', () => {
  it.each([
    ['not dropout', ['dropout']],
    ['not the dropout', ['dropout']],
    ['not use dropout', ['dropout']],
    ['never really needs dropout', ['dropout']],
    ['not automatically calibrated', ['calibrated']],
    ['not of the a dropout', ['dropout']],
    ['not of the a an dropout', []],
    ['not, dropout', []],
    ['not: dropout', []],
    ['not (dropout)', []],
    ['not randomly zeroed', ['randomly']],
    ['not really dropout', ['dropout']],
    ['not. Dropout', []],
    ['not no dropout', ['dropout']],
    ["momentum doesn't help.", ['help']],
    ['no use', ['use']],
    ['neither dropout nor bn', ['dropout', 'bn']],
    ['not dropout but bn', ['dropout']],
    ['not', []],
  ])('in "%s" negates %j', (text, expected) => {
    expect(negatedWords(text)).toEqual(expected);
  });

  it('binds the negation into the word it negates, keyed as its opposite', () => {
    expect(readUnits('we use no grads')).toEqual([
      expect.objectContaining({ word: 'we' }),
      expect.objectContaining({ word: 'use' }),
      expect.objectContaining({ word: 'grads', key: 'un~gradient', start: 7, end: 15, negated: true, family: true }),
    ]);
    expect(readUnits('no val')[0]).not.toHaveProperty('expanded');
    expect(readUnits('not stable')[0]!.key).toBe('~unstable');
  });

  it('reads a lone negation word with nothing to bind as glue', () => {
    expect(readUnits('not, dropout')[0]).toMatchObject({ key: '~not', glue: true });
  });

  it.each([
    ['never dropout, weight decay or early stopping', ['dropout', 'weight', 'early']],
    ['no dropout, bn and weight decay', ['dropout', 'bn', 'weight']],
    ['no dropout or bn', ['dropout', 'bn']],
    ['no dropout / bn / momentum', ['dropout']],
    ['no dropout, bn / momentum or adam', ['dropout', 'bn', 'momentum', 'adam']],
    ['no dropout & bn or adam', ['dropout', 'bn', 'adam']],
    ['no dropout and weight decay', ['dropout']],
    ['without dropout, the model overfits', ['dropout']],
    ['no dropout, the bn or momentum', ['dropout', 'bn', 'momentum']],
    ['no dropout or the', ['dropout']],
    // Eight items after the first at most: a longer run is no list a negation reaches across.
    ['no dropout, bn, adam, sgd, lbfgs, rmsprop, adagrad, nesterov or lion', ['dropout', 'bn', 'adam', 'sgd', 'lbfgs', 'rmsprop', 'adagrad', 'nesterov', 'lion']],
    ['no dropout, bn, adam, sgd, lbfgs, rmsprop, adagrad, nesterov, momentum or lion', ['dropout']],
    ['no big dropout layer or bn', ['big', 'bn']],
    ['no dropout or bn. Adam or sgd', ['dropout', 'bn']],
    ['no dropout or no bn', ['dropout', 'bn']],
    ['no dropout, bn', ['dropout']],
    ['never big dropout layers, bn or adam', ['big', 'bn', 'adam']],
  ])('in the list "%s" negates %j', (text, expected) => {
    expect(negatedWords(text)).toEqual(expected);
  });
});
