import { describe, expect, it } from 'vitest';
import { quoteFound, stripControlSequences } from '../../src/core/safe-text.js';

describe('stripControlSequences', () => {
  it.each([
    ['screen clearing', 'a\u001b[2J\u001b[Hb', 'ab'],
    ['colour', '\u001b[31mred\u001b[0m', 'red'],
    ['cursor movement', 'x\u001b[1A\u001b[10Cy', 'xy'],
    ['an OSC 52 clipboard write ended by BEL', 'a\u001b]52;c;cHduZWQ=\u0007b', 'ab'],
    ['an OSC 8 hyperlink ended by ST', '\u001b]8;;https://evil.example\u001b\\link\u001b]8;;\u001b\\', 'link'],
    ['a C1 CSI sequence', 'a\u009b2Jb', 'ab'],
    ['a bell', 'a\u0007b', 'ab'],
    ['a lone escape at the end', 'ab\u001b', 'ab'],
    ['bidi overrides and isolates', 'a\u202Eb\u2066c\u2069', 'abc'],
    ['carriage returns', 'a\r\nb\rc', 'a\nb\nc'],
  ])('removes %s', (_name, input, expected) => {
    expect(stripControlSequences(input)).toBe(expected);
  });

  it('keeps tabs, newlines and ordinary Unicode', () => {
    expect(stripControlSequences('a\tb\nnaïve 学习 ✓')).toBe('a\tb\nnaïve 学习 ✓');
  });
});

describe('quoteFound', () => {
  it('describes values for error messages, short and on one line', () => {
    expect(quoteFound(42)).toBe('number 42');
    expect(quoteFound([1])).toBe('a list');
    expect(quoteFound({})).toBe('a mapping');
    expect(quoteFound('x'.repeat(100))).toHaveLength(60);
    expect(quoteFound('a\u001b[2Jb')).toBe('"ab"');
  });
});
