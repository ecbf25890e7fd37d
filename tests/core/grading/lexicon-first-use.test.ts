import { describe, expect, it } from 'vitest';
import { isGeneralWord, lexiconPhraseAt, synonymsOf } from '../../../src/core/grading/lexicon.js';

// The lexicon's index and the synonym table are read on first use, once per process: this file's
// one test is the first use, so what it asserts holds of the index as it is built, not of one
// some earlier test built.
describe('the lexicon, read on first use', () => {
  it('knows general words, reads the longest phrase first and finds synonyms, whichever is asked first', () => {
    expect(isGeneralWord('large')).toBe(true);
    expect(isGeneralWord('gradient')).toBe(false);
    // `lack of` is listed after `lack`: the index puts the longer phrase first.
    expect(lexiconPhraseAt(['lack', 'of', 'data'], 0, 3)).toEqual({ key: '~no', length: 2 });
    expect(lexiconPhraseAt(['veri', 'small'], 0, 2)).toEqual({ key: '~less', length: 2 });
    expect(synonymsOf('huge')).toContain('immense');
    expect(synonymsOf('immense')).toContain('huge');
  });
});
