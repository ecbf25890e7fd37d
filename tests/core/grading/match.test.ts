import { describe, expect, it } from 'vitest';
import type { KeyTerm } from '../../../src/core/bank/question.js';
import { gradeAnswer, type GradableQuestion } from '../../../src/core/grading/index.js';
import { isEnglishWord, isTypo } from '../../../src/core/grading/match.js';
import { englishWords } from '../../../src/core/grading/word-list.js';

const term = (name: string, aliases: string[] = [], extra: Partial<KeyTerm> = {}): KeyTerm => ({ term: name, aliases, weight: 1, core: false, ...extra });
const question = (keyTerms: KeyTerm[]): GradableQuestion => ({ keyTerms, passMark: 0.6 });
const heard = (name: string, answer: string) => gradeAnswer(question([term(name)]), answer).matched[0];

describe('isTypo', () => {
  it.each([
    ['dropout', 'dropaut', 'one letter wrong'],
    ['dropout', 'dorpout', 'two neighbours swapped'],
    ['dropout', 'dropotu', 'the last two swapped'],
    ['dropout', 'dropouts', 'one letter more'],
    ['gradient', 'gradientss', 'two letters more in a long word'],
    ['smaller', 'smallest', 'another ending of the same word'],
    ['adamw', 'adamx', 'five letters, one wrong'],
  ])('forgives %s written %s (%s)', (word, typo) => {
    expect(isTypo(word, typo)).toBe(true);
  });

  it.each([
    ['relu', 'rleu', 'a word of four letters'],
    ['adamw', 'adam', 'an answer word of four letters'],
    ['overfitting', 'underfitting', 'another first letter'],
    ['dropout', 'dropoutss', 'two letters more in a word of seven'],
    ['gradient', 'gradientsss', 'three letters more'],
    ['minority', 'majority', 'a real word of its own'],
    ['dropout', 'drxpoxt', 'two letters wrong apart'],
    ['dropout', 'drxxout', 'two neighbours wrong'],
    ['dropout', 'dxrpout', 'neighbours that are not swapped'],
    ['dropout', 'doxpout', 'neighbours that are not swapped'],
    ['dropout', 'dpoxout', 'three letters wrong'],
    ['dropout', 'dorpuot', 'two swaps'],
    ['dropout', 'dpoprut', 'letters swapped apart'],
    ['dropout', 'dxxxout', 'three letters wrong'],
    ['dropout', 'dorpoutx', 'a swap and a letter more'],
  ])('does not take %s written %s for a typo (%s)', (word, typo) => {
    expect(isTypo(word, typo)).toBe(false);
    // The same answer twice gives the same result.
    expect(isTypo(word, typo)).toBe(false);
  });
});

describe('matching single words', () => {
  it.each([
    ['supervised', 'Sup. learning from labels', 'Sup'],
    ['convolution', 'a con. layer', 'con'],
    ['convolution', 'a convolu. layer', 'convolu'],
  ])('reads a word cut short by a full stop as the word it begins: %s in "%s"', (name, answer, text) => {
    expect(heard(name, answer)).toMatchObject({ how: 'stem', text: expect.stringContaining(text) });
  });

  it.each([
    ['convolution', 'a co. layer'],
    ['convolution', 'a convol layer'],
    ['supervised', 'Sup learning'],
    ['supervised', 'Sup, learning'],
    ['theory', 'the. learning'],
  ])('reads no other cut word: %s in "%s"', (name, answer) => {
    expect(heard(name, answer)).toBeUndefined();
  });

  it('does not read a cut word as one the question uses', () => {
    const q: GradableQuestion = { passMark: 0.6, question: 'What is sup?', keyTerms: [term('supervised')] };
    expect(gradeAnswer(q, 'sup. learning').matched).toEqual([]);
  });

  it('does not read a negated word as a typo or synonym', () => {
    expect(heard('dropout', 'no dropuot')).toBeUndefined();
    expect(heard('huge model', 'not an immense model')).toBeUndefined();
  });
});

describe('matching phrases', () => {
  it.each([
    ['dropout layer', 'use dropoutlayer', 'dropoutlayer', 'exact'],
    ['dropout layer', 'use dropuotlayer', 'dropuotlayer', 'typo'],
    ['backpropagation', 'we use back propagation', 'back propagation', 'exact'],
    ['backpropagation', 'we use back pro pagation', 'back pro pagation', 'exact'],
  ])('hears "%s" joined up or split: %s', (name, answer, text, how) => {
    expect(heard(name, answer)).toMatchObject({ text, how });
  });

  it.each([
    ['k means', 'kmaens'],
    ['backpropagation', 'back pr o pagation'],
    ['dropout layer', 'dropoutlayerxyz'],
  ])('hears no joined form past its limits: "%s" in "%s"', (name, answer) => {
    expect(heard(name, answer)).toBeUndefined();
  });

  it.each([
    ['decay of model weights', true],
    ['decay of model layer weights', true],
    ['decay of model layer input weights', false],
    ['decay of weights', true],
    ['decay, weights', false],
    ['decay; weights', false],
    ['decay: weights', false],
    ['decay (weights)', false],
    ['decay. Weights', false],
    ['decay not weights', false],
  ])('hears "weight decay" loosely in "%s": %s', (answer, expected) => {
    expect(heard('weight decay', answer) !== undefined).toBe(expected);
  });

  it.each(['and', 'or', 'than', 'versus', 'vs'])('does not hear a phrase reordered across "%s"', (word) => {
    expect(heard('dropout rate', `the rate ${word} the dropout`)).toBeUndefined();
    expect(heard('dropout rate', 'the rate of the dropout')).toBeDefined();
  });

  it('hears a phrase in order across a word set side by side, and reordered beside one', () => {
    expect(heard('weight decay', 'weight and bias decay')).toBeDefined();
    expect(heard('dropout rate', 'the rate of the dropout and more')).toMatchObject({ text: 'rate of the dropout' });
    expect(heard('dropout rate', 'and the rate of the dropout')).toMatchObject({ text: 'rate of the dropout' });
  });

  it('does not hear a phrase reordered across a word of the opposite direction', () => {
    expect(heard('lower bias', 'bias gets higher and lower')).toBeUndefined();
  });
});

describe('coordinated modifiers', () => {
  it.each([
    ['forget, input and output gates', 'forget, input and output gates'],
    ['forget/input gates', 'forget/input gates'],
    ['forget & input gates', 'forget & input gates'],
    ['forget or input gates', 'forget or input gates'],
    ['forget,input gates', 'forget,input gates'],
    ['forget, a, b, c, d, e, f, input gates', 'forget, a, b, c, d, e, f, input gates'],
  ])('hears "forget gate" in "%s"', (answer, text) => {
    expect(heard('forget gate', answer)).toMatchObject({ text });
  });

  it.each(['forget, a, b, c, d, e, f, g, input gates', 'forget input, gates', 'we forget. The gates', 'forget, input lstm gates'])('does not hear "forget gate" in "%s"', (answer) => {
    expect(heard('forget gate', answer)).toBeUndefined();
  });
});

describe('comparing words', () => {
  it('tells another form of a word from a word of its family', () => {
    expect(heard('unlabeled', 'nonlabeled')).toMatchObject({ how: 'stem' });
    expect(heard('unlabeled', 'not labeled')).toMatchObject({ how: 'synonym' });
  });

  it('reads an abbreviation as its word and that word in other forms, and nothing else', () => {
    expect(heard('validate', 'val')).toMatchObject({ how: 'stem' });
    expect(heard('deviation', 'the std is high')).toMatchObject({ how: 'stem', text: 'std' });
    expect(heard('value', 'val')).toBeUndefined();
  });

  it('reads a word cut short only as a word at least two letters longer', () => {
    expect(heard('learns', 'lear.')).toMatchObject({ how: 'stem' });
    expect(heard('learn', 'lear.')).toBeUndefined();
  });

  it('cuts short no word of a family, and no word of more than seven letters', () => {
    expect(heard('fasttext', 'use fast.')).toBeUndefined();
    expect(heard('convolution', 'convolutio.')).toMatchObject({ how: 'typo' });
    expect(heard('convolution', 'convoluti.')).toMatchObject({ how: 'typo' });
    expect(heard('x2abcdef', 'x2abc.')).toBeUndefined();
  });

  it('finds every place of a word, not only the last', () => {
    expect(heard('dropout layer', 'a dropout layer, then more dropout')).toMatchObject({ text: 'dropout layer' });
  });

  it('needs a distinct place for each word of a phrase', () => {
    expect(heard('layer by layer', 'each layer')).toBeUndefined();
    expect(heard('layer by layer', 'each layer here')).toBeUndefined();
  });
});

describe('phrases written as one word', () => {
  it('joins only phrases of plain words', () => {
    expect(heard('gradient descent', 'gradientdescent')).toBeUndefined();
    expect(heard('fastai', 'the fast ai library')).toBeUndefined();
    expect(heard('breakfast', 'a break fast')).toBeUndefined();
  });

  it('forgives a typo in a joined phrase whose words have three letters or more', () => {
    expect(heard('max pool', 'maxpoool')).toMatchObject({ how: 'typo' });
  });
});

describe('loose phrases', () => {
  it('counts no word after the phrase as a filler, and no punctuation after it', () => {
    expect(heard('weight decay', 'decay of weights never biases')).toMatchObject({ text: 'decay of weights' });
    expect(heard('weight decay', 'decay of weights, mostly')).toMatchObject({ text: 'decay of weights' });
  });

  it('shares a head noun across items with digits, and across runs of spaces', () => {
    expect(heard('forget gate', 'forget, l2 and input gates')).toBeDefined();
    expect(heard('forget gate', 'forget, input  gates')).toBeDefined();
  });
});

describe('relations', () => {
  it.each(['Xavier...tanh', 'Xavier... tanh', 'Xavier ...tanh', 'Xavier … tanh', 'Xavier ... tanh'])('reads "%s" as a relation', (name) => {
    expect(heard(name, 'Xavier suits tanh')).toMatchObject({ text: 'Xavier suits tanh' });
    // Further apart than a phrase may be: only a relation is heard here.
    expect(heard(name, 'Xavier is an old scheme that works well with tanh')).toBeDefined();
    expect(heard(name, 'tanh. Xavier')).toBeUndefined();
  });

  it('quotes a relation from its first word to its last, in either order', () => {
    expect(heard('Xavier ... tanh', 'tanh suits Xavier')).toMatchObject({ text: 'tanh suits Xavier' });
  });

  it('drops a form with an empty part', () => {
    expect(gradeAnswer(question([term('... dropout')]), 'dropout')).toMatchObject({ matched: [], verdict: 'incorrect' });
  });

  it('needs two places for the two parts', () => {
    expect(heard('dropout ... dropout layer', 'a dropout layer')).toBeUndefined();
  });

  it('allows ten words of meaning between the parts', () => {
    expect(heard('L1 ... exactly zero', 'L1 one two three four five six seven eight nine ten exactly zero')).toBeDefined();
  });

  it('does not count a relation with a negated word between its parts', () => {
    expect(heard('dropout ... test time', 'dropout is not active at test time')).toBeUndefined();
    expect(heard('dropout ... test time', 'dropout is active at test time')).toBeDefined();
    // A negated part itself is no negation between the parts.
    expect(heard('clustering ... no labels', 'clustering needs no labels')).toBeDefined();
  });

  it('says a reversed relation is the opposite', () => {
    const grade = gradeAnswer(question([term('warmup ... increases the learning rate')]), 'warmup decreases the learning rate');
    expect(grade.matched).toEqual([]);
    expect(grade.notes).toEqual([expect.stringMatching(/the answer says the opposite \("warmup decreases the learning rate"\)/)]);
  });

  it("does not hear a single phrase in the question's own words", () => {
    expect(gradeAnswer({ question: 'What is the vanishing gradient problem?', passMark: 0.6, keyTerms: [term('gradients shrink')] }, 'Vanishing gradients.').matched).toEqual([]);
  });
});

describe('swapped pairings', () => {
  const init = (answer: string) => gradeAnswer({ question: 'Compare Xavier and He initialization.', passMark: 0.6, keyTerms: [term('Xavier ... tanh'), term('He ... ReLU')] }, answer);
  const terms = (answer: string) => init(answer).matched.map((m) => m.term);

  it('reads a pairing as swapped only when the crossed pairs fit better by more than two words', () => {
    // Crossed: Xavier–ReLU 1 + He–tanh 2, plus 2; as written: Xavier–tanh 4 + He–ReLU 1.
    expect(terms('Xavier ReLU He suits tanh')).toEqual(['Xavier ... tanh', 'He ... ReLU']);
    expect(terms('Xavier ReLU and He suit tanh')).toEqual([]);
  });

  it('reads a pairing as swapped when only the rival subject stands nearer, before the partner', () => {
    const grade = init('Xavier is old and He suits tanh');
    expect(grade.matched).toEqual([]);
    expect(grade.notes).toEqual([expect.stringMatching(/^"Xavier \.\.\. tanh": the answer pairs these the other way round \("Xavier is old and He suits tanh"\)/)]);
    expect(terms('He and Xavier suit tanh')).toEqual(['Xavier ... tanh']);
    expect(terms('Xavier suits tanh more than He')).toEqual(['Xavier ... tanh']);
    expect(terms('Xavier is an old scheme for tanh and He too')).toEqual(['Xavier ... tanh']);
  });

  it('reads no swap when the rival partner stands no nearer than the partner', () => {
    expect(terms('tanh Xavier ReLU')).toEqual(['Xavier ... tanh']);
    expect(terms('Xavier tanh ReLU')).toEqual(['Xavier ... tanh']);
  });
});

describe('isEnglishWord', () => {
  it('knows every word of the list, whatever its first letter', () => {
    const listed = englishWords().split('\n');
    expect(listed.length).toBeGreaterThan(50_000);
    expect(listed.filter((word) => !isEnglishWord(word))).toEqual([]);
  });

  it('relies on a list sorted in code-unit order, one word a line and nothing else', () => {
    const listed = englishWords().split('\n');
    expect(listed.every((word, i) => /^[a-z]+$/.test(word) && (i === 0 || listed[i - 1]! < word))).toBe(true);
  });

  // Words just before, between and after listed ones: the search must end between them.
  it.each(['dropuot', 'gradeint', 'aardvarkx', 'zygotesz', 'qxz', '', 'é', 'éclair', '1st', ' about', 'About', 'a ', 'aa', '0', '~', 'zzzzz', 'abouta', 'abou', 'aardvark\naardvarks'])('does not know %j', (word) => {
    expect(isEnglishWord(word)).toBe(false);
  });
});
