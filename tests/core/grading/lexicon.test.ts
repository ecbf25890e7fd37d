import { describe, expect, it } from 'vitest';
import type { KeyTerm } from '../../../src/core/bank/question.js';
import { gradeAnswer } from '../../../src/core/grading/index.js';
import { americanize, contentWords, isGeneralWord, lexiconPhraseAt, negatedKey, oppositeOf, synonymsOf, wordStem } from '../../../src/core/grading/lexicon.js';

const term = (name: string): KeyTerm => ({ term: name, aliases: [], weight: 1, core: false });
const hears = (name: string, answer: string) => gradeAnswer({ keyTerms: [term(name)], passMark: 0.6 }, answer).matched.length === 1;

describe('americanize', () => {
  it.each([
    ['normalise', 'normalize'], ['normalises', 'normalizes'], ['normalised', 'normalized'], ['normalising', 'normalizing'], ['normalisation', 'normalization'],
    ['normalisations', 'normalizations'], ['normaliser', 'normalizer'], ['normalisers', 'normalizers'], ['realise', 'realize'], ['realised', 'realized'],
    ['analyse', 'analyze'], ['analyses', 'analyzes'], ['analysed', 'analyzed'], ['analysing', 'analyzing'],
    ['labelled', 'labeled'], ['labelling', 'labeling'], ['modeller', 'modeler'], ['modellers', 'modelers'],
    ['colour', 'color'], ['colours', 'colors'], ['behaviour', 'behavior'], ['favoured', 'favored'], ['neighbouring', 'neighboring'], ['labour', 'labor'],
    ['flavourful', 'flavorful'], ['honourable', 'honorable'], ['humour', 'humor'], ['rumours', 'rumors'], ['vapour', 'vapor'], ['harbour', 'harbor'],
    ['odour', 'odor'], ['odours', 'odors'], ['armour', 'armor'], ['endeavour', 'endeavor'], ['savour', 'savor'], ['favourite', 'favorite'], ['favourites', 'favorites'],
    ['analyser', 'analyzer'], ['analysers', 'analyzers'], ['paralyse', 'paralyze'], ['catalyser', 'catalyzer'],
    ['dishonour', 'dishonor'], ['unfavourable', 'unfavorable'], ['misbehaviour', 'misbehavior'], ['behavioural', 'behavioral'], ['behaviourally', 'behaviorally'],
    ['behaviourist', 'behaviorist'], ['colourless', 'colorless'], ['odourless', 'odorless'], ['neighbourhood', 'neighborhood'], ['labourer', 'laborer'],
    ['honourably', 'honorably'], ['savoury', 'savory'], ['armoury', 'armory'],
  ])('spells "%s" as "%s"', (british, american) => {
    expect(americanize(british)).toBe(american);
    expect(americanize(british)).toBe(american);
  });

  it.each(['pour', 'four', 'your', 'tour', 'hour', 'flour', 'sour', 'dour', 'praise', 'raise', 'noise', 'paralysis', 'cells', 'spelling', 'pour', 'tourist', 'hours', 'detour', 'dropout', 'advertisement', 'geyser', 'geysers', 'unsure', 'discourse', 'mistour', 'undour', 'contour', 'devour', 'devoured', 'polysemy'])('leaves "%s" as it is', (word) => {
    expect(americanize(word)).toBe(word);
  });

  it('hears a British spelling for an American term', () => {
    expect(hears('normalize the inputs', 'we normalise the inputs')).toBe(true);
    expect(hears('labeled examples', 'labelled examples')).toBe(true);
  });
});

describe('wordStem', () => {
  it.each([
    ['go', 'goes went gone going'], ['do', 'does did done doing'], ['have', 'has had having'], ['break', 'broke broken'], ['grow', 'grew grown'],
    ['shrink', 'shrank shrunk shrunken'], ['blow', 'blew blown'], ['rise', 'rose risen'], ['fall', 'fell fallen'], ['take', 'took taken'],
    ['give', 'gave given'], ['make', 'made'], ['keep', 'kept'], ['get', 'got gotten'], ['become', 'became'], ['lose', 'lost'], ['find', 'found'],
    ['hold', 'held'], ['show', 'shown'], ['know', 'knew known'], ['bring', 'brought'], ['feed', 'fed'], ['lead', 'led'], ['speed', 'sped'],
    ['draw', 'drew drawn'], ['stick', 'stuck'], ['choose', 'chose chosen'], ['begin', 'began begun'], ['run', 'ran running'], ['learn', 'learnt'],
    ['spill', 'spilt'], ['see', 'saw seen'], ['write', 'wrote written'], ['drive', 'drove driven'], ['overfit', 'overfitted overfitting'],
    ['bias', 'biases'], ['add', 'adding added adds'], ['slide', 'slid'], ['die', 'dies died dying'],
  ])('reads the forms of "%s" as the word itself', (base, forms) => {
    for (const form of forms.split(' ')) expect([form, wordStem(form)]).toEqual([form, wordStem(base)]);
  });

  it.each([
    ['generalize', 'generalization', 'generate'],
    ['generalise', 'generalizes', 'general'],
    ['generator', 'generators', 'generated'],
    ['generated', 'generating', 'generalize'],
    ['general', 'generally', 'generalize'],
    ['normalize', 'normalization', 'normal'],
    ['supervised', 'supervision', 'superb'],
    ['supervised', 'supervision', 'unsupervised'],
    ['generate', 'generated', 'degenerate'],
  ])('keeps apart words Porter stems together: "%s" is "%s", not "%s"', (word, same, other) => {
    expect(wordStem(word)).toBe(wordStem(same));
    expect(wordStem(word)).not.toBe(wordStem(other));
  });

  it.each([
    ['generalize', 'generaliz'], ['generalise', 'generaliz'], ['generalisation', 'generaliz'],
    ['generator', 'generator'], ['generators', 'generator'],
    ['generate', 'generat'], ['generating', 'generat'], ['generation', 'generat'],
    ['general', 'general'], ['generally', 'general'],
    ['normalize', 'normaliz'], ['normalise', 'normaliz'], ['normalization', 'normaliz'],
    ['supervised', 'supervis'], ['supervision', 'supervis'],
  ])('stems "%s" as "%s", the stem its family is kept apart by', (word, kept) => {
    expect(wordStem(word)).toBe(kept);
  });

  it('stems a regular word as Porter does, British spelling folded', () => {
    expect(wordStem('gradients')).toBe('gradient');
    expect(wordStem('normalised')).toBe(wordStem('normalized'));
    expect(wordStem('generally')).toBe('general');
  });
});

describe('lexiconPhraseAt', () => {
  it('finds the longest phrase that starts at a place, within the limit', () => {
    const stems = ['the', 'veri', 'small', 'gradient'];
    expect(lexiconPhraseAt(stems, 1, 4)).toEqual({ key: '~less', length: 2 });
    expect(lexiconPhraseAt(stems, 1, 2)).toBeUndefined();
    expect(lexiconPhraseAt(stems, 2, 3)).toEqual({ key: '~less', length: 1 });
    expect(lexiconPhraseAt(stems, 3, 4)).toEqual({ key: '~gradient', length: 1 });
    expect(lexiconPhraseAt(['zzz'], 0, 1)).toBeUndefined();
  });

  it('prefers the longer of two phrases that start with the same word, however the lexicon lists them', () => {
    // `lack` and `lack of` are both negations; `lack of` is listed after `lack`.
    expect(lexiconPhraseAt(['lack', 'of', 'data'], 0, 3)).toEqual({ key: '~no', length: 2 });
    expect(lexiconPhraseAt(['lack', 'of', 'data'], 0, 1)).toEqual({ key: '~no', length: 1 });
    // The longer phrase fits but is not there: every one of its words must be.
    expect(lexiconPhraseAt(['lack', 'data'], 0, 2)).toEqual({ key: '~no', length: 1 });
    expect(lexiconPhraseAt(['the', 'lack', 'of'], 1, 3)).toEqual({ key: '~no', length: 2 });
  });

  it('reads digits as words of a phrase', () => {
    expect(lexiconPhraseAt(['2'], 0, 1)).toEqual({ key: '~two', length: 1 });
    expect(lexiconPhraseAt(['3', 'layer'], 0, 2)).toEqual({ key: '~three', length: 1 });
  });

  it('reads negations as their own families', () => {
    expect(lexiconPhraseAt(['not'], 0, 1)).toEqual({ key: '~not', length: 1 });
    expect(lexiconPhraseAt(['no'], 0, 1)).toEqual({ key: '~no', length: 1 });
    expect(lexiconPhraseAt(['instead', 'of'], 0, 2)).toEqual({ key: '~no', length: 2 });
  });
});

describe('families', () => {
  it.each(['large', 'slow', 'remove', 'smaller', 'random'])('takes "%s" for a word of general English', (word) => {
    expect(isGeneralWord(word)).toBe(true);
  });

  it.each(['gradient', 'dropout', 'zzz', 'the'])('takes "%s" for no word of general English', (word) => {
    expect(isGeneralWord(word)).toBe(false);
  });

  it.each([
    ['~less', '~more'], ['~fast', '~slow'], ['~stable', '~unstable'], ['~converge', '~diverge'], ['~same', '~different'], ['~good', '~bad'],
    ['~positive', '~negative'], ['~prevent', '~cause'], ['~cheap', '~expensive'], ['~maximize', '~minimize'],
  ])('takes "%s" and "%s" for opposites', (a, b) => {
    expect(oppositeOf(a)).toBe(b);
    expect(oppositeOf(b)).toBe(a);
  });

  it('gives no opposite to a family without one', () => {
    expect(oppositeOf('~gradient')).toBeUndefined();
    expect(oppositeOf('less')).toBeUndefined();
  });

  it.each([
    ['~stable', '~unstable'], ['~unstable', '~stable'], ['~same', '~different'], ['~different', '~same'], ['~good', '~bad'], ['~bad', '~good'],
    ['~gradient', 'un~gradient'], ['dropout', 'undropout'], ['un~gradient', '~gradient'], ['undropout', 'unundropout'], ['~constructor', 'un~constructor'], ['~toString', 'un~toString'],
    ['astable', 'unastable'], ['xgood', 'unxgood'],
  ])('reads "%s" negated as "%s"', (key, negated) => {
    expect(negatedKey(key)).toBe(negated);
  });

  it('hears a negated family as its named opposite', () => {
    expect(hears('training is unstable', 'training is not stable')).toBe(true);
    expect(hears('weights are different', 'weights are not the same')).toBe(true);
    expect(hears('bad results', 'not good results')).toBe(true);
  });
});

describe('synonymsOf and contentWords', () => {
  it('gives the WordNet synonyms of a word, and none for an unknown word', () => {
    expect(synonymsOf('huge')).toContain('immense');
    expect(synonymsOf('zzzz')).toEqual([]);
    expect(synonymsOf('')).toEqual([]);
  });

  it('keeps the words of a text that carry meaning', () => {
    expect(contentWords('The Gradients of the loss')).toEqual(['gradients', 'loss']);
  });
});
