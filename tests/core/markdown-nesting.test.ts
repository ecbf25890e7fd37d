import { describe, expect, it } from 'vitest';
import { boundMarkdownNesting, MAX_MARKDOWN_NESTING } from '../../src/core/markdown-nesting.js';

describe('boundMarkdownNesting', () => {
  it.each([
    ['block quotes', '>>>> x', '>>x'],
    ['spaced block quotes', '> > > x', '> > x'],
    ['bullet lists', '- * + x', '- * x'],
    ['ordered lists', '1. 2) 3. x', '1. 2) x'],
    ['mixed containers', '> - 1. > x', '> - x'],
    ['indented markers', '   > > > x', '   > > x'],
    ['markers after a tab', '>\t>\t>\tx', '>\t>\tx'],
    ['list markers followed by several blanks', '-\t\t-\t\t-\tx', '-\t\t-\t\tx'],
    ['nine-digit list numbers', '1. 123456789. 2. x', '1. 123456789. x'],
  ])('keeps the first max levels of %s and drops the deeper markers', (_, line, bounded) => {
    expect(boundMarkdownNesting(line, 2)).toBe(bounded);
  });

  it.each([
    ['exactly max levels', '>> x'],
    ['fewer levels', '> x'],
    ['no container at all', 'plain text'],
    ['an empty line', ''],
    ['a marker four spaces in (code)', '    > > > x'],
    ['a list marker without a blank after it', '-x -y -z'],
    ['a ten-digit number, which is no list marker', '1234567890. 1234567890. 1234567890. x'],
    ['markers after the text starts', 'x > > > >'],
    ['dots without a number', '. . . x'],
  ])('leaves a line with %s as it is', (_, line) => {
    expect(boundMarkdownNesting(line, 2)).toBe(line);
  });

  it('bounds each line on its own', () => {
    expect(boundMarkdownNesting('>>> a\nplain\n- - - b\n>> c', 2)).toBe('>>a\nplain\n- - b\n>> c');
  });

  it(`keeps ${MAX_MARKDOWN_NESTING} levels unless told otherwise`, () => {
    expect(MAX_MARKDOWN_NESTING).toBe(16);
    expect(boundMarkdownNesting(`${'>'.repeat(16)} deep`)).toBe(`${'>'.repeat(16)} deep`);
    expect(boundMarkdownNesting(`${'>'.repeat(17)} deep`)).toBe(`${'>'.repeat(16)}deep`);
    expect(boundMarkdownNesting(`${'>'.repeat(3000)} deep`)).toBe(`${'>'.repeat(16)}deep`);
  });
});
