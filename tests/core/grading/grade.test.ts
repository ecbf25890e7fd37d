import { describe, expect, it } from 'vitest';
import { DERIVED_TERMS_COVERAGE, deriveKeyTerms, gradeAnswer, termStatistics, typoBudget, type GradableQuestion } from '../../../src/core/grading/index.js';
import type { KeyTerm } from '../../../src/core/bank/question.js';

const term = (name: string, aliases: string[] = [], extra: Partial<KeyTerm> = {}): KeyTerm => ({ term: name, aliases, weight: 1, core: false, ...extra });
const question = (keyTerms: KeyTerm[], passMark = 0.6): GradableQuestion => ({ keyTerms, passMark });
const one = (t: KeyTerm, answer: string) => gradeAnswer(question([t]), answer);

describe('gradeAnswer: what counts as saying a key term', () => {
  it.each([
    ['Batch-Norm layers help', 'Batch-Norm'],
    ['use batchnorm after each conv', 'batchnorm'],
    ['BATCH NORMALIZATION!', 'BATCH NORMALIZATION'],
    ['add a batch norm layer', 'batch norm'],
    ['Ｂａｔｃｈ normalization', 'Ｂａｔｃｈ normalization'],
  ])('ignores case, punctuation, hyphens and Unicode forms: %s', (answer, text) => {
    const grade = one(term('batch normalization', ['batch norm']), answer);
    expect(grade.matched).toHaveLength(1);
    expect(grade.matched[0]?.text).toBe(text);
  });

  it.each([
    ['we normalise the inputs', 'normalise', 'stem'],
    ['normalizing the inputs', 'normalizing', 'stem'],
    ['normalised inputs', 'normalised', 'stem'],
    ['input normalisation', 'normalisation', 'exact'],
  ])('matches inflections by stem: %s', (answer, text, how) => {
    const grade = one(term('normalization', ['normalisation']), answer);
    expect(grade.matched[0]).toMatchObject({ text, how });
  });

  it('reports the word form a stem matched', () => {
    expect(one(term('gradient'), 'the gradients vanish').matched[0]).toMatchObject({ term: 'gradient', text: 'gradients', how: 'stem' });
  });

  it.each([
    ['the gradeints vanish', 'gradient', 'gradeints'],
    ['apply dropuot', 'dropout', 'dropuot'],
    ['use backpropogation', 'backpropagation', 'backpropogation'],
    ['vanishing gradinet problem', 'vanishing gradient', 'vanishing gradinet'],
  ])('forgives typos in longer words: %s', (answer, name, text) => {
    expect(one(term(name), answer).matched[0]).toMatchObject({ text, how: 'typo' });
  });

  it.each([
    ['RNN', 'a CNN reads images'],
    ['SGD', 'we used SDG'],
    ['ReLU', 'rely on it'],
    ['overfitting', 'underfitting is the problem'],
    ['weight', 'the height of the image'],
    ['Luong', 'long sentences'],
    ['minimax', 'minimise the loss'],
    ['leaking', 'machine learning'],
    ['unlabelled', 'we use labelled data'],
    ['Luong', 'long'],
  ])('never lets short words or different first letters match as typos: %s', (name, answer) => {
    expect(one(term(name), answer).matched).toEqual([]);
  });

  it('scales the typo budget with the length of the word', () => {
    expect([3, 4, 5, 7, 8, 12].map(typoBudget)).toEqual([0, 0, 1, 1, 2, 2]);
  });

  it('matches a multi-word term reordered or with a filler word', () => {
    expect(one(term('weight decay'), 'a decay of the weights').matched[0]).toMatchObject({ text: 'decay of the weights' });
    expect(one(term('batch size'), 'the size of each batch').matched[0]).toMatchObject({ text: 'size of each batch' });
    expect(one(term('learning rate'), 'tune the learning rate').matched[0]).toMatchObject({ text: 'learning rate', how: 'exact' });
    expect(one(term('learning rate'), 'learning is slow when the rate is tiny').matched).toEqual([]);
  });

  it('does not count function words as fillers in a loose phrase', () => {
    expect(one(term('turned off at inference'), 'at inference time it is turned off').matched).toHaveLength(1);
  });

  it('reads coordinated modifiers as sharing their head noun', () => {
    const grade = gradeAnswer(question([term('forget gate'), term('input gate'), term('output gate')]), 'it has forget, input and output gates');
    expect(grade.matched.map((m) => [m.term, m.text])).toEqual([
      ['forget gate', 'forget, input and output gates'],
      ['input gate', 'input and output gates'],
      ['output gate', 'output gates'],
    ]);
    expect(one(term('forget gate'), 'we forget. The gates').matched).toEqual([]);
    // Found by the case-insensitivity property: `AND` is a conjunction too.
    expect(one(term('forget gate'), 'FORGET AND INPUT GATES').matched).toHaveLength(1);
  });

  it('reads common abbreviations as the words they stand for, and still matches them as written', () => {
    expect(one(term('validation loss'), 'the val loss goes up').matched[0]).toMatchObject({ text: 'val loss', how: 'stem' });
    expect(one(term('clip gradients'), 'clip the grads').matched).toHaveLength(1);
    expect(one(term('val'), 'val split').matched[0]).toMatchObject({ how: 'exact' });
  });

  it('matches a single-word term written as two words', () => {
    expect(one(term('backpropagation'), 'we use back propagation').matched[0]).toMatchObject({ text: 'back propagation', how: 'exact' });
  });

  it('counts an alias as its term and says which alias', () => {
    expect(one(term('rectified linear unit', ['ReLU']), 'use ReLU').matched[0]).toMatchObject({ term: 'rectified linear unit', form: 'ReLU', how: 'alias', text: 'ReLU' });
  });

  it('never counts the same words for two ideas', () => {
    const q = question([term('the input is squeezed into a smaller code', ['low-dimensional representation'], { core: true }), term('used for dimensionality reduction', ['low-dimensional'], { core: true })]);
    const grade = gradeAnswer(q, 'the encoder compresses the input into a low-dimensional representation');
    expect(grade.matched.map((m) => m.term)).toEqual(['the input is squeezed into a smaller code']);
    expect(grade.notes).toContainEqual(expect.stringMatching(/^"used for dimensionality reduction" is heard only in words that already count for another idea/));
    expect(gradeAnswer(q, 'it learns a low-dimensional representation, useful for low-dimensional plots').matched).toHaveLength(2);
  });

  it('counts a term once however often it appears', () => {
    const grade = gradeAnswer(question([term('dropout'), term('weight decay')]), 'dropout helps: dropout is simple and more dropout is stronger');
    expect(grade.score).toBe(0.5);
    expect(grade.matched).toHaveLength(1);
  });

  it('prefers the term itself over an alias, and an exact match over a typo', () => {
    expect(one(term('dropout', ['drop out']), 'drop out, i.e. dropout').matched[0]).toMatchObject({ how: 'exact', form: 'dropout' });
    expect(one(term('gradient'), 'gradeint or gradient').matched[0]).toMatchObject({ how: 'exact', text: 'gradient' });
  });
});

describe('gradeAnswer: negation', () => {
  it.each([
    'we train without dropout',
    'this model does not use dropout',
    "it doesn't need dropout",
    'never apply dropout here',
    'no dropout was used',
    'use weight decay instead of dropout',
  ])('does not count a term under a nearby negation, and says why: %s', (answer) => {
    const grade = one(term('dropout'), answer);
    expect(grade.matched).toEqual([]);
    expect(grade.notes).toEqual([expect.stringMatching(/^"dropout" appears only under a negation \(".*dropout"\), so it does not count$/)]);
  });

  it('counts the term when the negation is far away or in another clause', () => {
    expect(one(term('dropout'), 'not great. Dropout helps').matched).toHaveLength(1);
    expect(one(term('dropout'), 'it is not, in my experience with large models, dropout').matched).toHaveLength(1);
    expect(one(term('dropout'), 'we do not overfit because of dropout').matched).toHaveLength(1);
  });

  it('ends a negation at "and", "but" and "while"', () => {
    expect(one(term('patterns'), "unsupervised learning doesn't use labels and looks for patterns").matched).toHaveLength(1);
    expect(one(term('patterns'), 'no labels, but it finds patterns').matched).toHaveLength(1);
  });

  it('counts the term when one of its mentions is not negated', () => {
    expect(one(term('dropout'), 'not dropout alone: dropout with weight decay').matched).toHaveLength(1);
  });

  it('requires a negation where the model answer negates a derived term', () => {
    const negated = term('return', [], { negated: true });
    expect(one(negated, 'a constructor cannot return a value').matched).toHaveLength(1);
    const plain = one(negated, 'a constructor can return a value');
    expect(plain.matched).toEqual([]);
    expect(plain.notes[0]).toMatch(/"return" is negated in the model answer but not here/);
  });
});

describe('gradeAnswer: core ideas and depth', () => {
  const terms = [
    term('gradients shrink', ['gradients get smaller'], { core: true }),
    term('use ReLU', ['ReLU'], { core: true }),
    term('batch normalization', ['BN']),
    term('residual connections', ['skip connections']),
  ];

  it('passes an answer that states every core idea, whatever depth it leaves out, at the pass mark', () => {
    const grade = gradeAnswer(question(terms), 'the gradients shrink layer after layer; use ReLU');
    expect(grade).toMatchObject({ score: 0.6, verdict: 'correct' });
  });

  it('raises the score with depth, up to 1', () => {
    expect(gradeAnswer(question(terms), 'gradients shrink; use ReLU and batch normalization').score).toBe(0.8);
    expect(gradeAnswer(question(terms), 'gradients shrink; use ReLU, BN and skip connections').score).toBe(1);
  });

  it('keeps an answer that misses a core idea below the pass mark, whatever depth it shows, and names the idea', () => {
    const grade = gradeAnswer(question(terms), 'gradients shrink, so add BN and residual connections');
    expect(grade.verdict).toBe('partial');
    expect(grade.score).toBeLessThan(0.6);
    expect(grade.missing).toEqual([{ term: 'use ReLU', weight: 1, core: true }]);
    expect(grade.notes).toContain('a core idea is missing (use ReLU), so the answer cannot pass');
  });

  it('is incorrect with no core idea, even with every depth idea', () => {
    expect(gradeAnswer(question(terms), 'BN and residual connections').verdict).toBe('incorrect');
  });

  it('passes exactly at the pass mark and not below it', () => {
    const noDepth = [term('alpha idea', [], { core: true })];
    expect(gradeAnswer(question(noDepth, 1), 'the alpha idea').verdict).toBe('correct');
    expect(gradeAnswer(question([...noDepth, term('beta')], 0.6), 'the alpha idea').score).toBe(0.6);
    expect(gradeAnswer(question([...noDepth, term('gamma', [], { core: true })], 0.6), 'the alpha idea').verdict).toBe('partial');
  });

  it('scores by the share of weight when a rubric names no core idea (older banks)', () => {
    const plain = [term('vanishing gradient', [], { weight: 2 }), term('ReLU'), term('batch normalization', ['BN']), term('residual connections')];
    expect(gradeAnswer(question(plain), 'vanishing gradient; use ReLU')).toMatchObject({ score: 0.6, verdict: 'correct' });
    expect(gradeAnswer(question(plain), 'just BN').verdict).toBe('incorrect');
  });

  it('gives an empty answer 0 and says it was empty', () => {
    const grade = gradeAnswer(question(terms), '   ');
    expect(grade).toMatchObject({ score: 0, verdict: 'incorrect', matched: [] });
    expect(grade.notes).toContain('the answer is empty');
  });

  it('never throws on odd input and stays deterministic', () => {
    for (const answer of ['', '\u0000\u001b[2J', '🙂'.repeat(1000), 'not '.repeat(500), 'no, '.repeat(300), 'a'.repeat(100_000), 'gradients ... ReLU ...']) {
      const grade = gradeAnswer(question(terms), answer);
      expect(grade.score).toBeGreaterThanOrEqual(0);
      expect(grade.score).toBeLessThanOrEqual(1);
      expect(gradeAnswer(question(terms), answer)).toEqual(grade);
    }
  });
});

describe('gradeAnswer: the shared lexicon', () => {
  it.each([
    ['gradients shrink', 'the gradients get tiny'],
    ['gradients shrink', 'gradients go to zero'],
    ['gradients shrink', 'gradients become vanishingly small'],
    ['gradients grow', 'the gradients blow up'],
    ['gradients grow', 'gradients explode'],
    ['gradients grow', 'the gradients get larger and larger'],
    ['unlabeled data', 'data with no labels'],
    ['unlabeled data', 'data without labels'],
    ['unlabelled data', 'the data is not labeled'],
    ['nonlinear', 'it is not linear'],
    ['learning rate too high', 'the LR is too large'],
    ['units stay identical', 'the neurons remain the same'],
  ])('hears "%s" in "%s"', (name, answer) => {
    expect(one(term(name), answer).matched).toHaveLength(1);
  });

  it('reports a word of the same family as a synonym', () => {
    expect(one(term('gradients shrink'), 'gradients get tiny').matched[0]).toMatchObject({ how: 'synonym', text: 'gradients get tiny' });
  });

  it.each([
    ['labeled data', 'data with no labels'],
    ['labeled data', 'it never needs labelled data'],
    ['gradients shrink', 'the gradients grow'],
    ['gradients shrink', 'gradients do not shrink'],
  ])('does not hear "%s" in "%s"', (name, answer) => {
    expect(one(term(name), answer).matched).toEqual([]);
  });
});

describe('gradeAnswer: words of the question', () => {
  const q = (keyTerms: KeyTerm[]): GradableQuestion => ({ question: 'What is the dying ReLU problem, and how does Leaky ReLU address it?', keyTerms, passMark: 0.6 });

  it('earns nothing for a form made only of words the question uses', () => {
    expect(gradeAnswer(q([term('leaky ReLU', ['dying ReLU'])]), 'Leaky ReLU addresses the dying ReLU problem').matched).toEqual([]);
  });

  it("does not hear an idea in the question's own name for it", () => {
    const vanishing: GradableQuestion = { question: 'What is the vanishing gradient problem?', passMark: 0.6, keyTerms: [term('gradients shrink through the layers', ['gradients shrink ... through the layers'])] };
    expect(gradeAnswer(vanishing, 'Vanishing gradients happen as they pass back through the layers.').matched).toEqual([]);
    expect(gradeAnswer(vanishing, 'The gradients get tiny as they pass back through the layers.').matched).toHaveLength(1);
    // Glue words between the question's words add nothing to them.
    const phrase: GradableQuestion = { ...vanishing, keyTerms: [term('gradients shrink')] };
    expect(gradeAnswer(phrase, 'The vanishing of the gradients.').matched).toEqual([]);
    expect(gradeAnswer(phrase, 'The gradients get tiny.').matched).toHaveLength(1);
  });

  it('earns credit when the answer says something about them', () => {
    const grade = gradeAnswer(q([term('leaky ReLU', ['small negative slope', 'leaky ... negative slope'])]), 'Leaky ReLU keeps a small slope for negative inputs');
    expect(grade.matched).toHaveLength(1);
  });
});

describe('gradeAnswer: relations', () => {
  const init = (extra: KeyTerm[] = []): GradableQuestion => ({
    question: 'Compare Xavier and He initialization.',
    passMark: 0.6,
    keyTerms: [term('Xavier suits tanh', ['Xavier ... tanh', 'Glorot ... tanh'], { core: true }), term('He suits ReLU', ['He ... ReLU', 'Kaiming ... ReLU'], { core: true }), ...extra],
  });

  it('counts a pairing with both parts in one clause, in either order', () => {
    expect(gradeAnswer(init(), 'Xavier is meant for tanh, while for ReLU you want He init.').verdict).toBe('correct');
    expect(gradeAnswer(init(), 'He (Kaiming) initialization suits ReLU; Glorot suits tanh.').verdict).toBe('correct');
  });

  it('counts parts with up to ten words of meaning between them', () => {
    const q: GradableQuestion = { passMark: 0.6, keyTerms: [term('L1 gives exact zeros', ['L1 ... exactly zero'])] };
    expect(gradeAnswer(q, 'l1 uses the absolute value of the weights and tends to make lots of them exactly zero').matched).toHaveLength(1);
    expect(gradeAnswer(q, 'L1 one two three four five six seven eight nine ten eleven exactly zero').matched).toEqual([]);
  });

  it('does not count parts said in different sentences', () => {
    expect(gradeAnswer(init(), 'Xavier is one scheme. Tanh is an activation.').matched).toEqual([]);
  });

  it('reads a pairing as swapped only when the crossed pairs fit clearly better', () => {
    expect(gradeAnswer(init(), 'xavier keeps the variance and is meant for tanh or sigmoid, he init uses 2/fan_in which is bigger because relu kills half the activations').verdict).toBe('correct');
  });

  it('takes no everyday word for a rival subject', () => {
    const q = init([term('a bad scale blows up the signal', ['blow up ... through the layers'])]);
    expect(gradeAnswer(q, 'Xavier suits tanh. He init gives a bigger variance because ReLU zeroes half the inputs.').matched.map((m) => m.term)).toContain('He suits ReLU');
  });

  it('reads a swapped pairing as a contradiction, named in the notes', () => {
    const grade = gradeAnswer(init(), 'Xavier is designed for ReLU and He for tanh.');
    expect(grade.matched).toEqual([]);
    expect(grade.verdict).toBe('incorrect');
    expect(grade.notes.join('\n')).toMatch(/pairs these the other way round/);
  });

  it("never sets an idea's own relations against each other", () => {
    const q: GradableQuestion = { passMark: 0.6, keyTerms: [term('padding adds a border of zeros', ['padding ... zeros', 'extra pixels ... border'], { core: true })] };
    expect(gradeAnswer(q, 'padding: extra pixels, normally zero, added around the border').verdict).toBe('correct');
  });

  it('reads parallel pairings in either order as written', () => {
    const q: GradableQuestion = {
      passMark: 0.6,
      keyTerms: [term('high bias means underfitting', ['high bias ... underfitting'], { core: true }), term('high variance means overfitting', ['high variance ... overfitting'], { core: true })],
    };
    expect(gradeAnswer(q, 'Underfitting is high bias and overfitting is high variance.').verdict).toBe('correct');
    expect(gradeAnswer(q, 'Underfitting is high variance and overfitting is high bias.').verdict).toBe('incorrect');
  });

  it('does not hear a phrase across a word of the opposite direction', () => {
    expect(one(term('lower bias'), 'more capacity gives lower variance and higher bias').matched).toEqual([]);
  });

  it('does not hear a misconception pairing in a correct list of pairings', () => {
    const q = { ...init(), misconceptions: [{ claim: 'He suits tanh', aliases: ['He ... tanh'], why: 'He initialization is derived for ReLU.' }] };
    expect(gradeAnswer(q, 'Xavier for tanh, He for ReLU.').misconceptions).toEqual([]);
    expect(gradeAnswer(q, 'He is for tanh and Xavier is for ReLU.').misconceptions).toHaveLength(1);
  });

  it('reads a reversed direction as a contradiction, named in the notes', () => {
    const warmup: GradableQuestion = { passMark: 0.6, keyTerms: [term('warmup increases the learning rate', ['warmup ... increase the learning rate'], { core: true })] };
    expect(gradeAnswer(warmup, 'During warmup the learning rate is ramped up: warmup raises the LR gradually.').verdict).toBe('correct');
    const reversed = gradeAnswer(warmup, 'Warmup decreases the learning rate at the start.');
    expect(reversed.matched).toEqual([]);
    expect(reversed.notes[0]).toMatch(/says the opposite \("Warmup decreases the learning rate"\)/);
  });

  it('does not count a relation with a negation between its parts', () => {
    const q: GradableQuestion = { passMark: 0.6, keyTerms: [term('dropout at test time', ['dropout ... test time'])] };
    expect(gradeAnswer(q, 'dropout is never used at test time').matched).toEqual([]);
  });
});

describe('gradeAnswer: negation binds the word it governs', () => {
  it('reads "never break the symmetry" as a claim about symmetry', () => {
    expect(one(term('symmetry'), 'the units stay identical, so you never break the symmetry').matched).toHaveLength(1);
    expect(one(term('break the symmetry'), 'you never break the symmetry').matched).toEqual([]);
  });

  it("denies a phrase said as the object of a negated verb the idea itself uses", () => {
    const heads = question([term('each head attends to a different subspace', ['different subspaces'])]);
    expect(gradeAnswer(heads, 'it uses one head, so it does not attend to different subspaces').matched).toEqual([]);
    expect(gradeAnswer(heads, 'the heads look at different subspaces').matched).toHaveLength(1);
  });

  it('reaches across a coordinated list', () => {
    const q = question([term('dropout'), term('weight decay'), term('early stopping')]);
    expect(gradeAnswer(q, 'this model is never used with dropout, weight decay or early stopping').matched).toEqual([]);
    expect(gradeAnswer(q, 'it needs neither dropout nor weight decay').matched.map((m) => m.term)).toEqual([]);
    expect(gradeAnswer(q, 'without dropout, the model overfits; early stopping helps').matched.map((m) => m.term)).toEqual(['early stopping']);
  });

  it('does not reach past a comma', () => {
    expect(one(term('gradients explode'), 'Without it, the gradients explode.').matched).toHaveLength(1);
  });

  it('does not read "can" as a negation', () => {
    expect(one(term('dropout'), 'we can apply dropout').matched).toHaveLength(1);
  });
});

describe('gradeAnswer: keyword lists and misconceptions', () => {
  const compression: GradableQuestion = {
    passMark: 0.6,
    keyTerms: [term('pruning removes weights', ['pruning'], { core: true }), term('quantization uses fewer bits', ['quantization'], { core: true })],
    misconceptions: [{ claim: 'compression never costs accuracy', aliases: ['no accuracy loss', 'accuracy stays the same'], why: 'Aggressive compression usually costs some accuracy, which fine-tuning recovers in part.' }],
  };

  it('keeps a bare list of terms at partial at most, and says so', () => {
    const grade = gradeAnswer(compression, 'Pruning, quantization, knowledge distillation, low-rank factorization, INT8.');
    expect(grade.verdict).toBe('partial');
    expect(grade.notes).toContain('the answer lists terms without saying anything about them, so it is at most partial');
  });

  it('reads a string of terms with no function word as a list too', () => {
    expect(gradeAnswer(compression, 'Pruning quantization distillation INT8 sparsity teacher student.').verdict).toBe('partial');
    expect(gradeAnswer(compression, 'Pruning removes weights; quantization uses fewer bits.').verdict).toBe('correct');
  });

  it('passes the same terms when the answer says something about them', () => {
    expect(gradeAnswer(compression, 'Pruning removes small weights, and quantization stores them in fewer bits.').verdict).toBe('correct');
  });

  it('keeps an answer that states a misconception at partial at most, and corrects it', () => {
    const grade = gradeAnswer(compression, 'Pruning removes small weights and quantization uses fewer bits, with no accuracy loss at all.');
    expect(grade.verdict).toBe('partial');
    expect(grade.misconceptions).toEqual([{ claim: 'compression never costs accuracy', text: 'no accuracy loss', why: expect.stringMatching(/^Aggressive compression/) }]);
  });

  it('does not hold a negated misconception against the answer', () => {
    expect(gradeAnswer(compression, 'Pruning removes weights and quantization uses fewer bits; the accuracy does not stay the same, so fine-tune.').misconceptions).toEqual([]);
  });
});

describe('derived key terms', () => {
  const answers = [
    'Dropout randomly zeroes activations during training, which reduces overfitting.',
    'Weight decay adds a penalty on large weights during training.',
    'Early stopping halts training when the validation loss stops improving.',
  ];
  const statistics = termStatistics(answers);

  it('picks content words, most specific first, and discounts words of the question', () => {
    const terms = deriveKeyTerms({ question: 'What is dropout?', answer: answers[0]! }, statistics);
    expect(terms.map((t) => [t.term, t.weight])).toEqual([
      ['activations', 1],
      ['overfitting', 1],
      ['randomly', 1],
      ['zeroes', 1],
      ['training', 0.59],
      ['dropout', 0.35],
    ]);
    expect(terms[0]?.weight).toBe(1);
    expect(terms.at(-1)!.weight).toBeLessThan(terms[0]!.weight);
  });

  it('keeps at most eight terms', () => {
    const long = 'alpha beta gamma delta epsilon zeta eta theta iota kappa lambda';
    expect(deriveKeyTerms({ question: 'Q?', answer: long }, termStatistics([long]))).toHaveLength(8);
  });

  it('marks a term the model answer negates', () => {
    const terms = deriveKeyTerms({ question: 'Can constructors return values?', answer: 'A constructor cannot return a value.' }, statistics);
    expect(terms.find((t) => t.term === 'return')).toMatchObject({ negated: true });
  });

  it(`gives full marks for ${DERIVED_TERMS_COVERAGE * 100}% of the derived weight, and says the terms were derived`, () => {
    const keyTerms = [term('alpha'), term('beta'), term('gamma'), term('delta')];
    const grade = gradeAnswer({ keyTerms, passMark: 0.6, keyTermsDerived: true }, 'alpha and beta');
    expect(grade.score).toBe(1);
    expect(grade.derivedTerms).toBe(true);
    expect(grade.notes).toContain('key terms were derived from the model answer, as the question lists none');
    expect(gradeAnswer({ keyTerms, passMark: 0.6, keyTermsDerived: true }, 'alpha').score).toBe(0.5);
  });
});

describe('gradeAnswer: general English synonyms (WordNet)', () => {
  it.each([
    ['an immense model', 'huge model'],
    ['the labels are incorrect', 'wrong labels'],
    ['indistinguishable units', 'identical units'],
  ])('hears "%s" for "%s", as a synonym', (answer, name) => {
    expect(one(term(name), answer).matched[0]).toMatchObject({ how: 'synonym' });
  });

  it('does not stretch a synonym into its opposite', () => {
    expect(one(term('the loss declines'), 'the loss worsens').matched).toEqual([]);
  });
});

describe('gradeAnswer: word forms', () => {
  it.each([
    ['gradients go to zero', 'the gradient goes to zero'],
    ['add noise', 'adding noise'],
    ['the bias shifts the output', 'biases shift the output'],
    ['normalize the inputs', 'we normalise the inputs'],
    ['labeled examples', 'labelled examples'],
    ['factor less than 1', 'factor < 1'],
    ['gradients vanish', 'grads -> 0'],
    ['gradients explode', 'grads → inf'],
    ['pre-activation is negative', 'pre-act < 0'],
    ['attention weights', 'attn weights'],
    ['w - lr * grad', 'w ← w − η∇L'],
    ['zeroed with probability p', 'zero each unit w.p. p'],
    ['supervised learning', 'Sup.: learning from labelled (x, y)'],
    ['low training error', 'low train err'],
    ['update the weights', 'GD updates w'],
    ['nonlinear', 'the non linear bit'],
    ['too simple', 'the model is to simple'],
  ])('hears "%s" in "%s"', (name, answer) => {
    expect(one(term(name), answer).matched).toHaveLength(1);
  });

  it.each([
    ['generalizes well', 'the generator produces images'],
    ['generalizes well', 'in general it works'],
    ['normalization', 'drawn from a normal distribution'],
    ['factor less than 1', 'factor > 1'],
    ['weight clipping', 'the weights). Clipping'],
    ['train with dropout', 'train w/o dropout'],
    ['negative', 'p = 0.05'],
    ['overfitting', 'and then training is over.'],
    ['maximizes the KL', 'it minimizes the KL'],
    ['too simple', 'it is easy to simplify'],
  ])('does not hear "%s" in "%s"', (name, answer) => {
    expect(one(term(name), answer).matched).toEqual([]);
  });

  it("never reads a word of the question's own texts as a typo of another", () => {
    const q: GradableQuestion = { passMark: 0.6, answer: 'Oversample the minority class or undersample the majority class.', keyTerms: [term('oversample the minority class', [], { core: true })] };
    expect(gradeAnswer(q, 'oversample the majority class').matched).toEqual([]);
    expect(gradeAnswer(q, 'oversample the minorty class').matched[0]).toMatchObject({ how: 'typo' });
  });

  it('keeps generator apart from generated, generative and generalize', () => {
    const q: GradableQuestion = { passMark: 0.6, answer: 'The generator maps noise to generated samples.', keyTerms: [term('the generator', [], { core: true })] };
    expect(gradeAnswer(q, 'generated samples look real').matched).toEqual([]);
    expect(gradeAnswer(q, 'a generative model generalizes').matched).toEqual([]);
  });

  it('reads non- as part of the word, not as a negation', () => {
    expect(one(term('complex patterns'), 'it learns complex non-linear patterns').matched).toHaveLength(1);
    expect(one(term('nonlinear'), 'a non-linear activation').matched).toHaveLength(1);
  });

  it('does not break a sentence at a decimal point or an abbreviation', () => {
    expect(one(term('derivative ... 0.25'), 'the derivative is at most 0.25, e.g. for sigmoid').matched).toHaveLength(1);
  });
});

describe('gradeAnswer: forms and the words of the question', () => {
  it('keeps a form made only of glue words: it repeats nothing of the question', () => {
    expect(gradeAnswer({ question: 'What is dropout?', passMark: 0.6, keyTerms: [term('it is')] }, 'it is').matched).toHaveLength(1);
  });

  it('keeps a relation between two things the question names: the pairing is a claim of its own', () => {
    const q: GradableQuestion = { question: 'Compare Xavier and He initialization.', passMark: 0.6, keyTerms: [term('Xavier ... He')] };
    expect(gradeAnswer(q, 'Xavier differs from He').matched).toHaveLength(1);
  });

  it('says nothing of a negation for a term that is itself a negation (un-)', () => {
    const grade = one(term('unlabelled data'), 'we use labelled data');
    expect(grade.matched).toEqual([]);
    expect(grade.notes).toEqual([]);
  });

  it('grades a negated term with an empty text without throwing', () => {
    expect(one(term('', [], { negated: true }), 'dropout')).toMatchObject({ matched: [], verdict: 'incorrect' });
  });
});

describe("gradeAnswer: the question's own words are never typos", () => {
  it('does not read a word of the model answer as a typo of another', () => {
    const q: GradableQuestion = { passMark: 0.6, answer: 'Use conv2d for images and conv1d for sequences.', keyTerms: [term('conv1d for sequences')] };
    expect(gradeAnswer(q, 'conv2d for sequences').matched).toEqual([]);
    // Without the model answer, conv2d is one slip from conv1d.
    expect(gradeAnswer({ ...q, answer: undefined }, 'conv2d for sequences').matched[0]).toMatchObject({ how: 'typo' });
  });

  it('does not read a word of the question, a key term or a misconception as a typo of another', () => {
    expect(gradeAnswer({ passMark: 0.6, question: 'When is conv2d used rather than conv1d?', keyTerms: [term('conv1d for sequences')] }, 'conv2d for sequences').matched).toEqual([]);
    expect(gradeAnswer({ passMark: 0.6, keyTerms: [term('conv1d'), term('conv2d', ['conv3d'])] }, 'conv3d').matched.map((m) => m.term)).toEqual(['conv2d']);
    const misconception = gradeAnswer(
      { passMark: 0.6, keyTerms: [term('conv1d for sequences')], misconceptions: [{ claim: 'conv2d for sequences', aliases: [], why: 'It is for images.' }] },
      'conv2d for sequences',
    );
    expect(misconception.matched).toEqual([]);
    expect(misconception.misconceptions).toHaveLength(1);
    const alias = gradeAnswer({ passMark: 0.6, keyTerms: [term('conv1d for sequences')], misconceptions: [{ claim: 'images', aliases: ['conv2d'], why: 'w' }] }, 'conv2d for sequences');
    expect(alias.matched).toEqual([]);
  });
});

describe('gradeAnswer: rival pairings', () => {
  it('takes no relation with the same subject for a rival', () => {
    const grade = gradeAnswer(question([term('He ... ReLU'), term('He ... fan-in')]), 'He init scales by fan-in and suits ReLU.');
    expect(grade.matched.map((m) => m.term)).toEqual(['He ... ReLU', 'He ... fan-in']);
  });

  it('takes no relation with the same partner for a rival', () => {
    const grade = gradeAnswer(question([term('He ... ReLU'), term('Kaiming ... ReLU')]), 'He init, which is also called Kaiming, suits ReLU');
    expect(grade.matched.map((m) => m.term)).toEqual(['He ... ReLU', 'Kaiming ... ReLU']);
  });

  it('lets a relation share its words with a phrase of another idea', () => {
    expect(gradeAnswer(question([term('He ... ReLU'), term('ReLU')]), 'He init suits ReLU').matched).toHaveLength(2);
    expect(gradeAnswer(question([term('ReLU'), term('He ... ReLU')]), 'He init suits ReLU').matched).toHaveLength(2);
  });

  it('is not denied by a negated word just before a relation', () => {
    expect(gradeAnswer(question([term('He ... ReLU')]), 'Not only for ReLU: He init suits ReLU and its variants.').matched).toHaveLength(1);
  });

  it('quotes the answer with its runs of spaces as one', () => {
    const q: GradableQuestion = { passMark: 0.6, keyTerms: [term('pruning')], misconceptions: [{ claim: 'compression never costs accuracy', aliases: ['no accuracy loss'], why: 'w' }] };
    expect(gradeAnswer(q, 'pruning with no  accuracy\tloss').misconceptions).toEqual([{ claim: 'compression never costs accuracy', text: 'no accuracy loss', why: 'w' }]);
    const init: GradableQuestion = { passMark: 0.6, keyTerms: [term('Xavier suits tanh', ['Xavier ... tanh']), term('He suits ReLU', ['He ... ReLU'])] };
    expect(gradeAnswer(init, 'Xavier  is designed for ReLU and He for tanh.').notes[0]).toMatch(/\("Xavier is designed for ReLU and He for tanh"\)/);
  });
});

describe('gradeAnswer: a negated verb of the idea', () => {
  const heads = question([term('each head attends to a different subspace', ['different subspaces'])]);

  it.each(['Never attends to different subspaces', 'it does not attend to the different subspaces'])('denies the phrase in "%s"', (answer) => {
    expect(gradeAnswer(heads, answer).matched).toEqual([]);
  });

  it.each(['it does not attend to it in different subspaces', 'It does not attend. The different subspaces matter'])('does not reach the phrase in "%s"', (answer) => {
    expect(gradeAnswer(heads, answer).matched).toHaveLength(1);
  });
});

describe('gradeAnswer: one place per idea', () => {
  it('takes the tightest place, even an alias', () => {
    expect(one(term('weight decay', ['penalty']), 'weight decay is a penalty').matched[0]).toMatchObject({ form: 'penalty', how: 'alias', text: 'penalty' });
    expect(one(term('dropout layer', ['dropout']), 'a dropout layer').matched[0]).toMatchObject({ form: 'dropout', text: 'dropout' });
  });

  it('reports an alias heard in another form of its word as that form', () => {
    expect(one(term('rectified linear unit', ['ReLU']), 'ReLUs').matched[0]).toMatchObject({ form: 'ReLU', how: 'stem', text: 'ReLUs' });
  });

  it.each([
    [['dropout layer', 'layer'], ['dropout layer']],
    [['layer', 'dropout layer'], ['layer']],
    [['dropout', 'dropout layer'], ['dropout']],
  ])('never hears a phrase and a phrase within it for two ideas: %j', (names, heard) => {
    const grade = gradeAnswer(question(names.map((n) => term(n))), 'a dropout layer');
    expect(grade.matched.map((m) => m.term)).toEqual(heard);
  });

  it('gives the words to a core idea over every depth idea together', () => {
    const grade = gradeAnswer(question([term('layer', [], { weight: 2 }), term('dropout layer', [], { core: true })]), 'a dropout layer');
    expect(grade.matched.map((m) => m.term)).toEqual(['dropout layer']);
    expect(grade.verdict).toBe('correct');
  });
});

describe('gradeAnswer: notes', () => {
  const two = question([term('dropout', [], { core: true }), term('weight decay', [], { core: true }), term('early stopping')]);

  it('names every missing core idea', () => {
    expect(gradeAnswer(two, 'early stopping').notes).toEqual(['a core idea is missing (dropout; weight decay), so the answer cannot pass']);
  });

  it('says nothing of missing core ideas when nothing was heard', () => {
    expect(gradeAnswer(two, 'momentum').notes).toEqual([]);
  });

  it('marks the key terms as authored', () => {
    expect(gradeAnswer(two, 'dropout').derivedTerms).toBe(false);
  });

  it('calls no answer a bare list when it hears no key term', () => {
    expect(gradeAnswer(two, 'momentum, adam, sgd, nesterov').notes).toEqual([]);
  });

  it('takes a list for the answer when the question asks for one', () => {
    const q: GradableQuestion = { ...two, question: 'Name some regularizers.' };
    const grade = gradeAnswer(q, 'dropout, weight decay, early stopping, mixup');
    expect(grade.verdict).toBe('correct');
    expect(grade.notes).toEqual([]);
    expect(gradeAnswer({ ...two, question: 'What does regularization do?' }, 'dropout, weight decay, early stopping, mixup').verdict).toBe('partial');
  });
});
