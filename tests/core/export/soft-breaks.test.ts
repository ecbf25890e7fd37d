import { describe, expect, it } from 'vitest';
import { unwrapParagraphs } from '../../../src/core/export/soft-breaks.js';

describe('unwrapParagraphs', () => {
  it('puts each paragraph on one line and keeps the blank lines between paragraphs', () => {
    expect(unwrapParagraphs('one\n  two\nthree\n\nfour\nfive\n')).toBe('one two three\n\nfour five\n');
  });

  it('keeps hard breaks: two trailing spaces or a backslash', () => {
    expect(unwrapParagraphs('a  \nb\\\nc\nd')).toBe('a  \nb\\\nc d');
  });

  it('leaves lists, quotes, code and headings exactly as written', () => {
    const text = '# Head\n\n- a\n  b\n- c\n\n> q\n> r\n\n    indented\n    code\n\n```\nx\ny\n```\n';
    expect(unwrapParagraphs(text)).toBe(text);
  });
});
