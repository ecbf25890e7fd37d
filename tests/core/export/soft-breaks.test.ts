import type { Token } from 'marked';
import { describe, expect, it } from 'vitest';
import { joinSoftBreaks, unwrapParagraphs } from '../../../src/core/export/soft-breaks.js';

describe('unwrapParagraphs', () => {
  it('puts each paragraph on one line and keeps the blank lines between paragraphs', () => {
    expect(unwrapParagraphs('one\n  two\nthree\n\nfour\nfive\n')).toBe('one two three\n\nfour five\n');
  });

  it('keeps hard breaks: two trailing spaces or a backslash', () => {
    expect(unwrapParagraphs('a  \nb\\\nc\nd')).toBe('a  \nb\\\nc d');
  });

  it.each([
    ['one trailing space is no hard break', 'a \nb', 'a b'],
    ['blanks around a soft break become one space', 'a \t\n \tb', 'a b'],
    ['three trailing spaces are a hard break', 'a   \nb', 'a   \nb'],
    ['a hard break keeps the next line as written', 'a  \n  b\nc', 'a  \n  b c'],
    ['a backslash inside the line is no hard break', 'a\\b\nc', 'a\\b c'],
    ['two spaces inside the line are no hard break', 'a  b\nc', 'a  b c'],
    ['several trailing newlines stay', 'a\nb\n\n\n', 'a b\n\n\n'],
    ['a paragraph without a trailing newline gets none', 'a\nb', 'a b'],
    ['a single line stays as it is', 'just one line\n', 'just one line\n'],
    ['a paragraph starts at its first word', 'a\n  b\n\n  c\n d', 'a b\n\n  c d'],
  ])('%s', (_, markdown, unwrapped) => {
    expect(unwrapParagraphs(markdown)).toBe(unwrapped);
  });

  it('leaves lists, quotes, code and headings exactly as written', () => {
    const text = '# Head\n\n- a\n  b\n- c\n\n> q\n> r\n\n    indented\n    code\n\n```\nx\ny\n```\n';
    expect(unwrapParagraphs(text)).toBe(text);
  });

  it('unwraps only the paragraphs between other blocks', () => {
    expect(unwrapParagraphs('# Head\n\nsome\ntext\n\n- a\n  b\n\nmore\ntext')).toBe('# Head\n\nsome text\n\n- a\n  b\n\nmore text');
  });

  it('leaves Markdown whose tokens do not add up to its text alone', () => {
    expect(unwrapParagraphs('a\r\nb')).toBe('a\r\nb');
  });

  it('leaves Markdown too deeply nested to parse as it is', () => {
    // Deep enough to exhaust the parser's stack in a forked process and in a worker thread alike.
    const deep = `${'*'.repeat(10_000)}x${'*'.repeat(10_000)}\nline`;
    expect(unwrapParagraphs(deep)).toBe(deep);
  });

  it('lets any error other than running out of stack through', () => {
    expect(() => unwrapParagraphs(undefined as unknown as string)).toThrow(TypeError);
  });
});

describe('joinSoftBreaks', () => {
  const text = (raw: string, extra: object = {}) => ({ type: 'text', raw, text: raw, ...extra }) as Token;

  it.each([
    ['a\nb', 'a b'],
    ['a \t\n\t b', 'a b'],
    ['a\nb\nc', 'a b c'],
    ['no break', 'no break'],
    ['a  b', 'a  b'],
  ])('makes the soft breaks of a text token spaces: %j → %j', (raw, joined) => {
    const token = text(raw);
    joinSoftBreaks(token);
    expect((token as { text: string }).text).toBe(joined);
  });

  it('leaves text tokens with inline tokens of their own, and other tokens, alone', () => {
    const parent = text('a\nb', { tokens: [text('a\nb')] });
    joinSoftBreaks(parent);
    expect((parent as { text: string }).text).toBe('a\nb');
    const code = { type: 'codespan', raw: '`a\nb`', text: 'a\nb' } as Token;
    joinSoftBreaks(code);
    expect((code as { text: string }).text).toBe('a\nb');
  });

  it('joins a text token whose tokens field is empty or missing', () => {
    const token = text('a\nb', { tokens: undefined });
    joinSoftBreaks(token);
    expect((token as { text: string }).text).toBe('a b');
  });
});
