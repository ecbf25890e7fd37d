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

describe('stripControlSequences, at the edges of each unsafe range', () => {
  it.each([
    ['\u0000', ''], ['\u0008', ''], ['\u0009', '\u0009'], ['\u000A', '\u000A'], ['\u000B', ''], ['\u001F', ''], ['\u0020', '\u0020'],
    ['\u007E', '\u007E'], ['\u007F', ''], ['\u009F', ''], ['\u00A0', '\u00A0'],
    ['\u2029', '\u2029'], ['\u202A', ''], ['\u202C', ''], ['\u202E', ''], ['\u202F', '\u202F'],
    ['\u2065', '\u2065'], ['\u2066', ''], ['\u2069', ''], ['\u206A', '\u206A'],
  ])('turns U+%s between letters into "%s"', (character, kept) => {
    expect(stripControlSequences(`a${character}b${character}c`)).toBe(`a${kept}b${kept}c`);
  });

  it('turns every carriage return into a newline, not only the first', () => {
    expect(stripControlSequences('a\rb\r\nc\r\rd')).toBe('a\nb\nc\n\nd');
  });
});

describe('quoteFound, value by value', () => {
  it.each([
    [null, 'null'],
    [undefined, 'undefined'],
    [true, 'boolean true'],
    [0, 'number 0'],
    ['', '""'],
    [['a'], 'a list'],
    [{ a: 1 }, 'a mapping'],
    ['two  spaced\t\twords', '"two spaced\\t\\twords"'],
  ])('quotes %j as %s', (value, expected) => {
    expect(quoteFound(value)).toBe(expected);
  });

  it('puts a value on one line, whitespace runs made one space', () => {
    expect(quoteFound({ toString: () => 'x' })).toBe('a mapping');
    expect(quoteFound('a   b  c')).toBe('"a b c"');
  });

  it('keeps a quote of exactly the limit whole, and cuts a longer one to the limit with an ellipsis', () => {
    expect(quoteFound('x'.repeat(8), 10)).toBe(`"${'x'.repeat(8)}"`);
    expect(quoteFound('x'.repeat(9), 10)).toBe(`"${'x'.repeat(8)}…`);
    expect(quoteFound('x'.repeat(9), 10)).toHaveLength(10);
    expect(quoteFound('x'.repeat(58))).toBe(`"${'x'.repeat(58)}"`);
    expect(quoteFound('x'.repeat(59))).toBe(`"${'x'.repeat(58)}…`);
  });
});
