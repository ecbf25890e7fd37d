import { describe, expect, it } from 'vitest';
import { englishWords, wordsOfList } from '../../../src/core/grading/word-list.js';

describe('wordsOfList', () => {
  it('keeps the lines after the notice, whatever letters the notice holds, without the final line break', () => {
    expect(wordsOfList('# a notice: words of five letters\n#\n# by someone\naardvark\nabacus\nzygote\n')).toBe('aardvark\nabacus\nzygote');
  });

  it('reads a list without a notice as it is', () => {
    expect(wordsOfList('about\nabove\n\n')).toBe('about\nabove');
  });
});

describe('englishWords', () => {
  it('reads the shipped list: sorted words from aardvark on, none of its notice', () => {
    const words = englishWords();
    expect(words.startsWith('aardvark\n')).toBe(true);
    expect(words.endsWith('\nzygotes')).toBe(true);
    expect(words).not.toContain('#');
  });
});
